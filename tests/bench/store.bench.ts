// Store benchmarks: storing one poll of 500 new items into an archive of 2,000 and of 200,000 items, and opening the
// 200,000-item archive cold in a fresh process (time and RSS). Archives are written straight to shard files (through
// the store's own file writer), spread over the last 365 days, with realistic 1–5 KB bodies and analyses.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { NormalisedItem } from '../../electron/core/feeds/types.js';
import { itemContentHash, itemIdentity } from '../../electron/core/feeds/identity.js';
import { itemId } from '../../electron/core/store/ids.js';
import { newestFirst } from '../../electron/core/store/item-order.js';
import { JsonFile } from '../../electron/core/store/json-file.js';
import { encodeAnalysis, encodeItem, type ItemRow, type MetaShardFile } from '../../electron/core/store/codec.js';
import { emptyMain, SHARD_SCHEMA, type AnalysisCore, type BodyShardData, type ItemBody, type MainData } from '../../electron/core/store/schema.js';
import { SHARD_CAPACITY, shardFile, shardKey } from '../../electron/core/store/shards.js';
import { MAIN_FILE, Store } from '../../electron/core/store/store.js';
import type { FeedRecord, ItemMeta } from '../../electron/core/store/types.js';
import { articleBody } from './text.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FEEDS = 60;
const DAYS = 365;
const POLL = 500;

const bodies = Array.from({ length: 400 }, (_, i) => articleBody(i + 1));
const plain = bodies.map((b) => b.replace(/<[^>]+>/g, ''));
const dayMs = 86_400_000;

function feed(i: number): FeedRecord {
  return {
    id: `feed${String(i).padStart(4, '0')}`, url: `https://outlet${i}.example/elections/rss.xml`, title: `Outlet ${i} — Elections`,
    customTitle: null, siteUrl: `https://outlet${i}.example/`, description: null, language: 'en', folderId: null, paused: false,
    addedAt: '2025-01-01T00:00:00.000Z', etag: null, lastModified: null, ttlMinutes: null, retryAfter: null,
    health: { lastFetchAt: null, lastStatus: 'ok', lastError: null, errorCount: 0, nextCheckAt: null, itemCount: 0, lastNewItems: 0 },
  };
}

function normalised(n: number, published: string): NormalisedItem {
  return {
    guid: `https://outlet${n % FEEDS}.example/politics/2025/election-story-${n}`, title: `Election commission reports progress in count, story ${n}`,
    link: `https://outlet${n % FEEDS}.example/politics/2025/election-story-${n}`, published, updated: null, author: `Reporter ${n % 97}`,
    summary: bodies[n % bodies.length]!, content: null, categories: ['Politics', 'Elections'], enclosures: [],
  };
}

function analysisOf(n: number): AnalysisCore {
  const related = n % 2 === 0;
  const statement = (k: number) => ({
    quote: `Claims of interference or fraud in district ${n % 300} should be fully investigated (${k})`, start: 120 * k, end: 120 * k + 80,
    direct: k === 0, speaker: `Speaker ${n % 500}`, speakerRole: 'spokesman', speakerOrg: 'Election Commission', speakerCountry: 'PK',
    aboutCountry: 'PK', topics: ['fraud'], stance: 'critical' as const, confidence: 0.8, cue: 'said',
    context: `"Claims of interference or fraud in district ${n % 300} should be fully investigated," the spokesman told reporters in the capital on day ${n % 365}.`,
  });
  return {
    language: 'en', relevance: related ? 0.8 : 0.1, electionRelated: related, countries: related ? ['PK'] : [],
    statements: related ? [statement(0), statement(1)] : [], version: 1, analysedAt: '2025-06-01T00:00:00.000Z',
  };
}

