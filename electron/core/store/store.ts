// The local store on the user's disk (lowdb files in the data directory): settings, feeds, folders and saved searches
// in pollwatch.json; review data in reviews.json; items in day shards under items/ (see shards.ts: metadata and
// analyses load at start, bodies load when an item is opened). Writes are atomic (temp file + rename) and serialised
// per file; changes go through one in-process queue so concurrent calls never lose updates. A file that fails to
// parse is moved aside and reported in `problems`, and the rest loads; a file from a newer schema makes open() refuse.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { SavedSearch, StoreProblem } from '../../contract/api.js';
import { itemContentHash, itemIdentity } from '../feeds/identity.js';
import type { NormalisedItem } from '../feeds/types.js';
import { encodeAnalysis, encodeItem, StringPool, type ItemRow, type MetaShardFile } from './codec.js';
import { itemId as makeItemId, shortId } from './ids.js';
import { isSorted, ItemOrder, mergeNewestFirst, newestFirst } from './item-order.js';
import { JsonFile, readJsonFile, readJsonFileSync, type FileWriter } from './json-file.js';
import { expiredItems, itemsKeptByReviews } from './retention.js';
import {
  checkBodyShard, checkMain, checkMetaShard, checkReviews, DEFAULT_SETTINGS, emptyMain, SHARD_SCHEMA,
  type AnalysisCore, type BodyShardData, type ItemBody, type MainData, type MetaShardData, type ReviewsData,
} from './schema.js';
import { dayOf, ITEMS_DIR, parseShardFileName, SHARD_CAPACITY, shardFile, shardKey } from './shards.js';
import type {
  FeedHealthRecord, FeedRecord, FolderRecord, FullText, ItemMeta, ReviewRecord, SettingsRecord, StoredAnalysis, StoredItem,
} from './types.js';

export { NewerSchemaError } from './json-file.js';

export const MAIN_FILE = 'pollwatch.json';
export const REVIEWS_FILE = 'reviews.json';
/** How many shards' bodies stay in memory after being opened. */
const LOADED_BODY_SHARDS = 16;

interface Shard {
  key: string;
  day: string;
  /** The shard's item ids; built from `loadedIds` when first needed (start-up stays cheap). */
  idSet: Set<string> | null;
  loadedIds: string[];
  meta: JsonFile<MetaShardFile>;
  body: JsonFile<BodyShardData>;
  bodies: Record<string, ItemBody> | null;
  loading: Promise<Record<string, ItemBody>> | null;
  used: number;
}

interface Entry {
  meta: ItemMeta;
  shard: Shard;
  analysis: AnalysisCore | undefined;
}

interface DayShards {
  shards: Shard[];
  /** Highest segment number ever seen for the day (also of quarantined files), so no file name is reused. */
  maxSegment: number;
}

/** Inside a change: queue a file's save (or another write already started) to await after the change. */
type Save = (file: FileWriter | Promise<void>) => void;

const iso = (s: string | null | undefined): string | null => {
  if (!s) return null;
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
};

const cloneFeed = (f: FeedRecord): FeedRecord => ({ ...f, health: { ...f.health } });
const cloneReview = (r: ReviewRecord): ReviewRecord => ({ ...r, correction: r.correction ? { ...r.correction } : null });

function idsOf(shard: Shard): Set<string> {
  if (!shard.idSet) {
    shard.idSet = new Set(shard.loadedIds);
    shard.loadedIds = [];
  }
  return shard.idSet;
}

function emptyBody(): ItemBody {
  return { summary: null, content: null, enclosures: [], fulltext: null, analysisText: null };
}

