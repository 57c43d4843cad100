// The poller against real feeds on a loopback server and a real store in a temp dir: what a user sees as feed health.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PollProgress } from '../../electron/contract/api.js';
import { fetchUrl } from '../../electron/core/feeds/fetch.js';
import { parseFeed } from '../../electron/core/feeds/parse.js';
import { Poller } from '../../electron/core/poller.js';
import { Store } from '../../electron/core/store/store.js';
import { startFeedServer } from '../support/feed-server.js';

type FeedServer = Awaited<ReturnType<typeof startFeedServer>>;

const rss = (title: string, items: { guid: string; title: string; body?: string }[], extra = ''): string =>
  `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>${title}</title><link>http://example.org/</link>${extra}` +
  items.map((i) => `<item><guid>${i.guid}</guid><title>${i.title}</title><link>${i.guid}</link><pubDate>Fri, 09 Feb 2024 10:00:00 GMT</pubDate><description>${i.body ?? 'Body of ' + i.title}</description></item>`).join('') +
  '</channel></rss>';

let dir: string;
let store: Store;
let server: FeedServer;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pollwatch-poller-'));
  store = await Store.open(dir);
  server = await startFeedServer();
});
afterEach(async () => {
  await store.close();
  await server.close();
  await fs.rm(dir, { recursive: true, force: true });
});

function poller(extra: Partial<ConstructorParameters<typeof Poller>[0]> = {}): Poller {
  return new Poller({ store, fetchFeed: (u, o) => fetchUrl(u, { ...o, timeoutMs: 5000 }), parseFeed, random: () => 0.5, ...extra });
}

