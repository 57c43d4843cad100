// The local store in a real temp directory: feeds, folders, items (new, edited, re-published, undated), shards on
// disk, lazy bodies, analyses and reviews across a restart, retention, corrupt files and concurrent changes.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NormalisedItem } from '../../../electron/core/feeds/types.js';
import { Store } from '../../../electron/core/store/store.js';
import type { StoredAnalysis } from '../../../electron/core/store/types.js';

let dir: string;
let store: Store;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pollwatch-store-'));
  store = await Store.open(dir);
});
afterEach(async () => {
  await store.close();
  await fs.rm(dir, { recursive: true, force: true });
});

function item(n: number, extra: Partial<NormalisedItem> = {}): NormalisedItem {
  return {
    guid: `https://news.example/articles/${n}`, title: `Election update ${n}`, link: `https://news.example/articles/${n}`,
    published: `2024-02-${String(1 + (n % 28)).padStart(2, '0')}T10:00:00Z`, updated: null, author: 'Reporter',
    summary: `<p>Summary of article ${n}: the commission said counting continues.</p>`, content: `<p>Full body ${n}.</p>`,
    categories: ['elections'], enclosures: [], ...extra,
  };
}

const analysis = (text: string, version = 1): StoredAnalysis => ({
  language: 'en', relevance: 0.9, electionRelated: true, countries: ['PK'], version, analysedAt: '2024-02-10T00:00:00.000Z', text,
  statements: [{ quote: 'counting continues', start: 0, end: 18, direct: true, speaker: 'Matthew Miller', speakerRole: 'spokesman', speakerOrg: 'State Department', speakerCountry: 'US', aboutCountry: 'PK', topics: ['fraud'], stance: 'critical', confidence: 0.8, cue: 'said', context: 'counting continues, he said.' }],
});

async function reopen(): Promise<void> {
  await store.close();
  store = await Store.open(dir);
}

describe('feeds and folders', () => {
  it('adds, lists, updates and removes feeds, and they survive a restart', async () => {
    const a = await store.addFeed({ url: 'https://a.example/feed.xml', title: 'A' });
    const b = await store.addFeed({ url: 'https://b.example/rss', title: 'B', language: 'es' });
    expect(a.id).not.toBe(b.id);
    expect(a.health).toMatchObject({ lastStatus: 'new', errorCount: 0, itemCount: 0 });
    await expect(store.addFeed({ url: 'https://a.example/feed.xml', title: 'again' })).rejects.toThrow(/Already subscribed/);
    await store.updateFeed(a.id, { customTitle: 'Mine', paused: true, health: { ...a.health, lastStatus: 'ok', errorCount: 0 } });
    await reopen();
    expect(store.listFeeds().map((f) => f.title)).toEqual(['A', 'B']);
    expect(store.getFeed(a.id)).toMatchObject({ customTitle: 'Mine', paused: true, health: { lastStatus: 'ok' } });
    expect(store.findFeedByUrl('https://b.example/rss')?.language).toBe('es');
    await store.removeFeed(b.id);
    expect(store.getFeed(b.id)).toBeUndefined();
  });

  it('nests folders, finds them by path and moves children up when a folder goes', async () => {
    const leaf = await store.ensureFolderPath(['Elections', 'Africa', 'Kenya']);
    expect(await store.ensureFolderPath(['elections ', 'AFRICA', 'Kenya'])).toBe(leaf);
    expect(await store.ensureFolderPath([])).toBeNull();
    const folders = store.listFolders();
    expect(folders).toHaveLength(3);
    const africa = folders.find((f) => f.name === 'Africa')!;
    const elections = folders.find((f) => f.name === 'Elections')!;
    const feed = await store.addFeed({ url: 'https://k.example/feed', title: 'K', folderId: africa.id });
    await expect(store.updateFolder(elections.id, { parentId: leaf })).rejects.toThrow(/itself/);
    await store.updateFolder(africa.id, { name: 'Sub-Saharan Africa' });
    await store.removeFolder(africa.id);
    await reopen();
    expect(store.getFeed(feed.id)!.folderId).toBe(elections.id);
    expect(store.listFolders().find((f) => f.id === leaf)!.parentId).toBe(elections.id);
    expect(store.listFolders().map((f) => f.name).sort()).toEqual(['Elections', 'Kenya']);
  });
});