export class Store {
  readonly problems: StoreProblem[];
  private readonly main: MainData;
  private readonly mainFile: JsonFile<MainData>;
  private readonly reviews: Map<string, ReviewRecord>;
  private readonly reviewsFile: JsonFile<ReviewsData>;
  /** Every item: its metadata, the shard it lives in and its analysis (one map: fewer inserts at start). */
  private readonly entries = new Map<string, Entry>();
  private readonly shards = new Map<string, Shard>();
  private readonly days = new Map<string, DayShards>();
  private perFeedCounts: Map<string, number> | null = null;
  private readonly order = new ItemOrder((m) => this.entries.get(m.id)?.meta === m);
  private queue: Promise<void> = Promise.resolve();
  private clock = 0;
  /** Shards whose bodies the running change is using (never evicted meanwhile). */
  private readonly pinned = new Set<Shard>();
  private closed = false;

  private constructor(readonly dataDir: string, main: MainData, reviews: ReviewsData | null, problems: StoreProblem[]) {
    this.problems = problems;
    this.main = main;
    this.mainFile = new JsonFile(path.join(dataDir, MAIN_FILE), () => this.main, { pretty: true });
    this.reviews = new Map(Object.entries(reviews?.reviews ?? {}));
    this.reviewsFile = new JsonFile(path.join(dataDir, REVIEWS_FILE), () => ({ schemaVersion: SHARD_SCHEMA, reviews: Object.fromEntries(this.reviews) }));
  }

  /** Creates the directory; loads settings, feeds, folders, reviews, saved searches and every shard's metadata and analyses. */
  static async open(dataDir: string): Promise<Store> {
    const dir = path.resolve(dataDir);
    await fsp.mkdir(path.join(dir, ITEMS_DIR), { recursive: true });
    const problems: StoreProblem[] = [];
    const mainPath = path.join(dir, MAIN_FILE);
    const checked = await readJsonFile(mainPath, checkMain, problems);
    const reviews = await readJsonFile(path.join(dir, REVIEWS_FILE), checkReviews, problems);

    const days = new Map<string, DayShards>();
    const metaKeys: { key: string; day: string }[] = [];
    for (const name of await fsp.readdir(path.join(dir, ITEMS_DIR))) {
      const f = parseShardFileName(name);
      if (!f) continue;
      const d = days.get(f.day) ?? { shards: [], maxSegment: -1 };
      d.maxSegment = Math.max(d.maxSegment, f.segment);
      days.set(f.day, d);
      if (f.kind === 'meta' && !f.quarantined) metaKeys.push({ key: shardKey(f.day, f.segment), day: f.day });
    }
    // Meta shards are read with lowdb's sync adapter (fewer async round trips for ~1,000 small files), yielding to
    // the event loop between files so a start-up read of a large archive does not freeze the process.
    const pool = new StringPool();
    const check = checkMetaShard(pool);
    const loaded: (MetaShardData | null)[] = [];
    let lastYield = performance.now();
    for (const { key } of metaKeys) {
      loaded.push(readJsonFileSync(shardFile(dir, key, 'meta'), check, problems));
      if (performance.now() - lastYield > 20) {
        await new Promise((r) => setImmediate(r));
        lastYield = performance.now();
      }
    }

    const store = new Store(dir, checked?.data ?? emptyMain(), reviews, problems);
    store.days.clear();
    for (const [day, d] of days) store.days.set(day, { shards: [], maxSegment: d.maxSegment });
    const groups = new Map<string, { key: string; data: MetaShardData | null }[]>();
    metaKeys.forEach(({ key, day }, i) => {
      (groups.get(day) ?? groups.set(day, []).get(day)!).push({ key, data: loaded[i] ?? null });
    });
    // Newest day first; each shard file is written newest first, so a day is a merge of its segments.
    const sorted: ItemMeta[] = [];
    let inOrder = true;
    let total = 0;
    for (const day of [...groups.keys()].sort().reverse()) {
      let dayItems: ItemMeta[] = [];
      for (const { key, data } of groups.get(day)!.sort((a, b) => Number(a.key.slice(11)) - Number(b.key.slice(11)))) {
        // A quarantined meta file's segment is not reused: its body file stays as it was, beside the kept copy.
        if (!data) continue;
        const shard = store.registerShard(key, day);
        const fresh = data.items;
        const ids = new Array<string>(fresh.length);
        for (let i = 0; i < fresh.length; i++) {
          const m = fresh[i]!;
          store.entries.set(m.id, { meta: m, shard, analysis: data.analyses[i] });
          ids[i] = m.id;
          if (!m.sortDate.startsWith(day)) inOrder = false;
        }
        total += fresh.length;
        shard.loadedIds = ids;
        if (!isSorted(fresh)) fresh.sort(newestFirst); // after the loop: analyses[i] matches items[i] as read
        dayItems = dayItems.length ? mergeNewestFirst(dayItems, fresh) : fresh;
      }
      for (const m of dayItems) sorted.push(m);
    }
    if (store.entries.size !== total) {
      // The same item in two files (never written so, but possible after hand edits): the last one read wins.
      for (const shard of store.shards.values()) shard.loadedIds = shard.loadedIds.filter((id) => store.entries.get(id)!.shard === shard);
      store.order.load(sorted.filter((m) => store.entries.get(m.id)!.meta === m), false);
    } else {
      store.order.load(sorted, inOrder);
    }

    if (!checked || checked.migratedFrom !== null) {
      if (checked && checked.migratedFrom !== null) {
        // Keep the file as it was before the migration rewrites it.
        const backup = `${mainPath}.v${checked.migratedFrom}-backup`;
        if (!fs.existsSync(backup)) await fsp.copyFile(mainPath, backup);
      }
      await store.mainFile.save();
    }
    return store;
  }

