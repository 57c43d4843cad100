// The one object that implements PollwatchApi by composing the parts: store, poller, analysis queue, statement
// index (query), subscriptions and OPML. Electron (IPC), browser mode (HTTP) and the CLI all drive this.
import fs from 'node:fs/promises';
import { EventEmitter } from 'node:events';
import type {
  AddFeedResult, AppStatus, Correction, ExportFormat, ExportResult, Facets, Feed, Folder, ItemView, OpmlImportReport,
  PollProgress, PollwatchApi, PollwatchEvent, SavedSearch, Settings, StatementFilter, StatementPage, StatementView,
} from '../contract/api.js';
import { ApiError } from '../contract/validate.js';
import { formatQuery } from '../contract/query-language.js';
import { AnalysisQueue } from './analysis-queue.js';
import { itemPlainText } from './analysis/text.js';
import { sanitizeHtml } from './content/sanitize.js';
import { discoverFeed } from './feeds/discover.js';
import { fetchUrl, type FetchResult } from './feeds/fetch.js';
import { buildOpml, normaliseFeedUrl, parseOpml, planOpmlImport } from './feeds/opml.js';
import { parseFeedOffThread } from './feeds/parse.js';
import { Poller } from './poller.js';
import { exportStatements } from './query/export.js';
import { StatementIndex } from './query/search.js';
import type { QueryContext } from './query/filter.js';
import { buildStatementViews, carryOverReviews, itemIdOfStatement } from './statement-views.js';
import { Store } from './store/store.js';
import type { FeedRecord, StoredAnalysis } from './store/types.js';

export interface ServiceOptions {
  dataDir: string;
  mode: 'electron' | 'browser' | 'cli';
  /** Run the poll scheduler in the background. */
  poll: boolean;
  version?: string;
  /** For tests: the scheduler's tick. */
  tickMs?: number;
}

export interface PollwatchService {
  api: PollwatchApi;
  store: Store;
  poller: Poller;
  analysis: AnalysisQueue;
  onEvent(listener: (e: PollwatchEvent) => void): () => void;
  close(): Promise<void>;
}

const STARTER_OPML = new URL('../../assets/starter-feeds.opml', import.meta.url);