describe('items', () => {
  it('adds new items, updates edited ones in place and does not bring back re-published ones', async () => {
    const feed = await store.addFeed({ url: 'https://a.example/feed', title: 'A' });
    const first = await store.upsertItems(feed.id, [item(1), item(2)], '2024-02-10T12:00:00Z');
    expect(first.added).toHaveLength(2);
    await store.setAnalysis(first.added[0]!, analysis('Summary of article 1'));
    const again = await store.upsertItems(feed.id, [item(1), item(2)], '2024-02-10T12:15:00Z');
    expect(again).toEqual({ added: [], updated: [], unchanged: 2 });
    const edited = await store.upsertItems(feed.id, [item(1, { title: 'Election update 1 (corrected)' }), item(2)], '2024-02-10T12:30:00Z');
    expect(edited).toEqual({ added: [], updated: [first.added[0]], unchanged: 1 });
    expect(store.itemCount()).toBe(2);
    const meta = store.getItemMeta(first.added[0]!)!;
    expect(meta.title).toBe('Election update 1 (corrected)');
    expect(meta.fetchedAt).toBe('2024-02-10T12:00:00.000Z');
    // The edit invalidates the analysis: the item is analysed again.
    expect(store.getAnalysis(first.added[0]!)).toBeUndefined();
    expect(store.itemsNeedingAnalysis(1)).toContain(first.added[0]);
  });

  it('orders undated items by their fetch time and flags them', async () => {
    const feed = await store.addFeed({ url: 'https://a.example/feed', title: 'A' });
    await store.upsertItems(feed.id, [item(1, { published: '2024-02-05T08:00:00+02:00' }), item(2, { published: null }), item(3, { published: '2024-02-12T00:00:00Z' })], '2024-02-10T12:00:00Z');
    await reopen();
    const list = store.listItems();
    expect(list.map((m) => m.title)).toEqual(['Election update 3', 'Election update 2', 'Election update 1']);
    expect(list[1]).toMatchObject({ published: null, dateFromFetch: true, sortDate: '2024-02-10T12:00:00.000Z' });
    expect(list[2]).toMatchObject({ dateFromFetch: false, sortDate: '2024-02-05T06:00:00.000Z' });
    expect(store.listItems({ since: '2024-02-06' }).map((m) => m.title)).toEqual(['Election update 3', 'Election update 2']);
  });

  it('keeps items in day shards: storing a poll rewrites only the shards of its items', async () => {
    const feed = await store.addFeed({ url: 'https://a.example/feed', title: 'A' });
    const days = ['2024-01-05', '2024-01-06', '2024-01-07'];
    await store.upsertItems(feed.id, days.flatMap((d, i) => [item(10 * i, { published: `${d}T09:00:00Z` }), item(10 * i + 1, { published: `${d}T18:00:00Z` })]), '2024-01-08T00:00:00Z');
    const itemsDir = path.join(dir, 'items');
    expect((await fs.readdir(itemsDir)).sort()).toEqual(days.flatMap((d) => [`${d}.0.body.json`, `${d}.0.meta.json`]));
    const before = new Map<string, number>();
    for (const f of await fs.readdir(itemsDir)) before.set(f, (await fs.stat(path.join(itemsDir, f))).mtimeMs);
    const writesBefore = store.fileWrites();
    await store.upsertItems(feed.id, [item(99, { published: '2024-01-06T20:00:00Z' })], '2024-01-08T01:00:00Z');
    const changed: string[] = [];
    for (const f of await fs.readdir(itemsDir)) if ((await fs.stat(path.join(itemsDir, f))).mtimeMs !== before.get(f)) changed.push(f);
    expect(changed.sort()).toEqual(['2024-01-06.0.body.json', '2024-01-06.0.meta.json']);
    const writesAfter = store.fileWrites();
    const grew = [...writesAfter].filter(([f, n]) => n !== (writesBefore.get(f) ?? 0)).map(([f]) => path.basename(f));
    expect(grew.sort()).toEqual(['2024-01-06.0.body.json', '2024-01-06.0.meta.json']);
    // The start-up file holds no bodies.
    const meta = await fs.readFile(path.join(itemsDir, '2024-01-06.0.meta.json'), 'utf8');
    expect(meta).not.toContain('Full body');
  });

  it('starts a new segment when a day is full, so a busy day never makes one big file', async () => {
    const feed = await store.addFeed({ url: 'https://a.example/feed', title: 'A' });
    const many = Array.from({ length: 600 }, (_, n) => item(n, { published: `2024-03-01T${String(n % 24).padStart(2, '0')}:00:00Z` }));
    await store.upsertItems(feed.id, many, '2024-03-02T00:00:00Z');
    const files = (await fs.readdir(path.join(dir, 'items'))).filter((f) => f.endsWith('.meta.json')).sort();
    expect(files).toEqual(['2024-03-01.0.meta.json', '2024-03-01.1.meta.json', '2024-03-01.2.meta.json']);
    await reopen();
    expect(store.itemCount()).toBe(600);
    expect(store.feedItemCount(feed.id)).toBe(600);
  });

  it('loads an item body only when the item is opened', async () => {
    const feed = await store.addFeed({ url: 'https://a.example/feed', title: 'A' });
    const { added } = await store.upsertItems(feed.id, [item(1, { enclosures: [{ url: 'https://a.example/a.mp3', type: 'audio/mpeg', length: 10 }] })], '2024-02-10T12:00:00Z');
    await store.setFullText(added[0]!, { text: 'The whole article.', html: '<p>The whole article.</p>', fetchedAt: '2024-02-10T12:01:00Z', error: null });
    await reopen();
    // Prove the body comes from its own file, read on demand: change it on disk after start, before opening the item.
    const bodyFile = path.join(dir, 'items', '2024-02-02.0.body.json');
    const raw = JSON.parse(await fs.readFile(bodyFile, 'utf8')) as { bodies: Record<string, { summary: string }> };
    raw.bodies[added[0]!]!.summary = '<p>read lazily</p>';
    await fs.writeFile(bodyFile, JSON.stringify(raw));
    const got = await store.getItem(added[0]!);
    expect(got).toMatchObject({ title: 'Election update 1', summary: '<p>read lazily</p>', content: '<p>Full body 1.</p>', fulltext: { text: 'The whole article.' } });
    expect(got!.enclosures).toEqual([{ url: 'https://a.example/a.mp3', type: 'audio/mpeg', length: 10 }]);
    expect(await store.getItem('nope')).toBeUndefined();
  });
});