  // ---- settings -------------------------------------------------------------------------------------------------

  getSettings(): SettingsRecord {
    return { ...this.main.settings };
  }

  updateSettings(patch: Partial<SettingsRecord>): Promise<SettingsRecord> {
    return this.mutate((save) => {
      const s = this.main.settings as unknown as Record<string, unknown>;
      for (const key of Object.keys(DEFAULT_SETTINGS)) {
        const v = (patch as Record<string, unknown>)[key];
        if (v !== undefined) s[key] = v;
      }
      save(this.mainFile);
      return this.getSettings();
    });
  }

  // ---- feeds ----------------------------------------------------------------------------------------------------

  listFeeds(): FeedRecord[] {
    return this.main.feeds.map(cloneFeed);
  }

  getFeed(id: string): FeedRecord | undefined {
    const f = this.main.feeds.find((x) => x.id === id);
    return f && cloneFeed(f);
  }

  findFeedByUrl(url: string): FeedRecord | undefined {
    const f = this.main.feeds.find((x) => x.url === url);
    return f && cloneFeed(f);
  }

  addFeed(init: { url: string; title: string; siteUrl?: string | null; description?: string | null; language?: string | null; folderId?: string | null }): Promise<FeedRecord> {
    return this.mutate((save) => {
      if (this.main.feeds.some((f) => f.url === init.url)) throw new Error(`Already subscribed to ${init.url}`);
      if (init.folderId && !this.folder(init.folderId)) throw new Error(`No folder ${init.folderId}`);
      const health: FeedHealthRecord = { lastFetchAt: null, lastStatus: 'new', lastError: null, errorCount: 0, nextCheckAt: null, itemCount: 0, lastNewItems: 0 };
      const feed: FeedRecord = {
        id: shortId((id) => this.main.feeds.some((f) => f.id === id)),
        url: init.url, title: init.title, customTitle: null,
        siteUrl: init.siteUrl ?? null, description: init.description ?? null, language: init.language ?? null,
        folderId: init.folderId ?? null, paused: false, addedAt: new Date().toISOString(),
        etag: null, lastModified: null, ttlMinutes: null, retryAfter: null, health,
      };
      this.main.feeds.push(feed);
      save(this.mainFile);
      return cloneFeed(feed);
    });
  }

  /** Callers pass a whole health object when they change health. */
  updateFeed(id: string, patch: Partial<Omit<FeedRecord, 'id'>>): Promise<FeedRecord> {
    return this.mutate((save) => {
      const feed = this.main.feeds.find((f) => f.id === id);
      if (!feed) throw new Error(`No feed ${id}`);
      const { id: _ignored, health, ...rest } = patch as Partial<FeedRecord>;
      Object.assign(feed, rest);
      if (health) feed.health = { ...health };
      save(this.mainFile);
      return cloneFeed(feed);
    });
  }

