// The feed HTTP client against a real loopback server: conditional GET, redirects, limits, timeouts, errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants as zc, createGzip, deflateRawSync, deflateSync } from 'node:zlib';
import { FetchError, USER_AGENT, fetchUrl, parseRetryAfter } from '../../../electron/core/feeds/fetch.js';
import { startFeedServer, type FeedServer } from '../../support/feed-server.js';

const RSS = `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Polls</title>
<item><title>Pakistan votes</title><link>https://example.org/a</link></item></channel></rss>`;

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(async () => {
  await server.close();
});

async function failure(p: Promise<unknown>): Promise<FetchError> {
  const err = await p.then(
    () => {
      throw new Error('expected the fetch to fail');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FetchError);
  return err as FetchError;
}

const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString('utf8');

describe('fetchUrl: a normal download', () => {
  it('returns the bytes, final URL, content type and validators', async () => {
    server.serveFeed('/ok.xml', RSS, { etag: '"abc"', lastModified: 'Wed, 21 Oct 2026 07:28:00 GMT' });
    const r = await fetchUrl(server.origin + '/ok.xml');
    expect(r.status).toBe('ok');
    if (r.status !== 'ok') return;
    expect(text(r.bytes)).toBe(RSS);
    expect(r.url).toBe(server.origin + '/ok.xml');
    expect(r.permanentUrl).toBeNull();
    expect(r.httpStatus).toBe(200);
    expect(r.contentType).toBe('application/rss+xml; charset=utf-8');
    expect(r.etag).toBe('"abc"');
    expect(r.lastModified).toBe('Wed, 21 Oct 2026 07:28:00 GMT');
  });

  it('names Pollwatch and the version from package.json in the User-Agent the server sees', async () => {
    const pkg = JSON.parse(await readFile(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
    server.serveFeed('/ua.xml', RSS);
    await fetchUrl(server.origin + '/ua.xml');
    const ua = server.requests('/ua.xml')[0]!.headers['user-agent'];
    expect(ua).toBe(USER_AGENT);
    expect(ua).toMatch(new RegExp(`^Pollwatch/${pkg.version.replace(/\./g, "\\.")} \\(`));
  });

  it('asks for feeds and compressed bodies, or for what the caller accepts', async () => {
    server.serveFeed('/accept.xml', RSS);
    await fetchUrl(server.origin + '/accept.xml');
    await fetchUrl(server.origin + '/accept.xml', { accept: 'text/html' });
    const [first, second] = server.requests('/accept.xml');
    expect(first!.headers['accept']).toContain('application/rss+xml');
    expect(first!.headers['accept-encoding']).toMatch(/gzip.*deflate.*br/);
    expect(second!.headers['accept']).toBe('text/html');
  });

  it('sends the user name and password of the address as Basic authentication', async () => {
    server.serveFeed('/private.xml', RSS);
    const r = await fetchUrl(server.origin.replace('http://', 'http://ann:s%40cret@') + '/private.xml');
    expect(r.status).toBe('ok');
    expect(server.requests('/private.xml')[0]!.headers['authorization']).toBe('Basic ' + Buffer.from('ann:s@cret').toString('base64'));
  });
});

describe('fetchUrl: conditional GET', () => {
  it('a matching ETag gets not-modified and keeps the validators', async () => {
    server.serveFeed('/etag.xml', RSS, { etag: '"v1"' });
    const first = await fetchUrl(server.origin + '/etag.xml');
    expect(first.status).toBe('ok');
    const second = await fetchUrl(server.origin + '/etag.xml', { etag: first.etag, lastModified: first.lastModified });
    expect(second).toEqual({ status: 'not-modified', url: server.origin + '/etag.xml', permanentUrl: null, etag: '"v1"', lastModified: null });
    expect(server.requests('/etag.xml')[1]!.headers['if-none-match']).toBe('"v1"');
  });

  it('a changed ETag downloads the feed again', async () => {
    server.serveFeed('/etag2.xml', RSS, { etag: '"v2"' });
    const r = await fetchUrl(server.origin + '/etag2.xml', { etag: '"v1"' });
    expect(r.status).toBe('ok');
    expect(r.etag).toBe('"v2"');
  });

  it('a Last-Modified date is sent back as If-Modified-Since and gets not-modified', async () => {
    const lm = 'Tue, 20 Oct 2026 10:00:00 GMT';
    server.serveFeed('/lm.xml', RSS, { lastModified: lm });
    const first = await fetchUrl(server.origin + '/lm.xml');
    expect(first.lastModified).toBe(lm);
    const second = await fetchUrl(server.origin + '/lm.xml', { lastModified: first.lastModified });
    expect(second.status).toBe('not-modified');
    expect(second.lastModified).toBe(lm);
    expect(server.requests('/lm.xml')[1]!.headers['if-modified-since']).toBe(lm);
  });
});

describe('fetchUrl: redirects', () => {
  const redirect = (path: string, status: number, to: string): void =>
    server.route(path, (_req, res) => {
      res.writeHead(status, { location: to });
      res.end();
    });

  it('follows a temporary redirect without moving the stored URL', async () => {
    server.serveFeed('/r/final.xml', RSS);
    redirect('/r/temp', 302, '/r/final.xml');
    const r = await fetchUrl(server.origin + '/r/temp');
    expect(r.status).toBe('ok');
    expect(r.url).toBe(server.origin + '/r/final.xml');
    expect(r.permanentUrl).toBeNull();
  });

  it('a permanent redirect (301, 308) reports the new URL to store', async () => {
    server.serveFeed('/r/new.xml', RSS);
    redirect('/r/old301', 301, '/r/new.xml');
    redirect('/r/old308', 308, server.origin + '/r/new.xml');
    expect((await fetchUrl(server.origin + '/r/old301')).permanentUrl).toBe(server.origin + '/r/new.xml');
    expect((await fetchUrl(server.origin + '/r/old308')).permanentUrl).toBe(server.origin + '/r/new.xml');
  });

  it('the stored URL moves only as far as the redirects are permanent', async () => {
    server.serveFeed('/r/end.xml', RSS);
    redirect('/r/p-then-t', 301, '/r/t');
    redirect('/r/t', 302, '/r/end.xml');
    redirect('/r/t-then-p', 307, '/r/p');
    redirect('/r/p', 301, '/r/end.xml');
    expect((await fetchUrl(server.origin + '/r/p-then-t')).permanentUrl).toBe(server.origin + '/r/t');
    const r = await fetchUrl(server.origin + '/r/t-then-p');
    expect(r.permanentUrl).toBeNull();
    expect(r.url).toBe(server.origin + '/r/end.xml');
  });

  it('a redirect loop fails with a clear message', async () => {
    redirect('/r/a', 302, '/r/b');
    redirect('/r/b', 302, '/r/a');
    const err = await failure(fetchUrl(server.origin + '/r/a'));
    expect(err.kind).toBe('too-many-redirects');
    expect(err.message).toMatch(/loop/);
  });

  it('follows five redirects but not six', async () => {
    server.serveFeed('/chain/end.xml', RSS);
    for (let i = 0; i < 6; i++) redirect(`/chain/${i}`, 302, i === 5 ? '/chain/end.xml' : `/chain/${i + 1}`);
    expect((await fetchUrl(server.origin + '/chain/1')).status).toBe('ok');
    const err = await failure(fetchUrl(server.origin + '/chain/0'));
    expect(err.kind).toBe('too-many-redirects');
  });

  it('refuses a redirect to a non-web address', async () => {
    redirect('/r/js', 302, 'javascript:alert(1)');
    redirect('/r/file', 301, 'file:///etc/passwd');
    expect((await failure(fetchUrl(server.origin + '/r/js'))).kind).toBe('bad-url');
    expect((await failure(fetchUrl(server.origin + '/r/file'))).kind).toBe('bad-url');
  });
});

describe('fetchUrl: servers that refuse', () => {
  it('429 with Retry-After in seconds is rate-limited with the delay', async () => {
    server.route('/busy', (_req, res) => {
      res.writeHead(429, { 'retry-after': '120' });
      res.end('slow down');
    });
    const err = await failure(fetchUrl(server.origin + '/busy'));
    expect(err.kind).toBe('rate-limited');
    expect(err.httpStatus).toBe(429);
    expect(err.retryAfterMs).toBe(120_000);
  });

  it('503 with an HTTP-date Retry-After is rate-limited until that date', async () => {
    const at = new Date(Date.now() + 3600_000).toUTCString();
    server.route('/maint', (_req, res) => {
      res.writeHead(503, { 'retry-after': at });
      res.end();
    });
    const err = await failure(fetchUrl(server.origin + '/maint'));
    expect(err.kind).toBe('rate-limited');
    expect(err.retryAfterMs).toBeGreaterThan(3500_000);
    expect(err.retryAfterMs).toBeLessThanOrEqual(3600_000);
  });

  it('503 without Retry-After is a server error', async () => {
    server.route('/down', (_req, res) => {
      res.writeHead(503);
      res.end();
    });
    const err = await failure(fetchUrl(server.origin + '/down'));
    expect(err.kind).toBe('http');
    expect(err.httpStatus).toBe(503);
  });

  it('a feed that starts answering 404 or 410 is reported gone', async () => {
    server.serveFeed('/vanishing.xml', RSS);
    expect((await fetchUrl(server.origin + '/vanishing.xml')).status).toBe('ok');
    server.serveFeed('/vanishing.xml', 'gone', { status: 410, contentType: 'text/plain' });
    const gone = await failure(fetchUrl(server.origin + '/vanishing.xml'));
    expect(gone.kind).toBe('gone');
    expect(gone.httpStatus).toBe(410);
    const missing = await failure(fetchUrl(server.origin + '/never-existed.xml'));
    expect(missing.kind).toBe('gone');
    expect(missing.httpStatus).toBe(404);
  });

  it('500 is an HTTP error with a one-line message', async () => {
    server.serveFeed('/broken', 'oops', { status: 500 });
    const err = await failure(fetchUrl(server.origin + '/broken'));
    expect(err.kind).toBe('http');
    expect(err.message).toContain('500');
    expect(err.message).not.toContain('\n');
  });

  it('a refused connection is a network error', async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as { port: number }).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const err = await failure(fetchUrl(`http://127.0.0.1:${port}/feed`));
    expect(err.kind).toBe('network');
  });
});

describe('fetchUrl: timeouts', () => {
  it('a server that accepts but never answers hits the connect timeout', async () => {
    server.route('/silent', () => undefined);
    const err = await failure(fetchUrl(server.origin + '/silent', { connectTimeoutMs: 300, timeoutMs: 10_000 }));
    expect(err.kind).toBe('timeout');
    expect(err.message).toMatch(/did not answer/);
  });

  it('a slow-drip server that sends a byte at a time hits the total timeout', async () => {
    const timers: NodeJS.Timeout[] = [];
    server.route('/drip', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const t = setInterval(() => res.write('<'), 100);
      timers.push(t);
      res.on('close', () => clearInterval(t));
    });
    const err = await failure(fetchUrl(server.origin + '/drip', { connectTimeoutMs: 5_000, timeoutMs: 700 }));
    timers.forEach(clearInterval);
    expect(err.kind).toBe('timeout');
    expect(err.message).toMatch(/took longer/);
  });

  it('the caller can cancel a download', async () => {
    server.route('/hang', () => undefined);
    const ac = new AbortController();
    const p = fetchUrl(server.origin + '/hang', { signal: ac.signal });
    setTimeout(() => ac.abort(new Error('stopped by user')), 50);
    await expect(p).rejects.toThrow('stopped by user');
  });
});