describe('poller', () => {
  it('stores new items, records health and reports progress', async () => {
    server.serveFeed('/a.xml', rss('A', [{ guid: 'http://example.org/1', title: 'One' }, { guid: 'http://example.org/2', title: 'Two' }]));
    server.serveFeed('/b.xml', rss('B', [{ guid: 'http://example.org/3', title: 'Three' }]));
    const a = await store.addFeed({ url: `${server.origin}/a.xml`, title: 'A' });
    const b = await store.addFeed({ url: `${server.origin}/b.xml`, title: 'B' });
    const progress: PollProgress[] = [];
    const stored: string[] = [];
    const summary = await poller({ onProgress: (p) => progress.push({ ...p }), onItemsStored: (ids) => stored.push(...ids) }).pollFeeds();
    expect(summary.newItems).toBe(3);
    expect(stored).toHaveLength(3);
    expect(store.listItems({ feedId: a.id }).map((i) => i.title).sort()).toEqual(['One', 'Two']);
    const health = store.getFeed(b.id)!.health;
    expect(health).toMatchObject({ lastStatus: 'ok', errorCount: 0, lastError: null, lastNewItems: 1 });
    expect(Date.parse(health.nextCheckAt!)).toBeGreaterThan(Date.now() + 10 * 60_000);
    expect(progress.at(-1)).toMatchObject({ running: false, done: 2, total: 2, newItems: 3 });
  });

  it('marks a broken feed unhealthy and carries on with the rest', async () => {
    server.route('/broken.xml', (_req, res) => { res.writeHead(500); res.end('oops'); });
    server.serveFeed('/good.xml', rss('Good', [{ guid: 'http://example.org/g', title: 'Fine' }]));
    const broken = await store.addFeed({ url: `${server.origin}/broken.xml`, title: 'Broken' });
    const good = await store.addFeed({ url: `${server.origin}/good.xml`, title: 'Good' });
    const summary = await poller().pollFeeds();
    expect(summary.errors).toBe(1);
    expect(store.getFeed(broken.id)!.health).toMatchObject({ lastStatus: 'error', errorCount: 1 });
    expect(store.getFeed(broken.id)!.health.lastError).toMatch(/500/);
    expect(store.listItems({ feedId: good.id })).toHaveLength(1);
    await poller().pollFeeds([broken.id]);
    expect(store.getFeed(broken.id)!.health.errorCount).toBe(2);
  });

  it('answers a 304 without storing anything and keeps the feed healthy', async () => {
    server.serveFeed('/c.xml', rss('C', [{ guid: 'http://example.org/c', title: 'C1' }]), { etag: '"v1"' });
    const c = await store.addFeed({ url: `${server.origin}/c.xml`, title: 'C' });
    const p = poller();
    await p.pollFeeds();
    const again = await p.pollFeeds();
    expect(again.outcomes[0]).toMatchObject({ status: 'not-modified', newItems: 0 });
    expect(store.getFeed(c.id)!.health).toMatchObject({ lastStatus: 'not-modified', errorCount: 0 });
    expect(store.getFeed(c.id)!.etag).toBe('"v1"');
  });

  it('updates an edited item in place and does not bring back a re-published one as new', async () => {
    server.serveFeed('/d.xml', rss('D', [{ guid: 'http://example.org/d', title: 'Draft', body: 'first' }]));
    const d = await store.addFeed({ url: `${server.origin}/d.xml`, title: 'D' });
    const p = poller();
    await p.pollFeeds();
    server.serveFeed('/d.xml', rss('D', [{ guid: 'http://example.org/d', title: 'Final', body: 'edited' }]));
    const edited = await p.pollFeeds();
    expect(edited).toMatchObject({ newItems: 0, updatedItems: 1 });
    expect(store.listItems({ feedId: d.id }).map((i) => i.title)).toEqual(['Final']);
    const same = await p.pollFeeds();
    expect(same).toMatchObject({ newItems: 0, updatedItems: 0 });
  });

  it('follows a permanent redirect and stores the new address', async () => {
    server.route('/old.xml', (_req, res) => { res.writeHead(301, { Location: '/new.xml' }); res.end(); });
    server.serveFeed('/new.xml', rss('Moved', [{ guid: 'http://example.org/m', title: 'Moved item' }]));
    const f = await store.addFeed({ url: `${server.origin}/old.xml`, title: 'Old' });
    await poller().pollFeeds();
    expect(store.getFeed(f.id)!.url).toBe(`${server.origin}/new.xml`);
  });

  it('shows a feed that starts answering 410 as gone', async () => {
    server.serveFeed('/e.xml', rss('E', [{ guid: 'http://example.org/e', title: 'E' }]));
    const e = await store.addFeed({ url: `${server.origin}/e.xml`, title: 'E' });
    await poller().pollFeeds();
    server.route('/e.xml', (_req, res) => { res.writeHead(410); res.end(); });
    await poller().pollFeeds();
    expect(store.getFeed(e.id)!.health).toMatchObject({ lastStatus: 'gone', errorCount: 1 });
    expect(store.listItems({ feedId: e.id })).toHaveLength(1);
  });

  it("waits for a 429's Retry-After before asking again", async () => {
    server.route('/busy.xml', (_req, res) => { res.writeHead(429, { 'Retry-After': '7200' }); res.end(); });
    const f = await store.addFeed({ url: `${server.origin}/busy.xml`, title: 'Busy' });
    await poller().pollFeeds();
    expect(Date.parse(store.getFeed(f.id)!.health.nextCheckAt!)).toBeGreaterThanOrEqual(Date.now() + 7100_000);
  });

  it('pauses and says so when the whole network is down, without counting errors against the feeds', async () => {
    const closed: number[] = [];
    for (let i = 0; i < 2; i++) {
      const s = http.createServer();
      await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
      closed.push((s.address() as { port: number }).port);
      await new Promise<void>((r) => s.close(() => r()));
    }
    const f1 = await store.addFeed({ url: `http://127.0.0.1:${closed[0]}/x.xml`, title: 'X' });
    await store.addFeed({ url: `http://127.0.0.1:${closed[1]}/y.xml`, title: 'Y' });
    const p = poller();
    const summary = await p.pollFeeds();
    expect(summary.offline).toBe(true);
    expect(p.progress.offline).toBe(true);
    expect(p.progress.message).toMatch(/network/i);
    expect(store.getFeed(f1.id)!.health.errorCount).toBe(0);
  });

  it('never runs more fetches at once than the concurrency setting', async () => {
    await store.updateSettings({ concurrency: 2 });
    let active = 0, peak = 0;
    for (let i = 0; i < 6; i++) {
      server.route(`/slow${i}.xml`, (_req, res) => {
        active++; peak = Math.max(peak, active);
        setTimeout(() => { active--; res.writeHead(200, { 'Content-Type': 'application/rss+xml' }); res.end(rss(`S${i}`, [{ guid: `http://example.org/s${i}`, title: `S${i}` }])); }, 60);
      });
      await store.addFeed({ url: `${server.origin}/slow${i}.xml`, title: `S${i}` });
    }
    const summary = await poller().pollFeeds();
    expect(summary.newItems).toBe(6);
    expect(peak).toBe(2);
  });

  it('polls only due feeds and skips paused ones', async () => {
    server.serveFeed('/f.xml', rss('F', [{ guid: 'http://example.org/f', title: 'F' }]));
    server.serveFeed('/g.xml', rss('G', [{ guid: 'http://example.org/g2', title: 'G' }]));
    const f = await store.addFeed({ url: `${server.origin}/f.xml`, title: 'F' });
    const g = await store.addFeed({ url: `${server.origin}/g.xml`, title: 'G' });
    await store.updateFeed(g.id, { paused: true });
    const p = poller();
    await p.pollDue();
    expect(server.hits('/f.xml')).toBe(1);
    expect(server.hits('/g.xml')).toBe(0);
    await p.pollDue();
    expect(server.hits('/f.xml')).toBe(1); // not due again for 15 minutes
    expect(store.getFeed(f.id)!.health.lastStatus).toBe('ok');
  });
});