  /** Removes the feed and its items, except items with a starred or reviewed statement (they stay, feedId unchanged). */
  removeFeed(id: string): Promise<void> {
    return this.mutate(async (save) => {
      const i = this.main.feeds.findIndex((f) => f.id === id);
      if (i < 0) throw new Error(`No feed ${id}`);
      const kept = itemsKeptByReviews(this.reviews);
      const gone: string[] = [];
      for (const { meta: m } of this.entries.values()) if (m.feedId === id && !kept.has(m.id)) gone.push(m.id);
      await this.removeItems(gone, save);
      this.main.feeds.splice(i, 1);
      save(this.mainFile);
    });
  }

  // ---- folders --------------------------------------------------------------------------------------------------

  listFolders(): FolderRecord[] {
    return this.main.folders.map((f) => ({ ...f }));
  }

  addFolder(name: string, parentId: string | null = null): Promise<FolderRecord> {
    return this.mutate((save) => {
      const folder = this.createFolder(name, parentId);
      save(this.mainFile);
      return { ...folder };
    });
  }

  updateFolder(id: string, patch: Partial<Omit<FolderRecord, 'id'>>): Promise<FolderRecord> {
    return this.mutate((save) => {
      const folder = this.folder(id);
      if (!folder) throw new Error(`No folder ${id}`);
      if (patch.parentId !== undefined && patch.parentId !== null) {
        if (!this.folder(patch.parentId)) throw new Error(`No folder ${patch.parentId}`);
        for (let p: string | null = patch.parentId; p; p = this.folder(p)?.parentId ?? null) {
          if (p === id) throw new Error('A folder cannot be moved into itself');
        }
      }
      if (patch.name !== undefined) {
        const name = patch.name.trim();
        if (!name) throw new Error('A folder needs a name');
        folder.name = name;
      }
      if (patch.parentId !== undefined) folder.parentId = patch.parentId;
      save(this.mainFile);
      return { ...folder };
    });
  }

  /** Its feeds and subfolders move to its parent. */
  removeFolder(id: string): Promise<void> {
    return this.mutate((save) => {
      const folder = this.folder(id);
      if (!folder) throw new Error(`No folder ${id}`);
      for (const f of this.main.feeds) if (f.folderId === id) f.folderId = folder.parentId;
      for (const f of this.main.folders) if (f.parentId === id) f.parentId = folder.parentId;
      this.main.folders = this.main.folders.filter((f) => f.id !== id);
      save(this.mainFile);
    });
  }

  /** Finds or creates nested folders by name (trimmed, case-insensitive); [] → null. */
  ensureFolderPath(names: string[]): Promise<string | null> {
    return this.mutate((save) => {
      let parent: string | null = null;
      for (const raw of names) {
        const name = raw.trim();
        if (!name) continue;
        const found: FolderRecord | undefined = this.main.folders.find((f) => f.parentId === parent && f.name.toLowerCase() === name.toLowerCase());
        parent = found ? found.id : this.createFolder(name, parent).id;
      }
      save(this.mainFile);
      return parent;
    });
  }

  // ---- items ----------------------------------------------------------------------------------------------------

