// Downloads a feed or page: conditional GET (ETag/Last-Modified), manual redirects, timeouts, a size cap on the
// decompressed body, Retry-After, and file: URLs. Returns raw bytes plus the Content-Type; decoding is parse.ts's job.
import { createReadStream, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export interface FetchOptions {
  etag?: string | null;
  lastModified?: string | null;
  /** Whole request, redirects and body included. Default 30 000 ms. */
  timeoutMs?: number;
  /** Until the response headers arrive (connecting plus the server starting to answer), per hop. Default 10 000 ms. */
  connectTimeoutMs?: number;
  /** Cap on the decompressed body. Default 20 MB. */
  maxBytes?: number;
  signal?: AbortSignal;
  accept?: string;
}

export type FetchResult =
  | {
      status: 'ok';
      /** Final URL after redirects. */
      url: string;
      /** Set when a chain of permanent redirects (301/308) from the requested URL moved it. */
      permanentUrl: string | null;
      httpStatus: number;
      bytes: Uint8Array;
      contentType: string | null;
      etag: string | null;
      lastModified: string | null;
    }
  | { status: 'not-modified'; url: string; permanentUrl: string | null; etag: string | null; lastModified: string | null };

export type FetchErrorKind =
  | 'bad-url'
  | 'network'
  | 'dns'
  | 'timeout'
  | 'too-large'
  | 'too-many-redirects'
  | 'http'
  | 'gone'
  | 'rate-limited';

/** A failed fetch; `message` is one plain-language line for the feed-health UI. */
export class FetchError extends Error {
  readonly kind: FetchErrorKind;
  readonly httpStatus: number | null;
  readonly retryAfterMs: number | null;
  constructor(kind: FetchErrorKind, message: string, opts: { httpStatus?: number | null; retryAfterMs?: number | null; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'FetchError';
    this.kind = kind;
    this.httpStatus = opts.httpStatus ?? null;
    this.retryAfterMs = opts.retryAfterMs ?? null;
  }
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
export const MAX_REDIRECTS = 5;
/** A Retry-After further away than this is treated as this (a hostile value must not silence a feed for years). */
const MAX_RETRY_AFTER_MS = 7 * 24 * 3600 * 1000;


function readVersion(): string {
  // Source (electron/core/feeds) and build (dist-electron/core/feeds) are both three levels below package.json.
  let dir = new URL('./', import.meta.url);
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'pollwatch' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      /* not here; look one level up */
    }
    dir = new URL('../', dir);
  }
  return '0.0.0';
}

export const USER_AGENT = `Pollwatch/${readVersion()} (election news reader; feed polling)`;

const DEFAULT_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, ' +
  'application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/html;q=0.7, */*;q=0.5';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const PERMANENT_STATUSES = new Set([301, 308]);

/** Why our own controller aborted. */
class Stop {
  constructor(readonly why: 'connect' | 'total') {}
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

function megabytes(n: number): string {
  const mb = n / (1024 * 1024);
  return mb >= 1 ? `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

function humanDelay(ms: number): string {
  const s = Math.ceil(ms / 1000);
  if (s < 120) return `${s} s`;
  const m = Math.ceil(s / 60);
  if (m < 120) return `${m} min`;
  return `${Math.ceil(m / 60)} h`;
}

/** Retry-After as milliseconds from now: delta-seconds or an HTTP-date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (value == null) return null;
  const v = value.trim();
  if (v === '') return null;
  if (/^\d+$/.test(v)) return Math.min(Number(v) * 1000, MAX_RETRY_AFTER_MS);
  const at = Date.parse(v);
  if (Number.isNaN(at)) return null;
  return Math.min(Math.max(0, at - now), MAX_RETRY_AFTER_MS);
}

function errorCode(err: unknown): string | null {
  let e: unknown = err;
  for (let depth = 0; depth < 5 && e && typeof e === 'object'; depth++) {
    const o = e as { code?: unknown; errors?: unknown[]; cause?: unknown };
    if (typeof o.code === 'string') return o.code;
    if (Array.isArray(o.errors) && o.errors.length) {
      const inner = errorCode(o.errors[0]);
      if (inner) return inner;
    }
    e = o.cause;
  }
  return null;
}

function causeMessage(err: unknown): string {
  let e: unknown = err;
  let msg = err instanceof Error ? err.message : String(err);
  for (let depth = 0; depth < 5 && e instanceof Error; depth++) {
    msg = e.message || msg;
    e = e.cause;
  }
  return msg;
}

/** Maps a low-level failure (fetch TypeError with a cause, stream error) to a FetchError. */
function networkError(err: unknown, host: string, phase: 'connect' | 'body'): FetchError {
  const code = errorCode(err);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NODATA' || code === 'EAI_NONAME' || code === 'EAI_FAIL') {
    return new FetchError('dns', `could not find the server ${host} (DNS lookup failed)`, { cause: err });
  }
  if (code === 'ECONNREFUSED') return new FetchError('network', `could not connect to ${host}: connection refused`, { cause: err });
  if (code === 'ENETUNREACH' || code === 'EHOSTUNREACH' || code === 'ENETDOWN' || code === 'EHOSTDOWN') {
    return new FetchError('network', `could not reach ${host}: the network is unreachable`, { cause: err });
  }
  if (code && (code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL') || /CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code))) {
    return new FetchError('network', `secure connection to ${host} failed: ${causeMessage(err)}`, { cause: err });
  }
  const msg = causeMessage(err);
  if (/bad port/i.test(msg)) return new FetchError('bad-url', `the port of ${host} is not allowed for web requests`, { cause: err });
  if (phase === 'body') return new FetchError('network', `the connection to ${host} broke while downloading: ${msg}`, { cause: err });
  return new FetchError('network', `could not connect to ${host}: ${msg}`, { cause: err });
}

function statusError(status: number, statusText: string, headers: Headers, host: string): FetchError {
  const label = `HTTP ${status}${statusText ? ` ${statusText}` : ''}`;
  if (status === 410) return new FetchError('gone', `the feed was removed from ${host} (${label})`, { httpStatus: status });
  if (status === 404) return new FetchError('gone', `the feed was not found at ${host} (${label})`, { httpStatus: status });
  const retryAfterMs = parseRetryAfter(headers.get('retry-after'));
  if (status === 429 || (status === 503 && retryAfterMs !== null)) {
    const when = retryAfterMs !== null ? `; retry in ${humanDelay(retryAfterMs)}` : '';
    return new FetchError('rate-limited', `${host} asked to slow down (${label})${when}`, { httpStatus: status, retryAfterMs });
  }
  if (status >= 500) return new FetchError('http', `the server at ${host} failed (${label})`, { httpStatus: status });
  if (status === 401 || status === 403) return new FetchError('http', `${host} refused access (${label})`, { httpStatus: status });
  return new FetchError('http', `${host} answered ${label}`, { httpStatus: status });
}

function parseUrl(url: string): URL {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    throw new FetchError('bad-url', `not a valid address: ${JSON.stringify(url.slice(0, 200))}`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:' && u.protocol !== 'file:') {
    throw new FetchError('bad-url', `unsupported address type "${u.protocol}" (only http, https and file)`);
  }
  return u;
}

/**
 * Fetches `url` (http, https or file). Resolves with the body bytes or 'not-modified'; rejects with a FetchError
 * (or, when `opts.signal` aborts, with the signal's reason).
 */
export async function fetchUrl(url: string, opts: FetchOptions = {}): Promise<FetchResult> {
  const target = parseUrl(url);
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  opts.signal?.throwIfAborted();
  if (target.protocol === 'file:') return fetchFile(target, opts, maxBytes);
  return fetchHttp(target, opts, maxBytes);
}

const FILE_TYPES: Record<string, string> = {
  '.xml': 'application/xml',
  '.rss': 'application/rss+xml',
  '.atom': 'application/atom+xml',
  '.rdf': 'application/rdf+xml',
  '.json': 'application/json',
  '.html': 'text/html',
  '.htm': 'text/html',
  '.opml': 'text/x-opml',
};

async function fetchFile(target: URL, opts: FetchOptions, maxBytes: number): Promise<FetchResult> {
  let path: string;
  try {
    path = fileURLToPath(target);
  } catch {
    throw new FetchError('bad-url', `not a local file address: ${target.href}`);
  }
  let info;
  try {
    info = await stat(path);
  } catch (err) {
    const code = errorCode(err);
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new FetchError('gone', `the file ${path} does not exist`, { cause: err });
    throw new FetchError('bad-url', `cannot read the file ${path}: ${causeMessage(err)}`, { cause: err });
  }
  if (!info.isFile()) throw new FetchError('bad-url', `${path} is not a file`);
  if (info.size > maxBytes) throw new FetchError('too-large', `the file ${path} is larger than ${megabytes(maxBytes)}`);
  const lastModified = info.mtime.toUTCString();
  const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  if ((opts.etag && opts.etag === etag) || (!opts.etag && opts.lastModified && opts.lastModified === lastModified)) {
    return { status: 'not-modified', url: target.href, permanentUrl: null, etag, lastModified };
  }
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    const stream = createReadStream(path, { signal: opts.signal });
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > maxBytes) {
        stream.destroy();
        throw new FetchError('too-large', `the file ${path} is larger than ${megabytes(maxBytes)}`);
      }
      chunks.push(chunk);
    }
  } catch (err) {
    if (err instanceof FetchError) throw err;
    if (opts.signal?.aborted) throw opts.signal.reason;
    throw new FetchError('bad-url', `cannot read the file ${path}: ${causeMessage(err)}`, { cause: err });
  }
  const ext = /\.[a-z0-9]+$/i.exec(path)?.[0]?.toLowerCase() ?? '';
  return {
    status: 'ok', url: target.href, permanentUrl: null, httpStatus: 200, bytes: new Uint8Array(Buffer.concat(chunks, total)),
    contentType: FILE_TYPES[ext] ?? null, etag, lastModified,
  };
}

async function fetchHttp(start: URL, opts: FetchOptions, maxBytes: number): Promise<FetchResult> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const connectTimeoutMs = opts.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const controller = new AbortController();
  const onOuterAbort = (): void => controller.abort(opts.signal?.reason);
  opts.signal?.addEventListener('abort', onOuterAbort, { once: true });
  const totalTimer = setTimeout(() => controller.abort(new Stop('total')), timeoutMs);
  let connectTimer: NodeJS.Timeout | undefined;

  // Turns whatever an abort produced into the right error.
  const aborted = (err: unknown, host: string, phase: 'connect' | 'body'): unknown => {
    if (!controller.signal.aborted) return err instanceof FetchError ? err : networkError(err, host, phase);
    const reason: unknown = controller.signal.reason;
    if (reason instanceof Stop) {
      return reason.why === 'connect'
        ? new FetchError('timeout', `${host} did not answer within ${seconds(connectTimeoutMs)}`)
        : new FetchError('timeout', `downloading from ${host} took longer than ${seconds(timeoutMs)}`);
    }
    return reason ?? err;
  };

  try {
    let current = new URL(start.href);
    current.hash = ''; // never sent; the final URL should not carry it either
    let permanentUrl: string | null = null;
    let stillPermanent = true;
    const visited = [current.href];
    for (let hop = 0; ; hop++) {
      const host = current.host;
      const headers: Record<string, string> = {
        'user-agent': USER_AGENT,
        accept: opts.accept ?? DEFAULT_ACCEPT,
        'accept-encoding': 'gzip, deflate, br',
      };
      if (opts.etag) headers['if-none-match'] = opts.etag;
      if (opts.lastModified) headers['if-modified-since'] = opts.lastModified;
      // fetch() refuses URLs with credentials: send them as Basic auth, and only to the origin they were given for.
      let requestUrl = current.href;
      if (current.username || current.password) {
        const bare = new URL(current.href);
        bare.username = '';
        bare.password = '';
        requestUrl = bare.href;
        const creds = `${decodeURIComponent(current.username)}:${decodeURIComponent(current.password)}`;
        headers['authorization'] = `Basic ${Buffer.from(creds).toString('base64')}`;
      }

      connectTimer = setTimeout(() => controller.abort(new Stop('connect')), connectTimeoutMs);
      let res: Response;
      try {
        res = await fetch(requestUrl, { headers, redirect: 'manual', signal: controller.signal });
      } catch (err) {
        throw aborted(err, host, 'connect');
      } finally {
        clearTimeout(connectTimer);
      }

      if (REDIRECT_STATUSES.has(res.status)) {
        await res.body?.cancel().catch(() => undefined);
        const location = res.headers.get('location');
        if (!location) throw new FetchError('http', `${host} answered HTTP ${res.status} without saying where to go`, { httpStatus: res.status });
        let next: URL;
        try {
          next = new URL(location, current);
        } catch {
          throw new FetchError('bad-url', `${host} redirected to an invalid address`, { httpStatus: res.status });
        }
        if (next.protocol !== 'http:' && next.protocol !== 'https:') {
          throw new FetchError('bad-url', `${host} redirected to an unsupported address type "${next.protocol}"`, { httpStatus: res.status });
        }
        // Credentials go only to the origin they were written for.
        if (next.origin !== current.origin) {
          next.username = '';
          next.password = '';
        } else if (!next.username && !next.password && (current.username || current.password)) {
          next.username = current.username;
          next.password = current.password;
        }
        next.hash = '';
        if (visited.includes(next.href)) {
          throw new FetchError('too-many-redirects', `redirect loop: ${[...visited, next.href].join(' → ')}`, { httpStatus: res.status });
        }
        if (hop + 1 > MAX_REDIRECTS) {
          throw new FetchError('too-many-redirects', `more than ${MAX_REDIRECTS} redirects, starting at ${start.href}`, { httpStatus: res.status });
        }
        if (stillPermanent && PERMANENT_STATUSES.has(res.status)) permanentUrl = next.href;
        else stillPermanent = false;
        visited.push(next.href);
        current = next;
        continue;
      }

      const etag = res.headers.get('etag');
      const lastModified = res.headers.get('last-modified');
      if (res.status === 304) {
        await res.body?.cancel().catch(() => undefined);
        return {
          status: 'not-modified', url: current.href, permanentUrl,
          etag: etag ?? opts.etag ?? null, lastModified: lastModified ?? opts.lastModified ?? null,
        };
      }
      if (res.status < 200 || res.status > 299) {
        await res.body?.cancel().catch(() => undefined);
        throw statusError(res.status, res.statusText, res.headers, host);
      }

      const declared = Number(res.headers.get('content-length'));
      if (Number.isFinite(declared) && declared > maxBytes) {
        await res.body?.cancel().catch(() => undefined);
        throw new FetchError('too-large', `the document at ${host} is larger than ${megabytes(maxBytes)}`, { httpStatus: res.status });
      }
      const bytes = await readCapped(res, maxBytes, host, (err) => aborted(err, host, 'body'));
      return {
        status: 'ok', url: current.href, permanentUrl, httpStatus: res.status, bytes,
        contentType: res.headers.get('content-type'), etag, lastModified,
      };
    }
  } finally {
    clearTimeout(totalTimer);
    clearTimeout(connectTimer);
    opts.signal?.removeEventListener('abort', onOuterAbort);
  }
}

/** Reads the (already decompressed) body, stopping as soon as it passes `maxBytes`. */
async function readCapped(res: Response, maxBytes: number, host: string, onError: (err: unknown) => unknown): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new FetchError('too-large', `the document at ${host} is larger than ${megabytes(maxBytes)}; stopped downloading`, { httpStatus: res.status });
      }
      chunks.push(value);
    }
  } catch (err) {
    if (err instanceof FetchError) throw err;
    await reader.cancel().catch(() => undefined);
    throw onError(err);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
