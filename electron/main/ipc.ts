// The IPC binding of the API (checklist item 17): every contract method is registered through one wrapper that checks
// the channel name, the sender frame's origin (app://pollwatch only) and the arguments (the contract's validation)
// before calling the service, and answers { ok, value } or { ok: false, error: { code, message } }. Events go to windows.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { ApiErrorShape, PollwatchApi, PollwatchEvent } from '../contract/api.js';
import { EVENT_CHANNEL, METHODS, channelOf } from '../contract/methods.js';
import { ApiError, toErrorShape, validateCall } from '../contract/validate.js';
import { isAppUrl } from './security.js';

export const CHANNEL_PREFIX = 'pollwatch:';

/** What an IPC call answers; the preload turns an error into a rejected promise. */
export type IpcResult = { ok: true; value: unknown } | { ok: false; error: ApiErrorShape };

/** The part of an IPC event the wrapper reads. */
export interface IpcSender {
  senderFrame: { url: string } | null;
}

/** The method a channel names ("pollwatch:listFeeds" → "listFeeds"), or null for any other channel. */
export function methodOfChannel(channel: unknown): string | null {
  if (typeof channel !== 'string' || !channel.startsWith(CHANNEL_PREFIX) || channel === EVENT_CHANNEL) return null;
  return channel.slice(CHANNEL_PREFIX.length);
}

/** True when the calling frame shows one of the app's own pages (app://pollwatch/…), never file://, http(s) or a look-alike. */
export function isAppSender(event: IpcSender | null | undefined): boolean {
  const url = event?.senderFrame?.url;
  return typeof url === 'string' && isAppUrl(url) && new URL(url).pathname.startsWith('/');
}

/** The one wrapper: channel → sender → arguments → service call, every failure a typed error. */
export async function callFromIpc(api: PollwatchApi, channel: string, event: IpcSender, args: unknown): Promise<IpcResult> {
  try {
    const method = methodOfChannel(channel);
    if (method === null) throw new ApiError('unknown-method', `unknown channel ${JSON.stringify(String(channel)).slice(0, 80)}`);
    if (!isAppSender(event)) throw new ApiError('forbidden', `${method}: calls are accepted from the app's own pages only`);
    const call = validateCall(method, args);
    const fn = api[call.method] as (...a: unknown[]) => Promise<unknown>;
    const value = await fn.apply(api, call.args as unknown[]);
    return { ok: true, value: value === undefined ? null : value };
  } catch (err) {
    return { ok: false, error: toErrorShape(err) };
  }
}

/** Registers every contract method on ipcMain through callFromIpc; returns the function that removes them. */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, api: PollwatchApi): () => void {
  const channels = METHODS.map((m) => channelOf(m));
  for (const channel of channels) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, ...args: unknown[]) => callFromIpc(api, channel, event, args));
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}

/** Sends each service event to the app's windows that show an app:// page; returns the unsubscribe function. */
export function forwardEvents(
  service: { onEvent(listener: (e: PollwatchEvent) => void): () => void },
  targets: () => readonly WebContents[],
): () => void {
  return service.onEvent((e) => {
    for (const wc of targets()) {
      if (!wc.isDestroyed() && isAppUrl(wc.getURL())) wc.send(EVENT_CHANNEL, e);
    }
  });
}
