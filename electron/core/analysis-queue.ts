// Analyses stored items in the background, one at a time in a worker thread: fetches the full article first when the
// feed gave only a short summary, stores the results beside the item, and reports each analysed item.
import { ANALYSER_VERSION } from './analysis/analyse.js';
import { itemPlainText, needsFullText } from './analysis/text.js';
import type { AnalysisInput, ItemAnalysis } from './analysis/types.js';
import { fetchFullText } from './content/fulltext.js';
import type { Store } from './store/store.js';
import type { StoredAnalysis } from './store/types.js';
import { WorkerPool } from './worker-pool.js';

/** A host on this machine or the local network, by name or literal address. */
export function isLocalHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h.endsWith('.localhost') || h.endsWith('.local') || h === '0.0.0.0' || h === '::' || h === '::1') return true;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(h);
  if (v4) {
    const a = Number(v4[1]), b = Number(v4[2]);
    return a === 127 || a === 10 || a === 0 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127);
  }
  return /^(fc|fd|fe8|fe9|fea|feb)[0-9a-f]*:/.test(h) || h.startsWith('::ffff:127.') || h.startsWith('::ffff:10.') || h.startsWith('::ffff:192.168.');
}

/**
 * Whether an item's link may be fetched for its full text: http(s) only, and a page on this machine or the local
 * network only when the feed itself is there (a feed from the internet must not make the app probe the user's router).
 */
export function mayFetchArticle(link: string, feedUrl: string | null): boolean {
  let page: URL;
  try { page = new URL(link); } catch { return false; }
  if (page.protocol !== 'http:' && page.protocol !== 'https:') return false;
  if (!isLocalHost(page.hostname)) return true;
  try { return feedUrl !== null && isLocalHost(new URL(feedUrl).hostname); } catch { return false; }
}

export type FetchPage = (url: string) => Promise<{ bytes: Uint8Array; contentType: string | null; url: string }>;

export interface AnalysisQueueDeps {
  store: Store;
  fetchPage: FetchPage;
  /** Called after an item's analysis is stored, with the analysis it replaced (for review re-attachment). */
  onAnalysed?: (itemId: string, analysis: StoredAnalysis, previous: StoredAnalysis | undefined) => void | Promise<void>;
  onPending?: (pending: number) => void;
  /** Runs the analyser; defaults to a worker thread. */
  analyse?: (input: AnalysisInput) => Promise<ItemAnalysis>;
}

export class AnalysisQueue {
  private readonly queue: string[] = [];
  private readonly queued = new Set<string>();
  private active: Promise<void> | null = null;
  private idleWaiters: (() => void)[] = [];
  private closed = false;
  private readonly worker: WorkerPool<AnalysisInput, ItemAnalysis> | null;
  private readonly analyse: (input: AnalysisInput) => Promise<ItemAnalysis>;
  failures = 0;

  constructor(private readonly deps: AnalysisQueueDeps) {
    if (deps.analyse) {
      this.worker = null;
      this.analyse = deps.analyse;
    } else {
      this.worker = new WorkerPool<AnalysisInput, ItemAnalysis>(import.meta.url, 'analysis-worker', 1, 1024);
      this.analyse = (input) => this.worker!.run(input);
    }
  }

  get pending(): number { return this.queue.length + (this.active ? 1 : 0); }

  /** Queues items (new ones first: callers pass newest first). Already queued ids are skipped. */
  enqueue(ids: string[]): void {
    if (this.closed) return;
    for (const id of ids) {
      if (this.queued.has(id)) continue;
      this.queued.add(id);
      this.queue.push(id);
    }
    this.deps.onPending?.(this.pending);
    if (!this.active) this.pump();
  }

  /** Queues every stored item that has no analysis of the current version. */
  enqueueStale(): number {
    const ids = this.deps.store.itemsNeedingAnalysis(ANALYSER_VERSION);
    this.enqueue(ids);
    return ids.length;
  }

  /** Resolves when nothing is queued or running. */
  idle(): Promise<void> {
    if (!this.active && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async close(): Promise<void> {
    this.closed = true;
    this.queue.length = 0;
    await this.active?.catch(() => undefined);
    await this.worker?.close();
  }

  private pump(): void {
    const id = this.queue.shift();
    if (id === undefined || this.closed) {
      this.active = null;
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const w of waiters) w();
      return;
    }
    this.active = this.process(id)
      .catch(() => { this.failures++; })
      .finally(() => {
        this.queued.delete(id);
        this.deps.onPending?.(this.queue.length);
        this.pump();
      });
  }

  private async process(id: string): Promise<void> {
    const { store } = this.deps;
    let item = await store.getItem(id);
    if (!item) return;
    const feedUrl = store.getFeed(item.feedId)?.url ?? null;
    if (store.getSettings().fetchFullText && !item.fulltext && item.link && needsFullText(item) && mayFetchArticle(item.link, feedUrl)) {
      const fulltext = await fetchFullText(item.link, this.deps.fetchPage);
      await store.setFullText(id, fulltext);
      item = (await store.getItem(id)) ?? item;
    }
    if (this.closed) return;
    const text = itemPlainText({ title: item.title, summary: item.summary, content: item.content, fulltextText: item.fulltext?.text ?? null });
    const feed = store.getFeed(item.feedId);
    const result = await this.analyse({ text, title: item.title, date: item.published, lang: feed?.language ?? null, url: item.link });
    if (this.closed) return;
    const previous = store.getAnalysis(id);
    const analysis: StoredAnalysis = { ...result, version: ANALYSER_VERSION, analysedAt: new Date().toISOString(), text };
    await store.setAnalysis(id, analysis);
    await this.deps.onAnalysed?.(id, analysis, previous);
  }
}
