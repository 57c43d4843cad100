// Browser mode's transport: the PollwatchApi over HTTP on 127.0.0.1 only, with a per-run token on every call, a Host
// check (no DNS rebinding), an Origin check (no calls from other web pages), server-sent events, and the built
// renderer served from the same origin with a strict CSP.
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { PollwatchApi, PollwatchEvent } from '../contract/api.js';
import { ApiError, toErrorShape, validateCall } from '../contract/validate.js';
import { CONTENT_SECURITY_POLICY } from '../contract/csp.js';

export interface HttpServerOptions {
  api: PollwatchApi;
  onEvent: (listener: (e: PollwatchEvent) => void) => () => void;
  /** Folder with the built renderer (index.html and assets). */
  staticDir?: string;
  port?: number;
  token?: string;
}

export interface RunningServer {
  url: string;
  origin: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

export const DEFAULT_STATIC_DIR = fileURLToPath(new URL('../../dist/renderer/', import.meta.url));
const MAX_BODY = 25 * 1024 * 1024;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.json': 'application/json', '.woff2': 'font/woff2',
};
const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

function sameToken(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given), b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', ...headers });
  res.end(text);
}

const STATUS_OF: Record<string, number> = { 'bad-argument': 400, 'unknown-method': 404, 'not-found': 404, forbidden: 403, failed: 500 };

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new ApiError('bad-argument', 'request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startHttpServer(opts: HttpServerOptions): Promise<RunningServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const staticDir = path.resolve(opts.staticDir ?? DEFAULT_STATIC_DIR);
  const sse = new Set<http.ServerResponse>();
  let port = 0;
  const allowedHosts = (): Set<string> => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const origins = (): Set<string> => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  const unsubscribe = opts.onEvent((e) => {
    const line = `data: ${JSON.stringify(e)}\n\n`;
    for (const res of sse) res.write(line);
  });

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, { error: toErrorShape(err) });
      else res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // DNS rebinding: a page on evil.example resolved to 127.0.0.1 still sends Host: evil.example.
    if (!allowedHosts().has(String(req.headers.host ?? '').toLowerCase())) {
      send(res, 421, { error: { code: 'forbidden', message: 'unexpected Host header' } });
      return;
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname.startsWith('/api/')) {
      const origin = req.headers.origin;
      if (origin !== undefined && !origins().has(origin)) {
        send(res, 403, { error: { code: 'forbidden', message: 'calls from other origins are refused' } });
        return;
      }
      if (url.pathname === '/api/events' && req.method === 'GET') {
        if (!sameToken(url.searchParams.get('token'), token)) { send(res, 401, { error: { code: 'forbidden', message: 'missing or wrong token' } }); return; }
        res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
        res.write(': connected\n\n');
        sse.add(res);
        const ping = setInterval(() => res.write(': ping\n\n'), 25_000);
        req.on('close', () => { clearInterval(ping); sse.delete(res); });
        return;
      }
      const m = /^\/api\/call\/([A-Za-z]{1,40})$/.exec(url.pathname);
      if (!m || req.method !== 'POST') { send(res, 404, { error: { code: 'unknown-method', message: 'no such endpoint' } }); return; }
      if (!sameToken(req.headers['x-pollwatch-token'] as string | undefined, token)) {
        send(res, 401, { error: { code: 'forbidden', message: 'missing or wrong token' } });
        return;
      }
      if (!String(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
        send(res, 415, { error: { code: 'bad-argument', message: 'expected application/json' } });
        return;
      }
      try {
        const raw = await readBody(req);
        let body: unknown;
        try { body = raw ? JSON.parse(raw) : {}; } catch { throw new ApiError('bad-argument', 'the body is not JSON'); }
        const args = (body as { args?: unknown })?.args ?? [];
        const call = validateCall(m[1], args);
        const fn = opts.api[call.method] as (...a: unknown[]) => Promise<unknown>;
        const result = await fn.apply(opts.api, call.args as unknown[]);
        send(res, 200, { result: result ?? null });
      } catch (err) {
        const shape = toErrorShape(err);
        send(res, STATUS_OF[shape.code] ?? 500, { error: shape });
      }
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') { send(res, 405, { error: { code: 'bad-argument', message: 'method not allowed' } }); return; }
    await serveStatic(url.pathname, res);
  }

  async function serveStatic(pathname: string, res: http.ServerResponse): Promise<void> {
    let rel: string;
    try { rel = decodeURIComponent(pathname); } catch { send(res, 400, { error: { code: 'bad-argument', message: 'bad path' } }); return; }
    if (rel === '/' || rel === '') rel = '/index.html';
    const file = path.resolve(staticDir, '.' + rel);
    if (!file.startsWith(staticDir + path.sep)) { send(res, 404, { error: { code: 'not-found', message: 'not found' } }); return; }
    try {
      const body = await fs.readFile(file);
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Content-Security-Policy': CONTENT_SECURITY_POLICY });
      res.end(body);
    } catch {
      if (rel === '/index.html') {
        res.writeHead(503, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('The Pollwatch renderer is not built yet: run `npm run build`, then reload.');
        return;
      }
      send(res, 404, { error: { code: 'not-found', message: 'not found' } });
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as { port: number }).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    port,
    async close() {
      unsubscribe();
      for (const res of sse) res.end();
      sse.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
