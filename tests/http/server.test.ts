// Browser mode's HTTP transport: only this app's pages, with the run's token, reach the API; bad calls get typed errors.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openService, type PollwatchService } from '../../electron/core/service.js';
import { startHttpServer, type RunningServer } from '../../electron/http/server.js';

let dir: string, staticDir: string;
let service: PollwatchService;
let server: RunningServer;

/** A raw request, so tests can forge Host and Origin headers the way a hostile page or DNS rebinding would. */
function request(method: string, pathname: string, headers: Record<string, string> = {}, body?: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, method, path: pathname, headers: { Host: `127.0.0.1:${server.port}`, ...headers } }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { data += c; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}
const call = (method: string, args: unknown[], headers: Record<string, string> = {}) =>
  request('POST', `/api/call/${method}`, { 'Content-Type': 'application/json', 'X-Pollwatch-Token': server.token, ...headers }, JSON.stringify({ args }));

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pollwatch-http-'));
  staticDir = path.join(dir, 'renderer');
  await fs.mkdir(staticDir);
  await fs.writeFile(path.join(staticDir, 'index.html'), '<!doctype html><title>Pollwatch</title>');
  await fs.writeFile(path.join(dir, 'secret.txt'), 'not for the web');
  service = await openService({ dataDir: path.join(dir, 'data'), mode: 'browser', poll: false });
  server = await startHttpServer({ api: service.api, onEvent: service.onEvent, staticDir });
});
afterAll(async () => {
  await server.close();
  await service.close();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('browser-mode HTTP API', () => {
  it('listens on loopback and puts the token in the URL fragment, never in a path the server logs', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{20,}$/);
  });

  it('answers a valid call with its result', async () => {
    const r = await call('getSettings', []);
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body).result).toMatchObject({ retentionDays: null, pollIntervalMinutes: 15 });
  });

  it('refuses calls without the token or with a wrong one', async () => {
    expect((await call('listFeeds', [], { 'X-Pollwatch-Token': '' })).status).toBe(401);
    expect((await call('listFeeds', [], { 'X-Pollwatch-Token': 'x'.repeat(32) })).status).toBe(401);
  });

  it('refuses another Host (DNS rebinding) and another Origin (a hostile page)', async () => {
    expect((await call('listFeeds', [], { Host: 'evil.example:80' })).status).toBe(421);
    expect((await request('GET', '/', { Host: `attacker.test:${server.port}` })).status).toBe(421);
    expect((await call('listFeeds', [], { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await call('listFeeds', [], { Origin: `http://127.0.0.1:${server.port}` })).status).toBe(200);
  });

  it('answers bad arguments and unknown methods with a typed error, not a crash', async () => {
    const bad = await call('renameFeed', [42]);
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.code).toBe('bad-argument');
    const unknown = await call('dropDatabase', []);
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body).error.code).toBe('unknown-method');
    const missing = await call('getItem', ['no-such-item']);
    expect(JSON.parse(missing.body).error.code).toBe('not-found');
    const notJson = await request('POST', '/api/call/listFeeds', { 'Content-Type': 'application/json', 'X-Pollwatch-Token': server.token }, '{oops');
    expect(notJson.status).toBe(400);
    const proto = await request('POST', '/api/call/updateSettings', { 'Content-Type': 'application/json', 'X-Pollwatch-Token': server.token }, '{"args":[{"__proto__":{"polluted":true},"concurrency":4}]}');
    expect(proto.status).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // The service is still fine afterwards.
    expect((await call('status', [])).status).toBe(200);
  });

  it('serves the renderer with a CSP and refuses paths outside it', async () => {
    const page = await request('GET', '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect((await request('GET', '/../secret.txt')).body).not.toContain('not for the web');
    expect((await request('GET', '/%2e%2e/secret.txt')).body).not.toContain('not for the web');
  });

  it('streams events to a client that has the token, and to no other', async () => {
    expect((await request('GET', '/api/events?token=wrong')).status).toBe(401);
    const received = new Promise<string>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port: server.port, path: `/api/events?token=${server.token}`, headers: { Host: `127.0.0.1:${server.port}` } }, (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          data += c;
          if (data.includes('feeds-changed')) { req.destroy(); resolve(data); }
        });
      });
      req.on('error', (e) => { if (!String(e).includes('socket hang up')) reject(e); });
    });
    await new Promise((r) => setTimeout(r, 100));
    await call('addFolder', ['Elections']);
    expect(await received).toMatch(/data: \{"type":"feeds-changed"\}/);
  });
});