  /**
   * Stores a poll's items. New identity → added; same identity with a new content hash → updated in place (its body,
   * full text and analysis are dropped: it needs re-analysis); same identity and hash → unchanged. An item without a
   * usable date is ordered by its fetch time and flagged (dateFromFetch).
   */
  upsertItems(feedId: string, items: NormalisedItem[], fetchedAt: string): Promise<{ added: string[]; updated: string[]; unchanged: number }> {
    return this.mutate(async (save) => {
      if (!this.main.feeds.some((f) => f.id === feedId)) throw new Error(`No feed ${feedId}`);
      const fetched = iso(fetchedAt) ?? new Date().toISOString();
      const seen = new Set<string>();
      const plan: { id: string; identity: string; hash: string; item: NormalisedItem; shard: Shard; isNew: boolean }[] = [];
      const extra = new Map<Shard, number>();
      let unchanged = 0;
      for (const item of items) {
        const identity = itemIdentity(item);
        const id = makeItemId(feedId, identity);
        if (seen.has(id)) { unchanged++; continue; }
        seen.add(id);
        const hash = itemContentHash(item);
        const existing = this.entries.get(id);
        if (existing) {
          if (existing.meta.contentHash === hash) { unchanged++; continue; }
          plan.push({ id, identity, hash, item, shard: existing.shard, isNew: false });
        } else {
          const day = dayOf(iso(item.published) ?? fetched);
          const shard = this.shardFor(day, extra);
          extra.set(shard, (extra.get(shard) ?? 0) + 1);
          plan.push({ id, identity, hash, item, shard, isNew: true });
        }
      }
      const shards = [...new Set(plan.map((p) => p.shard))];
      await Promise.all(shards.map((s) => this.bodiesForChange(s)));
      const added: string[] = [];
      const updated: string[] = [];
      for (const p of plan) {
        const meta = this.describe(feedId, p.id, p.identity, p.hash, p.item, fetched);
        const body: ItemBody = { summary: p.item.summary, content: p.item.content, enclosures: p.item.enclosures ?? [], fulltext: null, analysisText: null };
        p.shard.bodies![p.id] = body;
        if (p.isNew) {
          this.entries.set(p.id, { meta, shard: p.shard, analysis: undefined });
          idsOf(p.shard).add(p.id);
          this.perFeedCounts?.set(feedId, (this.perFeedCounts.get(feedId) ?? 0) + 1);
          this.order.add(meta);
          added.push(p.id);
        } else {
          // An edit keeps the item where it is (id, shard, first fetch time); its date may change.
          const entry = this.entries.get(p.id)!;
          const existing = entry.meta;
          const sortDate = meta.dateFromFetch ? existing.fetchedAt : meta.sortDate;
          if (sortDate !== existing.sortDate) this.order.moved();
          Object.assign(existing, meta, { fetchedAt: existing.fetchedAt, sortDate });
          entry.analysis = undefined;
          updated.push(p.id);
        }
      }
      for (const s of shards) { save(s.meta); save(s.body); }
      return { added, updated, unchanged };
    });
  }

  /** Newest sortDate first; `since` keeps items dated at or after it. The records are shared: do not modify them. */
  listItems(filter: { feedId?: string; since?: string } = {}): ItemMeta[] {
    const all = this.order.list();
    const since = iso(filter.since);
    if (!filter.feedId && !since) return all.slice();
    const out: ItemMeta[] = [];
    for (const m of all) {
      if (since && m.sortDate < since) break;
      if (!filter.feedId || m.feedId === filter.feedId) out.push(m);
    }
    return out;
  }

  itemCount(): number {
    return this.entries.size;
  }

  /** Number of stored items of one feed (without building a list). */
  feedItemCount(feedId: string): number {
    if (!this.perFeedCounts) {
      this.perFeedCounts = new Map();
      for (const { meta } of this.entries.values()) this.perFeedCounts.set(meta.feedId, (this.perFeedCounts.get(meta.feedId) ?? 0) + 1);
    }
    return this.perFeedCounts.get(feedId) ?? 0;
  }

  getItemMeta(id: string): ItemMeta | undefined {
    return this.entries.get(id)?.meta;
  }

  /** The item with its body, loaded from its shard's body file when first needed. */
  async getItem(id: string): Promise<StoredItem | undefined> {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    const { meta, shard } = entry;
    const bodies = await this.loadBodies(shard);
    const body = bodies[id] ?? emptyBody();
    return { ...meta, summary: body.summary, content: body.content, enclosures: body.enclosures, fulltext: body.fulltext };
  }

