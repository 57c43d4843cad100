// Polling benchmark: 1,000 feeds × 50 items (1–5 KB bodies, spanning one to seven days) served on loopback, concurrency 16, into an empty store; then the same
// poll again with every feed answering 304. Returns { poll_1000_feeds_s, poll_1000_feeds_304_s }.
import http from 'node:http';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fetchUrl } from '../../electron/core/feeds/fetch.js';
import { parseFeedOffThread } from '../../electron/core/feeds/parse.js';
import { Poller } from '../../electron/core/poller.js';
import { Store } from '../../electron/core/store/store.js';
import { articleBody } from './text.js';

const FEEDS = 1000, ITEMS = 50;

function feedXml(n: number): string {
  const items: string[] = [];
  for (let i = 0; i < ITEMS; i++) {
    // Like real news feeds: the 50 latest items of a feed span from one day (a wire) to a week (a weekly column).
    const spanDays = 1 + (n % 7);
    const day = new Date(Date.UTC(2024, 1, 9, 23, 0) - Math.floor((i * spanDays * 86400_000) / ITEMS) - n * 1000);
    items.push(`<item><title>Feed ${n} story ${i}</title><link>http://127.0.0.1/feed${n}/story${i}</link><guid>http://127.0.0.1/feed${n}/story${i}</guid><pubDate>${day.toUTCString()}</pubDate><description><![CDATA[${articleBody(n * 1000 + i)}]]></description></item>`);
  }
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Feed ${n}</title><link>http://127.0.0.1/feed${n}</link><description>bench</description>${items.join('')}</channel></rss>`;
}

export default async function (): Promise<Record<string, number>> {
  const bodies = Array.from({ length: FEEDS }, (_, n) => Buffer.from(feedXml(n)));
  const server = http.createServer((req, res) => {
    const n = Number(/\/feed(\d+)\.xml/.exec(req.url ?? '')?.[1]);
    const etag = `"f${n}"`;
    if (req.headers['if-none-match'] === etag) { res.writeHead(304, { ETag: etag }); res.end(); return; }
    res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8', ETag: etag });
    res.end(bodies[n]);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pollwatch-bench-poll-'));
  try {
    const store = await Store.open(dir);
    await store.updateSettings({ concurrency: 16 });
    for (let n = 0; n < FEEDS; n++) await store.addFeed({ url: `http://127.0.0.1:${port}/feed${n}.xml`, title: `Feed ${n}` });
    const poller = new Poller({ store, fetchFeed: (u, o) => fetchUrl(u, o), parseFeed: parseFeedOffThread });
    let t = performance.now();
    const first = await poller.pollFeeds();
    await store.flush();
    const poll_1000_feeds_s = (performance.now() - t) / 1000;
    if (first.newItems !== FEEDS * ITEMS) throw new Error(`expected ${FEEDS * ITEMS} new items, got ${first.newItems} (${first.errors} errors, offline: ${first.offline}, ${poller.progress.message}; ${JSON.stringify(first.outcomes.slice(0, 2))})`);
    t = performance.now();
    const second = await poller.pollFeeds();
    await store.flush();
    const poll_1000_feeds_304_s = (performance.now() - t) / 1000;
    if (second.outcomes.some((o) => o.status !== 'not-modified')) throw new Error('expected every feed to answer 304');
    await store.close();
    return { poll_1000_feeds_s: +poll_1000_feeds_s.toFixed(2), poll_1000_feeds_304_s: +poll_1000_feeds_304_s.toFixed(2) };
  } finally {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
    await fs.rm(dir, { recursive: true, force: true });
  }
}