describe('many shards', () => {
  it('keeps every body change when more shards are opened than stay in memory', async () => {
    const feed = await store.addFeed({ url: 'https://a.example/feed', title: 'A' });
    const days = Array.from({ length: 40 }, (_, d) => `2023-${String(1 + Math.floor(d / 28)).padStart(2, '0')}-${String(1 + (d % 28)).padStart(2, '0')}T12:00:00Z`);
    const { added } = await store.upsertItems(feed.id, days.map((published, n) => item(n, { published })), '2024-01-01T00:00:00Z');
    await Promise.all(added.map((id, n) => store.setFullText(id, { text: `text ${n}`, html: null, fetchedAt: '2024-01-01T00:00:00Z', error: null })));
    await Promise.all(added.map((id, n) => store.setAnalysis(id, analysis(`analysed ${n}`))));
    for (const [n, id] of added.entries()) expect((await store.getItem(id))!.fulltext!.text).toBe(`text ${n}`);
    await reopen();
    for (const [n, id] of added.entries()) {
      expect((await store.getItem(id))!.fulltext!.text).toBe(`text ${n}`);
      expect(store.getAnalysis(id)!.text).toBe(`analysed ${n}`);
    }
  });

  it('an item found in two shard files (hand-edited data) is listed once', async () => {
    const feed = await store.addFeed({ url: 'https://a.example/feed', title: 'A' });
    await store.upsertItems(feed.id, [item(1, { published: '2024-01-01T00:00:00Z' }), item(2, { published: '2024-01-02T00:00:00Z' })], '2024-02-10T00:00:00Z');
    await store.close();
    const a = path.join(dir, 'items', '2024-01-01.0.meta.json');
    const b = path.join(dir, 'items', '2024-01-02.0.meta.json');
    const fa = JSON.parse(await fs.readFile(a, 'utf8')) as { items: unknown[]; analyses: unknown[] };
    const fb = JSON.parse(await fs.readFile(b, 'utf8')) as { items: unknown[]; analyses: unknown[] };
    fb.items.push(fa.items[0]);
    fb.analyses.push(0);
    await fs.writeFile(b, JSON.stringify(fb));
    store = await Store.open(dir);
    expect(store.itemCount()).toBe(2);
    expect(store.listItems()).toHaveLength(2);
    expect(new Set(store.listItems().map((m) => m.id)).size).toBe(2);
  });
});

