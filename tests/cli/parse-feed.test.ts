// `npm run cli -- parse-feed`: one JSON line per input (file or URL), a clear line and non-zero exit for bad arguments.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli.ts', 'parse-feed', ...args], { cwd: root, env: { ...process.env, ...env } });
    let stdout = '', stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let dir = '';
let server: http.Server;
let base = '';

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pollwatch-parse-feed-'));
  fs.writeFileSync(path.join(dir, 'ok.xml'), '<rss version="2.0"><channel><title>Local</title><item><title>One</title><link>/one</link></item></channel></rss>');
  fs.writeFileSync(path.join(dir, 'latin1.xml'), Buffer.from('<rss version="2.0"><channel><title>Caf\xe9</title></channel></rss>', 'latin1'));
  fs.writeFileSync(path.join(dir, 'page.html'), '<html><body>not a feed</body></html>');
  server = http.createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8' });
    res.end('<rss version="2.0"><channel><title>Served</title><item><link>rel/a</link></item></channel></rss>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('parse-feed', () => {
  it('prints one JSON line per file, resolving links against --base-url and decoding by --content-type', async () => {
    const r = await cli(['--base-url', 'http://news.example/feed.xml', '--content-type', 'text/xml; charset=iso-8859-1', path.join(dir, 'ok.xml'), path.join(dir, 'latin1.xml')]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0].feed.title).toBe('Local');
    expect(lines[0].feed.items[0].link).toBe('http://news.example/one');
    expect(lines[1].feed.title).toBe('Café');
  });

  it('fetches a URL input and uses its final URL as the base', async () => {
    const r = await cli([`${base}/dir/feed.xml`]);
    expect(r.code).toBe(0);
    const line = JSON.parse(r.stdout.trim());
    expect(line.feed.title).toBe('Served');
    expect(line.feed.items[0].link).toBe(`${base}/dir/rel/a`);
  });

  it('prints a feed with items: [] and an error for a non-feed, exit 0', async () => {
    const r = await cli([path.join(dir, 'page.html')]);
    expect(r.code).toBe(0);
    const line = JSON.parse(r.stdout.trim());
    expect(line.feed.items).toEqual([]);
    expect(line.feed.error).toMatch(/not a feed/);
  });

  it('prints an error line, without a stack trace, for a missing file and exits non-zero', async () => {
    const r = await cli([path.join(dir, 'missing.xml')]);
    expect(r.code).not.toBe(0);
    const line = JSON.parse(r.stdout.trim());
    expect(line.error).toMatch(/ENOENT|no such file/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('rejects an unknown flag and a call without inputs with one clear line', async () => {
    const a = await cli(['--bogus', 'x']);
    expect(a.code).toBe(2);
    expect(a.stderr.trim().split('\n')).toHaveLength(1);
    expect(a.stderr).toMatch(/unknown option --bogus/);
    const b = await cli([]);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/at least one FILE or URL/);
  });
});