  setFullText(id: string, fulltext: FullText): Promise<void> {
    return this.mutate(async (save) => {
      const shard = this.itemShard(id);
      const bodies = await this.bodiesForChange(shard);
      (bodies[id] ??= emptyBody()).fulltext = { ...fulltext };
      save(shard.body);
    });
  }

  // ---- analyses -------------------------------------------------------------------------------------------------

  setAnalysis(id: string, analysis: StoredAnalysis): Promise<void> {
    return this.mutate(async (save) => {
      const shard = this.itemShard(id);
      const bodies = await this.bodiesForChange(shard);
      const { text, ...core } = analysis;
      this.entries.get(id)!.analysis = core;
      (bodies[id] ??= emptyBody()).analysisText = text;
      save(shard.meta);
      save(shard.body);
    });
  }

  /**
   * The item's analysis, from memory. Its `text` (the item's plain text, kept with the body so that it does not
   * load at start) is read from the body shard when first accessed; prefer getAnalysisText() in async code.
   */
  getAnalysis(id: string): StoredAnalysis | undefined {
    const core = this.entries.get(id)?.analysis;
    if (!core) return undefined;
    const text = (): string => this.analysisTextSync(id);
    return { ...core, get text(): string { return text(); } };
  }

  async getAnalysisText(id: string): Promise<string | null> {
    const entry = this.entries.get(id);
    if (!entry?.analysis) return null;
    const shard = entry.shard;
    return (await this.loadBodies(shard))[id]?.analysisText ?? '';
  }

  /** Items with no analysis or one older than `version`, newest first. */
  itemsNeedingAnalysis(version: number): string[] {
    const out: string[] = [];
    for (const m of this.order.list()) {
      const a = this.entries.get(m.id)?.analysis;
      if (!a || a.version < version) out.push(m.id);
    }
    return out;
  }

  // ---- reviews --------------------------------------------------------------------------------------------------

  getReview(statementId: string): ReviewRecord | undefined {
    const r = this.reviews.get(statementId);
    return r && cloneReview(r);
  }

  setReview(statementId: string, patch: Partial<Omit<ReviewRecord, 'updatedAt'>>): Promise<ReviewRecord> {
    return this.mutate((save) => {
      const before = this.reviews.get(statementId) ?? { reviewed: false, starred: false, note: null, correction: null, updatedAt: '' };
      const next: ReviewRecord = { ...before, ...patch, updatedAt: new Date().toISOString() };
      for (const k of ['reviewed', 'starred', 'note', 'correction'] as const) if (next[k] === undefined) (next as unknown as Record<string, unknown>)[k] = before[k];
      this.reviews.set(statementId, next);
      save(this.reviewsFile);
      return cloneReview(next);
    });
  }

  allReviews(): Map<string, ReviewRecord> {
    return new Map([...this.reviews].map(([k, r]) => [k, cloneReview(r)]));
  }

  // ---- saved searches -------------------------------------------------------------------------------------------

  listSavedSearches(): SavedSearch[] {
    return this.main.savedSearches.map((s) => structuredClone(s));
  }

  putSavedSearch(s: SavedSearch): Promise<void> {
    return this.mutate((save) => {
      const copy = structuredClone(s);
      const i = this.main.savedSearches.findIndex((x) => x.id === s.id);
      if (i >= 0) this.main.savedSearches[i] = copy; else this.main.savedSearches.push(copy);
      save(this.mainFile);
    });
  }

  deleteSavedSearch(id: string): Promise<void> {
    return this.mutate((save) => {
      this.main.savedSearches = this.main.savedSearches.filter((s) => s.id !== id);
      save(this.mainFile);
    });
  }

  // ---- retention and lifecycle ----------------------------------------------------------------------------------

  /** Drops items older than the retention setting, keeping those with a starred or reviewed statement. */
  applyRetention(now: Date = new Date()): Promise<{ removed: number }> {
    return this.mutate(async (save) => {
      const gone = expiredItems([...this.entries.values()].map((e) => e.meta), this.main.settings.retentionDays, now, itemsKeptByReviews(this.reviews));
      await this.removeItems(gone, save);
      return { removed: gone.length };
    });
  }

