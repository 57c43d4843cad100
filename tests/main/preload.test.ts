// The preload exposes exactly the contract (its methods plus onEvent) on window.pollwatch through a stand-in
// contextBridge, never ipcRenderer itself; calls map to their channels, errors keep their code, events lose the IPC event.
// The .cts source is compiled to CommonJS as the build does and run with a require that, like Electron's sandboxed
// preload, offers 'electron' (here the stand-ins) and nothing else.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PollwatchBridge } from '../../electron/contract/api.ts';
import { EVENT_CHANNEL, METHODS, channelOf } from '../../electron/contract/methods.ts';

const exposed: { key: string; api: unknown }[] = [];
const invoked: { channel: string; args: unknown[] }[] = [];
const listeners = new Map<string, Set<(...a: unknown[]) => void>>();
let answer: unknown = { ok: true, value: 'fine' };

const fakeIpcRenderer = {
  invoke: async (channel: string, ...args: unknown[]) => {
    invoked.push({ channel, args });
    return answer;
  },
  on: (channel: string, l: (...a: unknown[]) => void) => {
    if (!listeners.has(channel)) listeners.set(channel, new Set());
    listeners.get(channel)!.add(l);
  },
  removeListener: (channel: string, l: (...a: unknown[]) => void) => { listeners.get(channel)?.delete(l); },
  send: () => { throw new Error('the preload must not use ipcRenderer.send'); },
  sendSync: () => { throw new Error('the preload must not use ipcRenderer.sendSync'); },
};

const fakeElectron = {
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.push({ key, api }) },
  ipcRenderer: fakeIpcRenderer,
};

const PRELOAD = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../electron/preload.cts');
const required: string[] = [];
let bridge: PollwatchBridge;
let preloadModule: { PRELOAD_METHODS: readonly string[] };

beforeAll(() => {
  const { outputText } = ts.transpileModule(fs.readFileSync(PRELOAD, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    fileName: 'preload.cts',
  });
  const sandboxRequire = (name: string): unknown => {
    required.push(name);
    if (name === 'electron') return fakeElectron;
    throw new Error(`module not available in a sandboxed preload: ${name}`);
  };
  const module = { exports: {} as Record<string, unknown> };
  new Function('require', 'module', 'exports', outputText)(sandboxRequire, module, module.exports);
  preloadModule = module.exports as unknown as { PRELOAD_METHODS: readonly string[] };
  bridge = exposed[0]!.api as PollwatchBridge;
});

describe('the preload surface', () => {
  it('exposes one object, window.pollwatch, and needs no module but electron (it runs sandboxed)', () => {
    expect(exposed.map((e) => e.key)).toEqual(['pollwatch']);
    expect(required).toEqual(['electron']);
  });

  it('holds exactly the contract methods plus onEvent, all functions, nothing else', () => {
    expect(Object.keys(bridge).sort()).toEqual([...METHODS, 'onEvent'].sort());
    for (const [k, v] of Object.entries(bridge)) expect(typeof v, k).toBe('function');
    expect(Object.values(bridge)).not.toContain(fakeIpcRenderer);
    expect(Object.values(bridge)).not.toContain(fakeIpcRenderer.invoke);
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('keeps its method list equal to the contract\'s METHODS, in order', () => {
    expect([...preloadModule.PRELOAD_METHODS]).toEqual([...METHODS]);
  });
});

describe('calls', () => {
  it('each method invokes its own channel with the arguments as given', async () => {
    invoked.length = 0;
    answer = { ok: true, value: { feeds: 3 } };
    await expect(bridge.addFeed('https://example.org/feed.xml', null)).resolves.toEqual({ feeds: 3 });
    await bridge.status();
    expect(invoked).toEqual([
      { channel: channelOf('addFeed'), args: ['https://example.org/feed.xml', null] },
      { channel: channelOf('status'), args: [] },
    ]);
  });

  it('a refused call rejects with an Error whose message carries the typed code', async () => {
    answer = { ok: false, error: { code: 'forbidden', message: 'calls are accepted from the app\'s own pages only' } };
    await expect(bridge.listFeeds()).rejects.toThrow(/^\[forbidden\] calls are accepted/);
    answer = undefined;
    await expect(bridge.listFeeds()).rejects.toThrow(/^\[failed\] /);
  });
});

describe('events', () => {
  it('the listener gets the event only (no IPC event object), and the unsubscribe function stops it', () => {
    const got: unknown[][] = [];
    const unsubscribe = bridge.onEvent((...args: unknown[]) => { got.push(args); });
    const ipcEvent = { sender: fakeIpcRenderer, senderFrame: {}, ports: [] };
    for (const l of listeners.get(EVENT_CHANNEL) ?? []) l(ipcEvent, { type: 'feeds-changed' });
    expect(got).toEqual([[{ type: 'feeds-changed' }]]);
    expect(typeof unsubscribe).toBe('function');
    unsubscribe();
    expect(listeners.get(EVENT_CHANNEL)?.size ?? 0).toBe(0);
    for (const l of listeners.get(EVENT_CHANNEL) ?? []) l(ipcEvent, { type: 'feeds-changed' });
    expect(got).toHaveLength(1);
  });

  it('subscribes only to the event channel', () => {
    const unsubscribe = bridge.onEvent(() => undefined);
    expect([...listeners.keys()]).toEqual([EVENT_CHANNEL]);
    unsubscribe();
    expect(() => bridge.onEvent('nope' as never)).toThrow(TypeError);
  });
});
