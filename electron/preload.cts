// The preload script (checklist item 20): exposes window.pollwatch — exactly the contract's methods, each an IPC call,
// plus onEvent (listener gets the event only, returns an unsubscribe function). No ipcRenderer, no Node module.
// A sandboxed preload cannot import the ESM contract, so the method list is a copy; tests/main/preload.test.ts asserts it
// equals METHODS exactly.
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import type { ApiErrorShape, PollwatchBridge, PollwatchEvent } from './contract/api.js';

export const PRELOAD_METHODS = [
  'status',
  'listFeeds', 'listFolders', 'addFeed', 'removeFeed', 'renameFeed', 'moveFeed', 'pauseFeed', 'refreshNow',
  'addFolder', 'renameFolder', 'removeFolder', 'importOpml', 'exportOpml', 'starterFeeds',
  'queryStatements', 'facets', 'getItem', 'listItems',
  'setReviewed', 'setStarred', 'setNote', 'correct',
  'listSavedSearches', 'saveSearch', 'deleteSavedSearch', 'markSavedSearchSeen',
  'exportStatements',
  'getSettings', 'updateSettings',
] as const;

const EVENT_CHANNEL = 'pollwatch:event';

type IpcResult = { ok: true; value: unknown } | { ok: false; error: ApiErrorShape };

/**
 * A rejected call carries the error's code in its message, "[code] message", because only an Error's message crosses
 * the context bridge; the renderer reads it back with /^\[([a-z-]+)\] /.
 */
function unwrap(result: IpcResult): unknown {
  if (result && result.ok === true) return result.value;
  const error = result && result.ok === false ? result.error : { code: 'failed', message: 'no answer from the app' };
  throw new Error(`[${error.code}] ${error.message}`);
}

/** Builds the bridge object from the method list and an invoke/on/removeListener trio (ipcRenderer in the app). */
export function buildBridge(ipc: {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown;
}): PollwatchBridge {
  const bridge: Record<string, unknown> = {};
  for (const method of PRELOAD_METHODS) {
    const channel = `pollwatch:${method}`;
    bridge[method] = async (...args: unknown[]): Promise<unknown> => unwrap((await ipc.invoke(channel, ...args)) as IpcResult);
  }
  bridge.onEvent = (listener: (event: PollwatchEvent) => void): (() => void) => {
    if (typeof listener !== 'function') throw new TypeError('onEvent needs a function');
    const handler = (_event: IpcRendererEvent, payload: unknown): void => listener(payload as PollwatchEvent);
    ipc.on(EVENT_CHANNEL, handler);
    return () => {
      ipc.removeListener(EVENT_CHANNEL, handler);
    };
  };
  return Object.freeze(bridge) as unknown as PollwatchBridge;
}

contextBridge.exposeInMainWorld('pollwatch', buildBridge(ipcRenderer));
