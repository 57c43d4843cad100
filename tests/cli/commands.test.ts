// The command line a user (or a cron job) drives: add by site URL, poll once (exits only when what it stored is
// analysed), list items, OPML in and out, and one clear line with a non-zero exit for a bad argument.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFeedServer } from '../support/feed-server.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
type FeedServer = Awaited<ReturnType<typeof startFeedServer>>;

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'electron/cli.ts', ...args], { cwd: root, timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}
const lines = (s: string): Record<string, unknown>[] => s.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Record<string, unknown>);

let server: FeedServer;
let dir: string;
const item = (n: number, day: string) => `<item><guid>https://news.example/${n}</guid><title>Story ${n}</title><link>https://news.example/${n}</link>` +
  `<pubDate>${day}</pubDate><description>&lt;p&gt;"The count must be completed before any result is announced," said Amina Diallo, chair of the election commission. The vote took place on Sunday across the country.&lt;/p&gt;</description></item>`;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pollwatch-cli-'));
  server = await startFeedServer();
  server.route('/', (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end('<html><head><link rel="alternate" type="application/atom+xml" href="/feed.xml"></head><body>site</body></html>');
  });
  server.serveFeed('/feed.xml', `<?xml version="1.0"?><rss version="2.0"><channel><title>Election Desk</title><link>https://news.example/</link>${item(1, 'Mon, 05 Feb 2024 09:00:00 GMT')}</channel></rss>`);
});
afterAll(async () => {
  await server.close();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('command line', () => {
  it('adds a feed by its site URL, polls once and lists the analysed items', async () => {
    const added = await cli('add', server.origin + '/', '--data-dir', dir);
    expect(added.code).toBe(0);
    expect(lines(added.stdout)[0]).toMatchObject({ feed: { url: `${server.origin}/feed.xml`, title: 'Election Desk' }, discoveredFrom: `${server.origin}/` });
    server.serveFeed('/feed.xml', `<?xml version="1.0"?><rss version="2.0"><channel><title>Election Desk</title><link>https://news.example/</link>${item(2, 'Tue, 06 Feb 2024 09:00:00 GMT')}${item(1, 'Mon, 05 Feb 2024 09:00:00 GMT')}</channel></rss>`);
    const polled = await cli('poll', '--once', '--data-dir', dir);
    expect(polled.code).toBe(0);
    expect(lines(polled.stdout).at(-1)).toMatchObject({ feeds: 1, newItems: 1, errors: 0, offline: false });
    const items = lines((await cli('list-items', '--data-dir', dir)).stdout);
    expect(items.map((i) => i.title)).toEqual(['Story 2', 'Story 1']);
    // poll --once returned only after analysis: every stored item has its statements.
    for (const i of items) expect(i.analysis).toMatchObject({ electionRelated: true, statements: 1 });
    const since = lines((await cli('list-items', '--since', '2024-02-06', '--data-dir', dir)).stdout);
    expect(since.map((i) => i.title)).toEqual(['Story 2']);
  });

  it('exports OPML that imports elsewhere as the same subscriptions, with a report', async () => {
    const exported = await cli('export-opml', '--data-dir', dir);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain(`xmlUrl="${server.origin}/feed.xml"`);
    const file = path.join(dir, 'subs.opml');
    await fs.writeFile(file, exported.stdout);
    const other = path.join(dir, 'other');
    const imported = await cli('import-opml', file, '--data-dir', other);
    expect(imported.code).toBe(0);
    expect(lines(imported.stdout).at(-1)).toEqual({ imported: 1, duplicates: 0, refused: 0 });
    const again = await cli('import-opml', file, '--data-dir', other);
    expect(lines(again.stdout).at(-1)).toEqual({ imported: 0, duplicates: 1, refused: 0 });
  });

  it('answers a bad argument with one clear line and a non-zero exit, never a stack trace', async () => {
    for (const args of [['poll'], ['list-items', '--since', 'yesterday-ish'], ['frobnicate'], ['add'], ['serve', '--port', 'http']]) {
      const r = await cli(...args, '--data-dir', dir);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