describe('fetchUrl: compression', () => {
  const body = RSS.repeat(20);
  const encoded = (path: string, encoding: string, payload: Buffer): void =>
    server.route(path, (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/xml', 'content-encoding': encoding });
      res.end(payload);
    });

  it('decompresses gzip', async () => {
    server.serveFeed('/gz.xml', body, { gzip: true });
    const r = await fetchUrl(server.origin + '/gz.xml');
    expect(r.status === 'ok' && text(r.bytes)).toBe(body);
  });

  it('decompresses deflate, both zlib-wrapped and raw', async () => {
    encoded('/zlib.xml', 'deflate', deflateSync(body));
    encoded('/raw.xml', 'deflate', deflateRawSync(body));
    const a = await fetchUrl(server.origin + '/zlib.xml');
    const b = await fetchUrl(server.origin + '/raw.xml');
    expect(a.status === 'ok' && text(a.bytes)).toBe(body);
    expect(b.status === 'ok' && text(b.bytes)).toBe(body);
  });

  it('decompresses brotli', async () => {
    encoded('/br.xml', 'br', brotliCompressSync(body));
    const r = await fetchUrl(server.origin + '/br.xml');
    expect(r.status === 'ok' && text(r.bytes)).toBe(body);
  });
});

describe('fetchUrl: size cap', () => {
  it('stops a body over the cap, with or without Content-Length', async () => {
    server.serveFeed('/big-declared.xml', 'x'.repeat(5000));
    server.route('/big-chunked.xml', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/xml' });
      for (let i = 0; i < 50; i++) res.write('y'.repeat(100));
      res.end();
    });
    expect((await failure(fetchUrl(server.origin + '/big-declared.xml', { maxBytes: 1000 }))).kind).toBe('too-large');
    expect((await failure(fetchUrl(server.origin + '/big-chunked.xml', { maxBytes: 1000 }))).kind).toBe('too-large');
    const fits = await fetchUrl(server.origin + '/big-chunked.xml', { maxBytes: 5000 });
    expect(fits.status === 'ok' && fits.bytes.byteLength).toBe(5000);
  });

  it('stops an endless gzip bomb at the default 20 MB of decompressed bytes', async () => {
    server.route('/bomb.xml', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/xml', 'content-encoding': 'gzip' });
      const gz = createGzip({ level: zc.Z_BEST_COMPRESSION });
      gz.pipe(res);
      const zeros = Buffer.alloc(1024 * 1024);
      let stopped = false;
      res.on('close', () => {
        stopped = true;
        gz.destroy();
      });
      const pump = (): void => {
        while (!stopped && gz.write(zeros));
        if (!stopped) gz.once('drain', pump);
      };
      pump();
    });
    const err = await failure(fetchUrl(server.origin + '/bomb.xml'));
    expect(err.kind).toBe('too-large');
    expect(err.message).toMatch(/20 MB/);
  });
});

