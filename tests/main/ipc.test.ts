// The IPC wrapper: only the app's own page may call, only contract channels exist, arguments are validated before the
// service sees them, and every failure comes back as a typed { code, message } error.
import { describe, expect, it } from 'vitest';
import type { IpcMain, WebContents } from 'electron';
import type { PollwatchApi, PollwatchEvent } from '../../electron/contract/api.ts';
import { EVENT_CHANNEL, METHODS, channelOf } from '../../electron/contract/methods.ts';
import { ApiError } from '../../electron/contract/validate.ts';
import { callFromIpc, forwardEvents, isAppSender, methodOfChannel, registerIpc } from '../../electron/main/ipc.ts';

/** A stand-in service API that records what reached it. */
function recordingApi() {
  const calls: { method: string; args: unknown[] }[] = [];
  const api = new Proxy({}, {
    get: (_t, name: string) => async (...args: unknown[]) => {
      calls.push({ method: name, args });
      if (name === 'getItem' && args[0] === 'missing') throw new ApiError('not-found', 'no item missing');
      if (name === 'removeFeed') throw new Error('disk full\n    at Store.write (store.ts:1:1)');
      if (name === 'removeFolder') return undefined;
      return { method: name, args };
    },
  }) as PollwatchApi;
  return { api, calls };
}

const fromApp = { senderFrame: { url: 'app://pollwatch/index.html' } };

describe('the sender check', () => {
  it('accepts the app page only', () => {
    expect(isAppSender(fromApp)).toBe(true);
    expect(isAppSender({ senderFrame: { url: 'app://pollwatch/index.html#/statement/x' } })).toBe(true);
  });

  it('refuses forged senders: file://, the web, look-alike app hosts, frames without a URL', () => {
    const forged = [
      'file:///home/user/evil.html',
      'https://evil.example/',
      'http://127.0.0.1:5173/',
      'app://evil/index.html',
      'app://pollwatch.evil.example/index.html',
      'app://pollwatch@evil/index.html',
      'about:srcdoc',
      'about:blank',
      'data:text/html,hi',
      'devtools://devtools/bundled/inspector.html',
      '',
    ];
    for (const url of forged) expect(isAppSender({ senderFrame: { url } }), url).toBe(false);
    expect(isAppSender({ senderFrame: null })).toBe(false);
    expect(isAppSender(null)).toBe(false);
  });
});