  /** Waits until every change made so far is on disk. */
  async flush(): Promise<void> {
    await this.queue;
    const files: FileWriter[] = [this.mainFile, this.reviewsFile];
    for (const s of this.shards.values()) files.push(s.meta, s.body);
    await Promise.all(files.map((f) => f.settled()));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.flush();
    this.closed = true;
  }

  /** Writes per file so far (tests and benchmarks check that a poll touches only its shards). */
  fileWrites(): Map<string, number> {
    const out = new Map<string, number>();
    const files: FileWriter[] = [this.mainFile, this.reviewsFile];
    for (const s of this.shards.values()) files.push(s.meta, s.body);
    for (const f of files) if (f.writes) out.set(f.path, f.writes);
    return out;
  }

  // ---- internals ------------------------------------------------------------------------------------------------

  /**
   * Runs one change at a time (so concurrent calls never interleave their reads and writes of memory), then waits
   * for the files it saved outside the queue, so writes of concurrent changes to the same file coalesce.
   */
  private async mutate<T>(change: (save: Save) => T | Promise<T>): Promise<T> {
    if (this.closed) throw new Error('The store is closed');
    const saves: Promise<void>[] = [];
    const before = this.queue;
    let release!: () => void;
    this.queue = new Promise<void>((r) => { release = r; });
    await before;
    let result: T;
    try {
      result = await change((file) => { saves.push(file instanceof Promise ? file : file.save()); });
    } catch (err) {
      this.pinned.clear();
      release();
      await Promise.allSettled(saves);
      throw err;
    }
    // The change's saves are queued now (a file being written is never evicted), so its shards can be unpinned.
    this.pinned.clear();
    release();
    await Promise.all(saves);
    return result;
  }

  private folder(id: string): FolderRecord | undefined {
    return this.main.folders.find((f) => f.id === id);
  }

  private createFolder(name: string, parentId: string | null): FolderRecord {
    const trimmed = name.trim();
    if (!trimmed) throw new Error('A folder needs a name');
    if (parentId && !this.folder(parentId)) throw new Error(`No folder ${parentId}`);
    const folder: FolderRecord = { id: shortId((id) => !!this.folder(id)), name: trimmed, parentId };
    this.main.folders.push(folder);
    return folder;
  }

  private describe(feedId: string, id: string, identity: string, hash: string, item: NormalisedItem, fetchedAt: string): ItemMeta {
    const published = iso(item.published) ? item.published : null;
    return {
      id, feedId, identity, contentHash: hash,
      guid: item.guid, title: item.title, link: item.link, author: item.author,
      published, updated: iso(item.updated) ? item.updated : null,
      fetchedAt, sortDate: iso(published) ?? fetchedAt, dateFromFetch: !published,
      categories: [...(item.categories ?? [])],
    };
  }

  private itemShard(id: string): Shard {
    const shard = this.entries.get(id)?.shard;
    if (!shard) throw new Error(`No item ${id}`);
    return shard;
  }

  private registerShard(key: string, day: string): Shard {
    const shard: Shard = {
      key, day, idSet: null, loadedIds: [], bodies: null, loading: null, used: 0,
      meta: new JsonFile<MetaShardFile>(shardFile(this.dataDir, key, 'meta'), () => this.metaSnapshot(shard)),
      body: new JsonFile<BodyShardData>(shardFile(this.dataDir, key, 'body'), () => {
        if (!shard.bodies) throw new Error(`bodies of ${key} are not loaded`);
        return { schemaVersion: SHARD_SCHEMA, bodies: shard.bodies };
      }),
    };
    this.shards.set(key, shard);
    const d = this.days.get(day) ?? { shards: [], maxSegment: -1 };
    d.shards.push(shard);
    d.maxSegment = Math.max(d.maxSegment, Number(key.slice(11)));
    this.days.set(day, d);
    return shard;
  }