async function readVersion(): Promise<string> {
  try {
    const pkg = JSON.parse(await fs.readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch { return '0.0.0'; }
}

const fetchPage = async (url: string): Promise<{ bytes: Uint8Array; contentType: string | null; url: string }> => {
  const r = await fetchUrl(url, { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5' });
  if (r.status !== 'ok') throw new Error('the page answered without content');
  return { bytes: r.bytes, contentType: r.contentType, url: r.url };
};

const parseFeed = (bytes: Uint8Array, opts: { contentType?: string | null; baseUrl?: string | null }) => parseFeedOffThread(bytes, opts);

export async function openService(opts: ServiceOptions): Promise<PollwatchService> {
  const store = await Store.open(opts.dataDir);
  const version = opts.version ?? await readVersion();
  const events = new EventEmitter();
  events.setMaxListeners(100);
  const emit = (e: PollwatchEvent): void => { events.emit('event', e); };
  const index = new StatementIndex();
  let online = true;

  // ---- statements: the in-memory index the timeline queries
  const electionItems = new Set<string>();
  const context = (): QueryContext => ({
    folderOfFeed: new Map(store.listFeeds().map((f) => [f.id, f.folderId])),
    folderParents: new Map(store.listFolders().map((f) => [f.id, f.parentId])),
    electionItemIds: electionItems,
  });
  const refreshItem = (itemId: string): StatementView[] => {
    const meta = store.getItemMeta(itemId);
    const analysis = store.getAnalysis(itemId);
    if (!meta || !analysis) { index.removeItem(itemId); electionItems.delete(itemId); return []; }
    if (analysis.electionRelated) electionItems.add(itemId); else electionItems.delete(itemId);
    const views = buildStatementViews(meta, store.getFeed(meta.feedId), analysis, store.allReviews());
    index.upsertItem(itemId, views);
    return views;
  };
  const rebuildIndex = (): void => {
    for (const meta of store.listItems()) if (store.getAnalysis(meta.id)) refreshItem(meta.id);
  };
  rebuildIndex();

  const findStatement = (statementId: string): StatementView => {
    const itemId = itemIdOfStatement(statementId);
    const found = refreshItem(itemId).find((s) => s.id === statementId);
    if (!found) throw new ApiError('not-found', `no statement ${statementId}`);
    return found;
  };

  // ---- saved-search notifications: new statements are batched and matched against searches that notify
  let freshStatements: StatementView[] = [];
  let freshTimer: NodeJS.Timeout | null = null;
  const flushFresh = (): void => {
    freshTimer = null;
    const fresh = freshStatements;
    freshStatements = [];
    if (!fresh.length) return;
    const matches = store.listSavedSearches().filter((s) => s.notify).map((s) => {
      const page = index.queryIn(fresh, s.filter, 0, 1, context());
      return { id: s.id, name: s.name, count: page.total, firstStatementId: page.statements[0]?.id ?? null };
    }).filter((m) => m.count > 0);
    emit({ type: 'new-statements', count: fresh.length, savedSearchMatches: matches });
  };

  // ---- analysis queue
  const analysis = new AnalysisQueue({
    store,
    fetchPage,
    onPending: (pending) => emit({ type: 'analysis-progress', pending }),
    onAnalysed: async (itemId: string, next: StoredAnalysis, previous: StoredAnalysis | undefined) => {
      const reviews = store.allReviews();
      for (const [from, to] of carryOverReviews(itemId, previous, next, reviews)) {
        const r = reviews.get(from)!;
        await store.setReview(to, { reviewed: r.reviewed, starred: r.starred, note: r.note, correction: r.correction });
      }
      const before = new Set(index.idsOfItem(itemId));
      const views = refreshItem(itemId);
      const added = views.filter((v) => !before.has(v.id));
      if (added.length) {
        freshStatements.push(...added);
        if (!freshTimer) freshTimer = setTimeout(flushFresh, 1500);
      }
    },
  });

  // ---- poller
  const poller = new Poller({
    store,
    fetchFeed: (url, o) => fetchUrl(url, o),
    parseFeed,
    tickMs: opts.tickMs,
    onProgress: (progress) => {
      emit({ type: 'poll-progress', progress });
      if (progress.offline === online) { online = !progress.offline; emit({ type: 'online', online }); }
      if (!progress.running) emit({ type: 'feeds-changed' });
    },
    onItemsStored: (ids) => analysis.enqueue(ids),
  });

  // Items stored but not analysed (a crash, or a new analyser version) are analysed now, in the background.
  analysis.enqueueStale();
  await store.applyRetention().catch(() => undefined);
  const retentionTimer = setInterval(() => { void store.applyRetention().catch(() => undefined); }, 24 * 3600_000);
  retentionTimer.unref();
  if (opts.poll) poller.start();

  // ---- helpers for the API
  const feedView = (f: FeedRecord): Feed => ({
    id: f.id, url: f.url, title: f.customTitle ?? f.title, siteUrl: f.siteUrl, folderId: f.folderId, paused: f.paused,
    addedAt: f.addedAt,
    health: {
      lastFetchAt: f.health.lastFetchAt, lastStatus: f.paused ? 'paused' : f.health.lastStatus, lastError: f.health.lastError,
      errorCount: f.health.errorCount, nextCheckAt: f.paused ? null : f.health.nextCheckAt,
      itemCount: store.feedItemCount(f.id),
    },
  });
  const requireFeed = (id: string): FeedRecord => {
    const f = store.getFeed(id);
    if (!f) throw new ApiError('not-found', `no feed ${id}`);
    return f;
  };
  const requireFolder = (id: string | null | undefined): void => {
    if (id && !store.listFolders().some((f) => f.id === id)) throw new ApiError('not-found', `no folder ${id}`);
  };
  const folderPath = (folderId: string | null): string[] => {
    const folders = new Map(store.listFolders().map((f) => [f.id, f]));
    const out: string[] = [];
    for (let id = folderId, guard = 0; id && guard < 64; guard++) {
      const f = folders.get(id);
      if (!f) break;
      out.unshift(f.name);
      id = f.parentId;
    }
    return out;
  };
  const pollInBackground = (ids?: string[]): void => { void poller.pollFeeds(ids).catch(() => undefined); };
  const progress = (): PollProgress => poller.progress;
  const settingsView = (): Settings => ({ ...store.getSettings(), dataDir: store.dataDir });

  const api: PollwatchApi = {
    async status(): Promise<AppStatus> {
      return {
        version, mode: opts.mode === 'electron' ? 'electron' : 'browser', dataDir: store.dataDir, online,
        poll: progress(), analysisPending: analysis.pending, storeProblems: [...store.problems],
        feedCount: store.listFeeds().length, itemCount: store.itemCount(), statementCount: index.size,
      };
    },

    async listFeeds() { return store.listFeeds().map(feedView); },
    async listFolders(): Promise<Folder[]> { return store.listFolders().map((f) => ({ ...f })); },

    async addFeed(url: string, folderId?: string | null): Promise<AddFeedResult> {
      requireFolder(folderId);
      let found: Awaited<ReturnType<typeof discoverFeed>>;
      try {
        found = await discoverFeed(url, fetchUrl, parseFeed);
      } catch (err) {
        throw new ApiError('failed', err instanceof Error ? err.message : String(err));
      }
      const key = normaliseFeedUrl(found.feedUrl);
      if (store.listFeeds().some((f) => normaliseFeedUrl(f.url) === key)) throw new ApiError('bad-argument', `already subscribed to ${found.feedUrl}`);
      const fetched: FetchResult & { status: 'ok' } = found.fetched;
      const parsed = await parseFeed(fetched.bytes, { contentType: fetched.contentType, baseUrl: fetched.url });
      const feed = await store.addFeed({
        url: found.feedUrl, title: parsed.title ?? new URL(found.feedUrl).host, siteUrl: parsed.link,
        description: parsed.description, language: parsed.language, folderId: folderId ?? null,
      });
      const now = new Date();
      const stored = await store.upsertItems(feed.id, parsed.items, now.toISOString());
      const { nextCheckAt } = await import('./feeds/schedule.js');
      await store.updateFeed(feed.id, {
        etag: fetched.etag, lastModified: fetched.lastModified, ttlMinutes: parsed.ttlMinutes ?? null,
        health: {
          ...feed.health, lastFetchAt: now.toISOString(), lastStatus: 'ok', lastError: parsed.error ? `partly recovered: ${parsed.error}` : null,
          errorCount: 0, lastNewItems: stored.added.length, itemCount: stored.added.length,
          nextCheckAt: nextCheckAt({ now, intervalMinutes: store.getSettings().pollIntervalMinutes, ttlMinutes: parsed.ttlMinutes ?? null, errorCount: 0 }).toISOString(),
        },
      });
      analysis.enqueue([...stored.added, ...stored.updated]);
      emit({ type: 'feeds-changed' });
      return { feed: feedView(requireFeed(feed.id)), discoveredFrom: found.discoveredFrom };
    },
    async removeFeed(feedId) {
      requireFeed(feedId);
      const itemIds = store.listItems({ feedId }).map((i) => i.id);
      await store.removeFeed(feedId);
      for (const id of itemIds) if (!store.getItemMeta(id)) index.removeItem(id);
      emit({ type: 'feeds-changed' });
    },
    async renameFeed(feedId, title) {
      requireFeed(feedId);
      await store.updateFeed(feedId, { customTitle: title.trim() });
      for (const i of store.listItems({ feedId })) refreshItem(i.id);
      emit({ type: 'feeds-changed' });
      return feedView(requireFeed(feedId));
    },
    async moveFeed(feedId, folderId) {
      requireFeed(feedId); requireFolder(folderId);
      await store.updateFeed(feedId, { folderId });
      emit({ type: 'feeds-changed' });
      return feedView(requireFeed(feedId));
    },
    async pauseFeed(feedId, paused) {
      requireFeed(feedId);
      await store.updateFeed(feedId, { paused });
      emit({ type: 'feeds-changed' });
      return feedView(requireFeed(feedId));
    },
    async refreshNow(feedId) {
      if (feedId) requireFeed(feedId);
      pollInBackground(feedId ? [feedId] : undefined);
      return { ...progress(), running: true };
    },
    async addFolder(name, parentId) {
      requireFolder(parentId);
      const f = await store.addFolder(name.trim(), parentId ?? null);
      emit({ type: 'feeds-changed' });
      return f;
    },
    async renameFolder(folderId, name) {
      requireFolder(folderId);
      const f = await store.updateFolder(folderId, { name: name.trim() });
      emit({ type: 'feeds-changed' });
      return f;
    },
    async removeFolder(folderId) {
      requireFolder(folderId);
      await store.removeFolder(folderId);
      emit({ type: 'feeds-changed' });
    },
    async importOpml(opml): Promise<OpmlImportReport> {
      let parsed: ReturnType<typeof parseOpml>;
      try { parsed = parseOpml(opml); } catch (err) {
        throw new ApiError('bad-argument', err instanceof Error ? err.message : String(err));
      }
      const plan = planOpmlImport(parsed, new Set(store.listFeeds().map((f) => f.url)));
      const added: string[] = [];
      for (const e of plan.entries) {
        if (e.outcome !== 'imported' || !e.url) continue;
        const folderId = await store.ensureFolderPath(e.folderPath);
        const feed = await store.addFeed({ url: e.url, title: e.title || e.url, folderId });
        added.push(feed.id);
      }
      if (added.length) pollInBackground(added);
      emit({ type: 'feeds-changed' });
      const entries = plan.entries.map(({ folderPath: _fp, ...rest }) => rest);
      return {
        imported: entries.filter((e) => e.outcome === 'imported').length,
        duplicates: entries.filter((e) => e.outcome === 'duplicate').length,
        refused: entries.filter((e) => e.outcome === 'refused').length,
        entries,
      };
    },
    async exportOpml() {
      return buildOpml(store.listFeeds().map((f) => ({ title: f.customTitle ?? f.title, url: f.url, siteUrl: f.siteUrl, folderPath: folderPath(f.folderId) })), 'Pollwatch subscriptions');
    },
    async starterFeeds() { return fs.readFile(STARTER_OPML, 'utf8'); },

    async queryStatements(filter: StatementFilter, offset: number, limit: number): Promise<StatementPage> {
      return index.query(filter, offset, limit, context());
    },
    async facets(filter: StatementFilter): Promise<Facets> { return index.facets(filter, context()); },
    async getItem(itemId: string): Promise<ItemView> {
      const item = await store.getItem(itemId);
      if (!item) throw new ApiError('not-found', `no item ${itemId}`);
      const a = store.getAnalysis(itemId);
      const feed = store.getFeed(item.feedId);
      const html = item.fulltext?.html ?? item.content ?? item.summary;
      return {
        id: item.id, feedId: item.feedId, feedTitle: feed ? (feed.customTitle ?? feed.title) : '', title: item.title, link: item.link,
        author: item.author, published: item.published, fetchedAt: item.fetchedAt, language: a?.language ?? 'unknown',
        electionRelated: a?.electionRelated ?? false, relevance: a?.relevance ?? 0, countries: a?.countries ?? [],
        text: a?.text ?? itemPlainText({ title: item.title, summary: item.summary, content: item.content, fulltextText: item.fulltext?.text ?? null }),
        html: html ? sanitizeHtml(html, item.link) : null,
        fulltextError: item.fulltext?.error ?? null,
        statements: a ? refreshItem(itemId) : [],
      };
    },
    async listItems(filter, offset, limit) {
      const all = store.listItems({ feedId: filter.feedId ?? undefined, since: filter.since ?? undefined });
      return {
        total: all.length,
        items: all.slice(offset, offset + limit).map((m) => {
          const a = store.getAnalysis(m.id);
          const feed = store.getFeed(m.feedId);
          return {
            id: m.id, feedId: m.feedId, feedTitle: feed ? (feed.customTitle ?? feed.title) : '', title: m.title, link: m.link,
            author: m.author, published: m.published, fetchedAt: m.fetchedAt, language: a?.language ?? 'unknown',
            electionRelated: a?.electionRelated ?? false, relevance: a?.relevance ?? 0, countries: a?.countries ?? [], fulltextError: null,
          };
        }),
      };
    },

    async setReviewed(statementId, reviewed) { findStatement(statementId); await store.setReview(statementId, { reviewed }); return findStatement(statementId); },
    async setStarred(statementId, starred) { findStatement(statementId); await store.setReview(statementId, { starred }); return findStatement(statementId); },
    async setNote(statementId, note) { findStatement(statementId); await store.setReview(statementId, { note: note?.trim() ? note : null }); return findStatement(statementId); },
    async correct(statementId, correction: Correction) {
      findStatement(statementId);
      const prev = store.getReview(statementId)?.correction ?? {};
      await store.setReview(statementId, { correction: { ...prev, ...correction } });
      return findStatement(statementId);
    },

    async listSavedSearches() { return store.listSavedSearches(); },
    async saveSearch(name, filter, notify): Promise<SavedSearch> {
      const s: SavedSearch = { id: crypto.randomUUID().slice(0, 8), name: name.trim(), filter, notify, createdAt: new Date().toISOString(), lastSeenCount: index.query(filter, 0, 1, context()).total };
      await store.putSavedSearch(s);
      return s;
    },
    async deleteSavedSearch(id) {
      if (!store.listSavedSearches().some((s) => s.id === id)) throw new ApiError('not-found', `no saved search ${id}`);
      await store.deleteSavedSearch(id);
    },
    async markSavedSearchSeen(id) {
      const s = store.listSavedSearches().find((x) => x.id === id);
      if (!s) throw new ApiError('not-found', `no saved search ${id}`);
      const next = { ...s, lastSeenCount: index.query(s.filter, 0, 1, context()).total };
      await store.putSavedSearch(next);
      return next;
    },

    async exportStatements(filter: StatementFilter, format: ExportFormat): Promise<ExportResult> {
      const page = index.query(filter, 0, Number.MAX_SAFE_INTEGER, context());
      return exportStatements(page.statements, format, formatQuery(filter));
    },

    async getSettings() { return settingsView(); },
    async updateSettings(patch) {
      await store.updateSettings(patch);
      if (patch.retentionDays !== undefined) {
        await store.applyRetention();
        for (const id of index.itemIds()) if (!store.getItemMeta(id)) index.removeItem(id);
      }
      return settingsView();
    },
  };

  return {
    api, store, poller, analysis,
    onEvent(listener) {
      events.on('event', listener);
      return () => { events.off('event', listener); };
    },
    async close() {
      clearInterval(retentionTimer);
      if (freshTimer) { clearTimeout(freshTimer); flushFresh(); }
      await poller.stop();
      await analysis.close();
      await store.close();
      events.removeAllListeners();
    },
  };
}