/** Writes an archive of `total` items over the last DAYS days (today included) directly as shard files. */
export async function buildArchive(dir: string, total: number, now: number): Promise<void> {
  await fs.mkdir(path.join(dir, 'items'), { recursive: true });
  const main: MainData = { ...emptyMain(), feeds: Array.from({ length: FEEDS }, (_, i) => feed(i)) };
  await new JsonFile(path.join(dir, MAIN_FILE), () => main, { pretty: true }).save();
  const perDay = new Map<number, number[]>();
  for (let n = 0; n < total; n++) (perDay.get(n % DAYS) ?? perDay.set(n % DAYS, []).get(n % DAYS)!).push(n);
  const fetchedAt = new Date(now).toISOString();
  for (const [d, ns] of perDay) {
    const dayStart = Math.floor(now / dayMs) * dayMs - d * dayMs;
    const day = new Date(dayStart).toISOString().slice(0, 10);
    for (let seg = 0; seg * SHARD_CAPACITY < ns.length; seg++) {
      const metas: ItemMeta[] = [];
      const analysisOfId = new Map<string, AnalysisCore>();
      const bodyMap: Record<string, ItemBody> = {};
      for (const n of ns.slice(seg * SHARD_CAPACITY, (seg + 1) * SHARD_CAPACITY)) {
        const published = new Date(Math.min(now - 60_000, dayStart + ((n * 7919) % dayMs))).toISOString();
        const it = normalised(n, published);
        const feedId = feed(n % FEEDS).id;
        const identity = itemIdentity(it);
        const id = itemId(feedId, identity);
        const meta: ItemMeta = {
          id, feedId, identity, contentHash: itemContentHash(it), guid: it.guid, title: it.title, link: it.link, author: it.author,
          published, updated: null, fetchedAt, sortDate: published, dateFromFetch: false, categories: it.categories,
        };
        metas.push(meta);
        analysisOfId.set(id, analysisOf(n));
        bodyMap[id] = { summary: it.summary, content: null, enclosures: [], fulltext: null, analysisText: plain[n % plain.length]! };
      }
      metas.sort(newestFirst); // the store writes shards newest first
      const items: ItemRow[] = metas.map(encodeItem);
      const analyses: MetaShardFile['analyses'] = metas.map((m) => encodeAnalysis(analysisOfId.get(m.id)!));
      const key = shardKey(day, seg);
      await Promise.all([
        new JsonFile<MetaShardFile>(shardFile(dir, key, 'meta'), () => ({ schemaVersion: SHARD_SCHEMA, items, analyses })).save(),
        new JsonFile<BodyShardData>(shardFile(dir, key, 'body'), () => ({ schemaVersion: SHARD_SCHEMA, bodies: bodyMap })).save(),
      ]);
    }
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Opens the archive and stores polls of POLL new "today" items; median time of one poll's upsertItems (writes included). */
async function appendMs(dir: string, now: number, runs = 5): Promise<number> {
  const store = await Store.open(dir);
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    // Polls are minutes apart: let the previous poll's writes settle and the file's write pause (json-file.ts) pass,
    // so each run measures one poll, not a burst.
    await store.flush();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const items = Array.from({ length: POLL }, (_, i) => normalised(10_000_000 + r * POLL + i, new Date(now - (i + 1) * 60_000).toISOString()));
    const t0 = performance.now();
    await store.upsertItems(feed(r % FEEDS).id, items, new Date(now).toISOString());
    times.push(performance.now() - t0);
  }
  await store.close();
  return median(times);
}

const run = promisify(execFile);

/** Opens the archive in a fresh Node process: time to open and list items, and that process's RSS. */
async function coldLoad(dir: string): Promise<{ ms: number; cpuMs: number; rssMb: number; peakMb: number; items: number }> {
  const script = path.join(os.tmpdir(), `pollwatch-coldload-${process.pid}.mts`);
  await fs.writeFile(script, [
    `import { Store } from ${JSON.stringify(pathToFileURL(path.join(root, 'electron/core/store/store.ts')).href)};`,
    'const c0 = process.cpuUsage();',
    'const t0 = performance.now();',
    `const store = await Store.open(${JSON.stringify(dir)});`,
    'const items = store.listItems().length;',
    'const ms = performance.now() - t0;',
    'const cpu = process.cpuUsage(c0);',
    'const cpuMs = (cpu.user + cpu.system) / 1000;',
    'const rssMb = process.memoryUsage().rss / 1048576;',
    'const peakMb = process.resourceUsage().maxRSS / 1024;',
    'console.log(JSON.stringify({ ms, cpuMs, rssMb, peakMb, items, problems: store.problems.length }));',
  ].join('\n'));
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', script], { cwd: root, maxBuffer: 1 << 20 });
    return JSON.parse(stdout.trim().split('\n').pop()!) as { ms: number; cpuMs: number; rssMb: number; peakMb: number; items: number };
  } finally {
    await fs.rm(script, { force: true });
  }
}

export default async function (): Promise<Record<string, number>> {
  const base = await fs.mkdtemp(path.join(os.tmpdir(), 'pollwatch-store-bench-'));
  const now = Date.now();
  try {
    const small = path.join(base, 'small');
    await buildArchive(small, 2_000, now);
    const store_append_2k_ms = await appendMs(small, now);

    const large = path.join(base, 'large');
    const t0 = performance.now();
    await buildArchive(large, 200_000, now);
    process.stderr.write(`  built 200k archive in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
    process.stderr.write(`  load average before cold loads: ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}\n`);
    const loads = [await coldLoad(large), await coldLoad(large), await coldLoad(large)];
    if (loads.some((l) => l.items !== 200_000)) throw new Error(`cold load saw ${loads.map((l) => l.items).join(', ')} items`);
    process.stderr.write(`  cold loads: ${loads.map((l) => `${l.ms.toFixed(0)} ms (cpu ${l.cpuMs.toFixed(0)} ms) / ${l.rssMb.toFixed(0)} MB (peak ${l.peakMb.toFixed(0)} MB)`).join('; ')}\n`);
    const store_append_200k_ms = await appendMs(large, now);
    return {
      store_append_2k_ms: Math.round(store_append_2k_ms * 10) / 10,
      store_append_200k_ms: Math.round(store_append_200k_ms * 10) / 10,
      store_cold_load_200k_ms: Math.round(median(loads.map((l) => l.ms))),
      store_rss_mb_200k: Math.round(Math.max(...loads.map((l) => l.peakMb))),
    };
  } finally {
    await fs.rm(base, { recursive: true, force: true });
  }
}