describe('analyses and reviews', () => {
  it('keep analyses (with their text) and reviews across a restart', async () => {
    const feed = await store.addFeed({ url: 'https://a.example/feed', title: 'A' });
    const { added } = await store.upsertItems(feed.id, [item(1), item(2)], '2024-02-10T12:00:00Z');
    await store.setAnalysis(added[0]!, analysis('counting continues, he said.', 3));
    await store.setReview(`${added[0]}.0123456789ab`, { starred: true, note: 'check' });
    await store.setReview(`${added[0]}.0123456789ab`, { correction: { stance: 'neutral' } });
    await store.putSavedSearch({ id: 's1', name: 'Pakistan', filter: { countries: ['PK'] }, notify: true, createdAt: '2024-02-10T00:00:00Z', lastSeenCount: 0 });
    await reopen();
    const a = store.getAnalysis(added[0]!)!;
    expect(a).toMatchObject({ version: 3, countries: ['PK'], statements: [{ speaker: 'Matthew Miller' }] });
    expect(a.text).toBe('counting continues, he said.');
    expect(JSON.parse(JSON.stringify(a)).text).toBe('counting continues, he said.');
    expect(await store.getAnalysisText(added[0]!)).toBe('counting continues, he said.');
    expect(store.itemsNeedingAnalysis(3)).toEqual([added[1]]);
    expect(store.itemsNeedingAnalysis(4)).toHaveLength(2);
    expect(store.getReview(`${added[0]}.0123456789ab`)).toMatchObject({ starred: true, reviewed: false, note: 'check', correction: { stance: 'neutral' } });
    expect(store.allReviews().size).toBe(1);
    expect(store.listSavedSearches()).toMatchObject([{ id: 's1', filter: { countries: ['PK'] } }]);
    await store.deleteSavedSearch('s1');
    expect(store.listSavedSearches()).toEqual([]);
  });

  it('retention drops old items but keeps starred and reviewed ones; off by default', async () => {
    const feed = await store.addFeed({ url: 'https://a.example/feed', title: 'A' });
    const old = await store.upsertItems(feed.id, [item(1, { published: '2024-01-01T00:00:00Z' }), item(2, { published: '2024-01-01T01:00:00Z' }), item(3, { published: '2024-01-02T00:00:00Z' })], '2024-02-10T00:00:00Z');
    const recent = await store.upsertItems(feed.id, [item(4, { published: '2024-02-09T00:00:00Z' })], '2024-02-10T00:00:00Z');
    const now = new Date('2024-02-10T00:00:00Z');
    expect(await store.applyRetention(now)).toEqual({ removed: 0 });
    await store.setReview(`${old.added[0]}.aaaaaaaaaaaa`, { starred: true });
    await store.setReview(`${old.added[1]}.bbbbbbbbbbbb`, { reviewed: true });
    await store.updateSettings({ retentionDays: 30 });
    expect(await store.applyRetention(now)).toEqual({ removed: 1 });
    await reopen();
    expect(store.listItems().map((m) => m.id).sort()).toEqual([old.added[0], old.added[1], recent.added[0]].sort());
    // The emptied day's files are gone.
    expect(await fs.readdir(path.join(dir, 'items'))).not.toContain('2024-01-02.0.meta.json');
    expect(store.getSettings().retentionDays).toBe(30);
  });

  it('removing a feed keeps its items that hold starred statements', async () => {
    const feed = await store.addFeed({ url: 'https://a.example/feed', title: 'A' });
    const { added } = await store.upsertItems(feed.id, [item(1), item(2)], '2024-02-10T00:00:00Z');
    await store.setReview(`${added[1]}.cccccccccccc`, { starred: true });
    await store.removeFeed(feed.id);
    await reopen();
    expect(store.listItems().map((m) => [m.id, m.feedId])).toEqual([[added[1], feed.id]]);
  });
});