describe('fetchUrl: addresses', () => {
  it('refuses schemes other than http, https and file', async () => {
    for (const url of ['javascript:alert(1)', 'ftp://example.org/feed.xml', 'data:text/xml,<rss/>', 'not a url', 'mailto:a@b.c']) {
      expect((await failure(fetchUrl(url))).kind, url).toBe('bad-url');
    }
  });

  describe('file: URLs', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'pollwatch-fetch-'));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('reads a feed from disk with a content type from its extension', async () => {
      const file = join(dir, 'feed.rss');
      await writeFile(file, RSS);
      const r = await fetchUrl(pathToFileURL(file).href);
      expect(r.status).toBe('ok');
      if (r.status !== 'ok') return;
      expect(text(r.bytes)).toBe(RSS);
      expect(r.contentType).toBe('application/rss+xml');
    });

    it('answers not-modified when the file has not changed since the last read', async () => {
      const file = join(dir, 'same.xml');
      await writeFile(file, RSS);
      await utimes(file, new Date('2026-01-01T00:00:00Z'), new Date('2026-01-01T00:00:00Z'));
      const first = await fetchUrl(pathToFileURL(file).href);
      const second = await fetchUrl(pathToFileURL(file).href, { etag: first.etag, lastModified: first.lastModified });
      expect(second.status).toBe('not-modified');
      await writeFile(file, RSS + ' ');
      await utimes(file, new Date('2026-01-02T00:00:00Z'), new Date('2026-01-02T00:00:00Z'));
      const third = await fetchUrl(pathToFileURL(file).href, { etag: first.etag, lastModified: first.lastModified });
      expect(third.status).toBe('ok');
    });

    it('applies the size cap to files and reports a missing file as gone', async () => {
      const file = join(dir, 'big.xml');
      await writeFile(file, 'z'.repeat(3000));
      expect((await failure(fetchUrl(pathToFileURL(file).href, { maxBytes: 1000 }))).kind).toBe('too-large');
      expect((await failure(fetchUrl(pathToFileURL(join(dir, 'missing.xml')).href))).kind).toBe('gone');
    });
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP-dates, and ignores nonsense', () => {
    const now = Date.parse('2026-11-27T12:00:00Z');
    expect(parseRetryAfter('30', now)).toBe(30_000);
    expect(parseRetryAfter('Fri, 27 Nov 2026 12:05:00 GMT', now)).toBe(300_000);
    expect(parseRetryAfter('Fri, 27 Nov 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});
