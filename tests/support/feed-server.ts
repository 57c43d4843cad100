// A loopback HTTP server for tests and benchmarks: serves feeds (conditional-GET aware, optionally gzipped) and
// custom routes on 127.0.0.1 at a free port, and counts requests per path.
//
// Usage:
//   const server = await startFeedServer();
//   server.serveFeed('/feed.xml', rssText, { etag: '"v1"' });          // 304 when If-None-Match matches
//   server.route('/slow', (req, res) => { ... });                        // anything else: write the response yourself
//   await fetch(server.origin + '/feed.xml');  // or new URL('feed.xml', server.url)
//   server.hits('/feed.xml'); server.requests('/feed.xml')[0].headers['user-agent'];
//   await server.close();                                                // also cuts hanging connections
// Paths match the request's pathname (or, when the registered path has a '?', the full path with query).
// A path registered again replaces the earlier handler, so a test can change what a URL answers (e.g. 200 → 410).
// Unknown paths answer 404.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { gzipSync } from 'node:zlib';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface ServeFeedOptions {
  /** Default 'application/rss+xml; charset=utf-8'. */
  contentType?: string;
  /** Sent as ETag; a matching If-None-Match gets 304. */
  etag?: string;
  /** Sent as Last-Modified; an If-Modified-Since at or after it gets 304 (when no If-None-Match was sent). */
  lastModified?: string;
  /** Compress the body with gzip (Content-Encoding: gzip). */
  gzip?: boolean;
  /** Default 200. With another status the body is still sent (e.g. an error page). */
  status?: number;
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

export interface FeedServer {
  /** Base URL with a trailing slash, e.g. http://127.0.0.1:40123/ */
  url: string;
  /** e.g. http://127.0.0.1:40123 */
  origin: string;
  route(path: string, handler: RouteHandler): void;
  serveFeed(path: string, body: string | Buffer, opts?: ServeFeedOptions): void;
  /** How many requests reached `path` (whatever they were answered with). */
  hits(path: string): number;
  /** The requests that reached `path`, oldest first. */
  requests(path: string): RecordedRequest[];
  close(): Promise<void>;
}

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const weakless = (t: string): string => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => t.trim() === '*' || weakless(t) === weakless(etag));
}

export async function startFeedServer(): Promise<FeedServer> {
  const routes = new Map<string, RouteHandler>();
  const log = new Map<string, RecordedRequest[]>();
  const sockets = new Set<Socket>();

  const keyFor = (reqUrl: string): string => {
    if (routes.has(reqUrl)) return reqUrl;
    return new URL(reqUrl, 'http://x').pathname;
  };

  const server = createServer((req, res) => {
    const key = keyFor(req.url ?? '/');
    const list = log.get(key) ?? [];
    list.push({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers });
    log.set(key, list);
    const handler = routes.get(key);
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    Promise.resolve()
      .then(() => handler(req, res))
      .catch((err: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(err));
      });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('feed server: no port');
  const origin = `http://127.0.0.1:${address.port}`;

  return {
    url: origin + '/',
    origin,
    route(path, handler) {
      routes.set(path, handler);
    },
    serveFeed(path, body, opts = {}) {
      const raw = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
      const payload = opts.gzip ? gzipSync(raw) : raw;
      routes.set(path, (req, res) => {
        const validators: Record<string, string> = {};
        if (opts.etag) validators['etag'] = opts.etag;
        if (opts.lastModified) validators['last-modified'] = opts.lastModified;
        const inm = req.headers['if-none-match'];
        const ims = req.headers['if-modified-since'];
        let notModified = false;
        if (opts.etag && inm) notModified = etagMatches(inm, opts.etag);
        else if (opts.lastModified && ims && !inm) {
          const since = Date.parse(ims);
          const modified = Date.parse(opts.lastModified);
          notModified = !Number.isNaN(since) && !Number.isNaN(modified) && modified <= since;
        }
        if (notModified && (opts.status ?? 200) === 200) {
          res.writeHead(304, validators);
          res.end();
          return;
        }
        const headers: Record<string, string> = {
          ...validators,
          'content-type': opts.contentType ?? 'application/rss+xml; charset=utf-8',
          'content-length': String(payload.length),
        };
        if (opts.gzip) headers['content-encoding'] = 'gzip';
        res.writeHead(opts.status ?? 200, headers);
        res.end(req.method === 'HEAD' ? undefined : payload);
      });
    },
    hits(path) {
      return log.get(path)?.length ?? 0;
    },
    requests(path) {
      return [...(log.get(path) ?? [])];
    },
    close() {
      for (const s of sockets) s.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