describe('callFromIpc', () => {
  it('calls the service with the validated arguments and returns its value', async () => {
    const { api, calls } = recordingApi();
    const res = await callFromIpc(api, 'pollwatch:setStarred', fromApp, ['st-1', true]);
    expect(res).toEqual({ ok: true, value: { method: 'setStarred', args: ['st-1', true] } });
    expect(calls).toEqual([{ method: 'setStarred', args: ['st-1', true] }]);
  });

  it('returns null for methods that resolve with nothing', async () => {
    const { api } = recordingApi();
    expect(await callFromIpc(api, 'pollwatch:removeFolder', fromApp, ['f1'])).toEqual({ ok: true, value: null });
  });

  it('refuses a forged sender with "forbidden" before the service is called', async () => {
    for (const url of ['file:///tmp/x.html', 'https://evil.example/', 'app://evil/index.html']) {
      const { api, calls } = recordingApi();
      const res = await callFromIpc(api, 'pollwatch:removeFeed', { senderFrame: { url } }, ['feed-1']);
      expect(res.ok).toBe(false);
      if (!res.ok) expect(res.error.code).toBe('forbidden');
      expect(calls).toEqual([]);
    }
    const { api, calls } = recordingApi();
    const gone = await callFromIpc(api, 'pollwatch:listFeeds', { senderFrame: null }, []);
    expect(gone).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(calls).toEqual([]);
  });

  it('refuses bad arguments with "bad-argument" before the service is called', async () => {
    const bad: [string, unknown][] = [
      ['pollwatch:setStarred', ['st-1', 'yes']],
      ['pollwatch:setStarred', ['st-1']],
      ['pollwatch:setStarred', ['st-1', true, 'extra']],
      ['pollwatch:queryStatements', [{ q: 'x', __proto__: { polluted: true }, evil: 1 }, 0, 50]],
      ['pollwatch:queryStatements', [{}, -1, 50]],
      ['pollwatch:queryStatements', [{}, 0, 1e9]],
      ['pollwatch:getItem', ['']],
      ['pollwatch:getItem', [{ toString: 'x' }]],
      ['pollwatch:updateSettings', [{ dataDir: '/etc' }]],
      ['pollwatch:correct', ['st-1', { aboutCountry: 'Pakistan' }]],
      ['pollwatch:listFeeds', 'not-an-array'],
    ];
    for (const [channel, args] of bad) {
      const { api, calls } = recordingApi();
      const res = await callFromIpc(api, channel, fromApp, args);
      expect(res.ok, `${channel} ${JSON.stringify(args)}`).toBe(false);
      if (!res.ok) expect(res.error.code, channel).toBe('bad-argument');
      expect(calls).toEqual([]);
    }
  });

  it('refuses channels that are not contract methods with "unknown-method"', async () => {
    for (const channel of ['pollwatch:constructor', 'pollwatch:__proto__', 'pollwatch:toString', 'pollwatch:store', 'pollwatch:event', 'other:listFeeds', 'listFeeds', '']) {
      const { api, calls } = recordingApi();
      const res = await callFromIpc(api, channel, fromApp, []);
      expect(res, channel).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
      expect(calls).toEqual([]);
    }
  });

  it('passes the service\'s typed errors through, and turns other throws into a one-line "failed"', async () => {
    const { api } = recordingApi();
    expect(await callFromIpc(api, 'pollwatch:getItem', fromApp, ['missing'])).toEqual({ ok: false, error: { code: 'not-found', message: 'no item missing' } });
    expect(await callFromIpc(api, 'pollwatch:removeFeed', fromApp, ['feed-1'])).toEqual({ ok: false, error: { code: 'failed', message: 'disk full' } });
  });

  it('maps channels to methods', () => {
    expect(methodOfChannel('pollwatch:status')).toBe('status');
    expect(methodOfChannel(EVENT_CHANNEL)).toBeNull();
    expect(methodOfChannel('x:status')).toBeNull();
    expect(methodOfChannel(42)).toBeNull();
  });
});

describe('registerIpc', () => {
  it('registers exactly one handler per contract method, all through the checked wrapper, and removes them', async () => {
    const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
    const ipcMain = {
      handle: (channel: string, h: (event: unknown, ...args: unknown[]) => Promise<unknown>) => { handlers.set(channel, h); },
      removeHandler: (channel: string) => { handlers.delete(channel); },
    };
    const { api, calls } = recordingApi();
    const unregister = registerIpc(ipcMain as unknown as IpcMain, api);
    expect([...handlers.keys()].sort()).toEqual(METHODS.map((m) => channelOf(m)).sort());
    expect(await handlers.get('pollwatch:pauseFeed')!(fromApp, 'feed-1', true)).toEqual({ ok: true, value: { method: 'pauseFeed', args: ['feed-1', true] } });
    expect(await handlers.get('pollwatch:pauseFeed')!({ senderFrame: { url: 'https://evil.example/' } }, 'feed-1', true)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await handlers.get('pollwatch:pauseFeed')!(fromApp, 'feed-1', 'no')).toMatchObject({ ok: false, error: { code: 'bad-argument' } });
    expect(calls).toHaveLength(1);
    unregister();
    expect(handlers.size).toBe(0);
  });
});

describe('forwardEvents', () => {
  it('sends service events on the event channel to app pages only', () => {
    let emit: ((e: PollwatchEvent) => void) | null = null;
    let unsubscribed = false;
    const service = { onEvent: (l: (e: PollwatchEvent) => void) => { emit = l; return () => { unsubscribed = true; }; } };
    const sent: { who: string; channel: string; payload: unknown }[] = [];
    const wc = (who: string, url: string, destroyed = false) => ({
      isDestroyed: () => destroyed,
      getURL: () => url,
      send: (channel: string, payload: unknown) => sent.push({ who, channel, payload }),
    }) as unknown as WebContents;
    const stop = forwardEvents(service, () => [wc('app', 'app://pollwatch/index.html'), wc('web', 'https://evil.example/'), wc('gone', 'app://pollwatch/index.html', true)]);
    emit!({ type: 'feeds-changed' });
    expect(sent).toEqual([{ who: 'app', channel: EVENT_CHANNEL, payload: { type: 'feeds-changed' } }]);
    stop();
    expect(unsubscribed).toBe(true);
  });
});
