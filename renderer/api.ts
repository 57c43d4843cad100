// The renderer's one way to the app: window.pollwatch in Electron, else an HTTP bridge built from METHODS (browser mode).
import type { ApiErrorShape, MethodName, PollwatchApi, PollwatchBridge, PollwatchEvent } from '../electron/contract/api';
import { METHODS } from '../electron/contract/methods';

const TOKEN_KEY = 'pollwatch-token';

/** An API failure carrying the contract's error code. */
export class ApiError extends Error {
  readonly code: ApiErrorShape['code'] | 'network';
  constructor(code: ApiErrorShape['code'] | 'network', message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }
}

/** Reads `#token=…` from the URL once, keeps it in sessionStorage and removes it from the address (search params stay). */
export function takeToken(loc: Location, storage: Storage, history: History): string | null {
  const m = /(?:^#|&)token=([^&]+)/.exec(loc.hash);
  if (m) {
    const token = decodeURIComponent(m[1]!);
    storage.setItem(TOKEN_KEY, token);
    const rest = loc.hash.replace(/(^#|&)token=[^&]+/, '$1').replace(/^#&?$/, '');
    history.replaceState(history.state, '', loc.pathname + loc.search + (rest && rest !== '#' ? rest : ''));
    return token;
  }
  return storage.getItem(TOKEN_KEY);
}

export interface HttpBridgeOptions {
  token: string;
  baseUrl?: string;
  fetchImpl?: typeof fetch;
  eventSource?: (url: string) => EventSource;
}

/** The PollwatchBridge over HTTP: POST /api/call/<method> {args}, events from /api/events (server-sent events). */
export function createHttpBridge(opts: HttpBridgeOptions): PollwatchBridge {
  const base = opts.baseUrl ?? '';
  const doFetch = opts.fetchImpl ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const call = async (method: MethodName, args: unknown[]): Promise<unknown> => {
    let res: Response;
    try {
      res = await doFetch(`${base}/api/call/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Pollwatch-Token': opts.token },
        body: JSON.stringify({ args }),
      });
    } catch (e) {
      throw new ApiError('network', e instanceof Error ? e.message : String(e));
    }
    let body: unknown = null;
    try { body = await res.json(); } catch { body = null; }
    if (!res.ok) {
      const err = (body as { error?: Partial<ApiErrorShape> } | null)?.error;
      throw new ApiError(err?.code ?? 'failed', err?.message ?? `HTTP ${res.status}`);
    }
    return (body as { result?: unknown } | null)?.result;
  };

  const listeners = new Set<(e: PollwatchEvent) => void>();
  let source: EventSource | null = null;
  const open = (): void => {
    if (source) return;
    const url = `${base}/api/events?token=${encodeURIComponent(opts.token)}`;
    source = opts.eventSource ? opts.eventSource(url) : new EventSource(url);
    source.onmessage = (msg: MessageEvent) => {
      let event: PollwatchEvent;
      try { event = JSON.parse(String(msg.data)) as PollwatchEvent; } catch { return; }
      for (const l of [...listeners]) l(event);
    };
  };

  const bridge: Partial<Record<MethodName, (...args: unknown[]) => Promise<unknown>>> = {};
  for (const m of METHODS) {
    // JSON has no `undefined`: trailing ones are dropped, inner ones become null.
    bridge[m] = (...args: unknown[]) => {
      const list = [...args];
      while (list.length > 0 && list[list.length - 1] === undefined) list.pop();
      return call(m, list.map((a) => (a === undefined ? null : a)));
    };
  }
  return Object.assign(bridge as unknown as PollwatchApi, {
    onEvent(listener: (e: PollwatchEvent) => void): () => void {
      listeners.add(listener);
      open();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && source) { source.close(); source = null; }
      };
    },
  });
}

declare global {
  interface Window { pollwatch?: PollwatchBridge }
}

let cached: PollwatchBridge | null = null;

/** Only an Error's message crosses Electron's context bridge: the preload writes it "[code] message"; read it back. */
export function errorFromPreload(err: unknown): ApiError {
  const message = err instanceof Error ? err.message : String(err);
  const m = /^\[([a-z-]+)\] ([\s\S]*)$/.exec(message);
  const codes: readonly string[] = ['bad-argument', 'not-found', 'unknown-method', 'forbidden', 'failed'];
  return m && codes.includes(m[1]!) ? new ApiError(m[1] as ApiErrorShape['code'], m[2]!) : new ApiError('failed', message);
}

/** The preload's bridge with its errors turned into ApiError, like the HTTP bridge's. */
export function wrapPreloadBridge(raw: PollwatchBridge): PollwatchBridge {
  const bridge: Partial<Record<MethodName, (...args: unknown[]) => Promise<unknown>>> = {};
  for (const m of METHODS) {
    const fn = raw[m] as (...args: unknown[]) => Promise<unknown>;
    bridge[m] = (...args: unknown[]) => fn(...args).catch((e: unknown) => { throw errorFromPreload(e); });
  }
  return Object.assign(bridge as unknown as PollwatchApi, { onEvent: (l: (e: PollwatchEvent) => void) => raw.onEvent(l) });
}

/** The app's bridge: Electron's preload object when present, else the HTTP one (browser mode). */
export function getBridge(): PollwatchBridge {
  if (cached) return cached;
  if (window.pollwatch) {
    cached = wrapPreloadBridge(window.pollwatch);
    return cached;
  }
  const token = takeToken(window.location, window.sessionStorage, window.history) ?? '';
  cached = createHttpBridge({ token });
  return cached;
}