  /** The day's last segment while it has room, else a new segment. */
  private shardFor(day: string, extra: Map<Shard, number>): Shard {
    const d = this.days.get(day);
    const last = d?.shards[d.shards.length - 1];
    if (last && idsOf(last).size + (extra.get(last) ?? 0) < SHARD_CAPACITY) return last;
    const segment = (d?.maxSegment ?? -1) + 1;
    const shard = this.registerShard(shardKey(day, segment), day);
    return shard;
  }

  private metaSnapshot(shard: Shard): MetaShardFile {
    const items: ItemRow[] = [];
    const analyses: MetaShardFile['analyses'] = [];
    // Newest first, so that loading needs no sort.
    const metas = [...idsOf(shard)].map((id) => this.entries.get(id)!.meta).sort(newestFirst);
    for (const m of metas) {
      items.push(encodeItem(m));
      const a = this.entries.get(m.id)!.analysis;
      analyses.push(a ? encodeAnalysis(a) : 0);
    }
    return { schemaVersion: SHARD_SCHEMA, items, analyses };
  }

  /** Loads a shard's bodies for the running change and keeps them in memory until the change has queued its saves. */
  private bodiesForChange(shard: Shard): Promise<Record<string, ItemBody>> {
    this.pinned.add(shard);
    return this.loadBodies(shard);
  }

  private async loadBodies(shard: Shard): Promise<Record<string, ItemBody>> {
    shard.used = ++this.clock;
    if (shard.bodies) return shard.bodies;
    if (!shard.loading) {
      shard.loading = readJsonFile(shard.body.path, checkBodyShard, this.problems).then((data) => {
        shard.bodies ??= data?.bodies ?? {};
        shard.loading = null;
        this.evictBodies(shard);
        return shard.bodies;
      }, (err: unknown) => { shard.loading = null; throw err; });
    }
    return shard.loading;
  }

  private analysisTextSync(id: string): string {
    const shard = this.entries.get(id)?.shard;
    if (!shard) return '';
    shard.used = ++this.clock;
    if (!shard.bodies) {
      shard.bodies = readJsonFileSync(shard.body.path, checkBodyShard, this.problems)?.bodies ?? {};
      this.evictBodies(shard);
    }
    return shard.bodies[id]?.analysisText ?? '';
  }

  /** Keeps the most recently used shards' bodies in memory; never drops one that is being written. */
  private evictBodies(keep: Shard): void {
    const loaded = [...this.shards.values()].filter((s) => s.bodies && s !== keep);
    if (loaded.length < LOADED_BODY_SHARDS) return;
    loaded.sort((a, b) => a.used - b.used);
    for (const s of loaded.slice(0, loaded.length - LOADED_BODY_SHARDS + 1)) if (!s.body.busy && !this.pinned.has(s)) s.bodies = null;
  }

  /** Removes items (and whole shard files when a shard empties). Runs inside mutate(). */
  private async removeItems(ids: string[], save: Save): Promise<void> {
    if (!ids.length) return;
    const byShard = new Map<Shard, string[]>();
    for (const id of ids) {
      const s = this.entries.get(id)?.shard;
      if (s) (byShard.get(s) ?? byShard.set(s, []).get(s)!).push(id);
    }
    for (const [shard, gone] of byShard) {
      const emptied = gone.length === idsOf(shard).size;
      const bodies = emptied ? null : await this.bodiesForChange(shard);
      for (const id of gone) {
        const m = this.entries.get(id)!.meta;
        this.entries.delete(id);
        idsOf(shard).delete(id);
        if (bodies) delete bodies[id];
        const n = (this.perFeedCounts?.get(m.feedId) ?? 1) - 1;
        if (n > 0) this.perFeedCounts?.set(m.feedId, n); else this.perFeedCounts?.delete(m.feedId);
      }
      if (emptied) {
        // The shard object stays registered (its writer is the only one for these paths); its files go.
        shard.bodies = {};
        save(shard.meta.remove());
        save(shard.body.remove());
      } else {
        save(shard.meta);
        save(shard.body);
      }
    }
    this.order.removed();
  }
}