describe('safety', () => {
  it('quarantines a corrupt shard, reports it and loads the rest; later writes never overwrite the kept copy', async () => {
    const feed = await store.addFeed({ url: 'https://a.example/feed', title: 'A' });
    await store.upsertItems(feed.id, [item(1, { published: '2024-01-01T00:00:00Z' }), item(2, { published: '2024-01-02T00:00:00Z' })], '2024-02-10T00:00:00Z');
    await store.close();
    const bad = path.join(dir, 'items', '2024-01-01.0.meta.json');
    const junk = Buffer.from([0x7b, 0x22, 0x73, 0x63, 0x68, 0x00, 0xff, 0xfe, 0x01]);
    await fs.writeFile(bad, junk);
    store = await Store.open(dir);
    expect(store.problems).toHaveLength(1);
    expect(store.problems[0]).toMatchObject({ file: bad });
    expect(store.problems[0]!.movedTo).toMatch(/2024-01-01\.0\.meta\.json\.corrupt-/);
    expect(await fs.readFile(store.problems[0]!.movedTo)).toEqual(junk);
    expect(store.itemCount()).toBe(1);
    expect(store.getFeed(feed.id)).toBeDefined();
    // New items of that day go to a new segment; the quarantined copy stays as it was.
    await store.upsertItems(feed.id, [item(3, { published: '2024-01-01T05:00:00Z' })], '2024-02-10T00:00:00Z');
    expect(await fs.readFile(store.problems[0]!.movedTo)).toEqual(junk);
    expect(await fs.readdir(path.join(dir, 'items'))).toContain('2024-01-01.1.meta.json');
  });

  it('quarantines an empty main file and a truncated reviews file, and still opens', async () => {
    await store.addFolder('Elections');
    await store.setReview('abc.0123456789ab', { starred: true });
    await store.close();
    await fs.writeFile(path.join(dir, 'pollwatch.json'), '');
    await fs.writeFile(path.join(dir, 'reviews.json'), '{"schemaVersion":1,"reviews":{"abc.01');
    store = await Store.open(dir);
    expect(store.problems.map((p) => path.basename(p.file)).sort()).toEqual(['pollwatch.json', 'reviews.json']);
    for (const p of store.problems) await expect(fs.stat(p.movedTo)).resolves.toBeDefined();
    expect(store.listFolders()).toEqual([]);
    expect(store.getSettings().pollIntervalMinutes).toBe(15);
  });

  it('quarantines a corrupt body file when the item is opened', async () => {
    const feed = await store.addFeed({ url: 'https://a.example/feed', title: 'A' });
    const { added } = await store.upsertItems(feed.id, [item(1)], '2024-02-10T00:00:00Z');
    await reopen();
    await fs.writeFile(path.join(dir, 'items', '2024-02-02.0.body.json'), '{"schemaVersion":1,"bodies":');
    const got = await store.getItem(added[0]!);
    expect(got).toMatchObject({ title: 'Election update 1', summary: null });
    expect(store.problems).toHaveLength(1);
    expect(store.problems[0]!.movedTo).toContain('2024-02-02.0.body.json.corrupt-');
  });

  it('serialises many concurrent changes without losing any', async () => {
    const feed = await store.addFeed({ url: 'https://a.example/feed', title: 'A' });
    const jobs: Promise<unknown>[] = [];
    for (let i = 0; i < 40; i++) {
      jobs.push(store.upsertItems(feed.id, [item(i), item(i + 1000)], '2024-02-10T00:00:00Z'));
      jobs.push(store.setReview(`item${i}.0123456789ab`, { reviewed: true }));
      jobs.push(store.addFolder(`Folder ${i}`));
      jobs.push(store.updateFeed(feed.id, { title: `Title ${i}` }));
    }
    await Promise.all(jobs);
    // Concurrent writes to one file coalesce: far fewer writes than changes.
    const writes = store.fileWrites();
    expect(writes.get(path.join(dir, 'reviews.json'))).toBeLessThan(40);
    await reopen();
    expect(store.itemCount()).toBe(80);
    expect(store.allReviews().size).toBe(40);
    expect(store.listFolders()).toHaveLength(40);
    expect(store.getFeed(feed.id)!.title).toBe('Title 39');
  });
});
