// Runs feeds on schedule with bounded concurrency: fetch (conditional GET) → parse → store, recording each feed's
// health (status, error count, next check) and reporting progress. When the whole network is down it pauses and says
// so instead of counting errors against every feed. Plain Node: no electron import.
import { setMaxListeners } from 'node:events';
import type { PollProgress } from '../contract/api.js';
import type { FetchResult } from './feeds/fetch.js';
import type { NormalisedFeed } from './feeds/types.js';
import { nextCheckAt } from './feeds/schedule.js';
import type { Store } from './store/store.js';
import type { FeedRecord, FeedHealthRecord } from './store/types.js';

export interface PollerDeps {
  store: Store;
  fetchFeed: (url: string, opts: { etag?: string | null; lastModified?: string | null; signal?: AbortSignal }) => Promise<FetchResult>;
  parseFeed: (bytes: Uint8Array, opts: { contentType?: string | null; baseUrl?: string | null }) => Promise<NormalisedFeed>;
  now?: () => Date;
  random?: () => number;
  onProgress?: (p: PollProgress) => void;
  /** Called after each feed's new or edited items are stored (ids), so analysis can start. */
  onItemsStored?: (itemIds: string[]) => void;
  /** How long to wait before trying again after the network was found down. */
  offlineRetryMs?: number;
  /** How often the scheduler looks for due feeds. */
  tickMs?: number;
}

export interface FeedPollOutcome {
  feedId: string;
  status: 'ok' | 'not-modified' | 'error' | 'gone' | 'network';
  newItems: number;
  updatedItems: number;
  error: string | null;
}

export interface PollSummary {
  feeds: number;
  newItems: number;
  updatedItems: number;
  errors: number;
  offline: boolean;
  outcomes: FeedPollOutcome[];
}

const NETWORK_KINDS = new Set(['network', 'dns']);

function errorKind(err: unknown): string {
  const k = (err as { kind?: unknown })?.kind;
  return typeof k === 'string' ? k : 'failed';
}
function errorMessage(err: unknown): string {
  const m = err instanceof Error ? err.message : String(err);
  return m.split('\n')[0]!.slice(0, 300);
}
function hostOf(url: string): string {
  try { return new URL(url).host; } catch { return url; }
}

export class Poller {
  private readonly now: () => Date;
  private running: Promise<PollSummary> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = true;
  private offlineUntil = 0;
  private abort = this.newAbort();
  progress: PollProgress = { running: false, done: 0, total: 0, newItems: 0, offline: false, message: null };

  constructor(private readonly deps: PollerDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /** One signal stops every fetch of a round; each concurrent fetch listens to it. */
  private newAbort(): AbortController {
    const c = new AbortController();
    setMaxListeners(0, c.signal);
    return c;
  }

  /** Starts the scheduler: due feeds are polled every tick. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.abort = this.newAbort();
    const tick = (): void => {
      if (this.stopped) return;
      void this.pollDue().catch(() => undefined).finally(() => {
        if (!this.stopped) this.timer = setTimeout(tick, this.deps.tickMs ?? 30_000);
      });
    };
    tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.abort.abort();
    await this.running?.catch(() => undefined);
  }

  get offline(): boolean { return this.progress.offline; }

  /** Feeds that are due now (not paused, next check reached or never checked). */
  dueFeeds(): FeedRecord[] {
    const now = this.now().getTime();
    return this.deps.store.listFeeds().filter((f) => !f.paused && (!f.health.nextCheckAt || Date.parse(f.health.nextCheckAt) <= now));
  }

  async pollDue(): Promise<PollSummary> {
    if (this.offlineUntil > this.now().getTime()) return this.emptySummary(true);
    return this.pollFeeds(this.dueFeeds().map((f) => f.id));
  }

  /** Polls the given feeds now (all unpaused ones when ids is omitted); joins a poll already running. */
  async pollFeeds(ids?: string[]): Promise<PollSummary> {
    if (this.running) {
      await this.running.catch(() => undefined);
    }
    const feeds = (ids ?? this.deps.store.listFeeds().filter((f) => !f.paused).map((f) => f.id))
      .map((id) => this.deps.store.getFeed(id)).filter((f): f is FeedRecord => !!f && !f.paused);
    const run = this.runRound(feeds);
    this.running = run;
    try { return await run; } finally { if (this.running === run) this.running = null; }
  }

  private emptySummary(offline: boolean): PollSummary {
    return { feeds: 0, newItems: 0, updatedItems: 0, errors: 0, offline, outcomes: [] };
  }

  private emit(p: Partial<PollProgress>): void {
    this.progress = { ...this.progress, ...p };
    this.deps.onProgress?.(this.progress);
  }

  private async runRound(feeds: FeedRecord[]): Promise<PollSummary> {
    const summary = this.emptySummary(false);
    if (feeds.length === 0) return summary;
    summary.feeds = feeds.length;
    this.emit({ running: true, done: 0, total: feeds.length, newItems: 0, message: null });
    const concurrency = Math.max(1, this.deps.store.getSettings().concurrency);
    const queue = [...feeds];
    // Network failures are held back until the round ends: if nothing answered at all, the network is down.
    const networkFailures: { feed: FeedRecord; err: unknown }[] = [];
    let answered = 0;
    const worker = async (): Promise<void> => {
      for (let feed = queue.shift(); feed; feed = queue.shift()) {
        if (this.abort.signal.aborted) return;
        try {
          const outcome = await this.pollOne(feed);
          answered++;
          summary.outcomes.push(outcome);
          summary.newItems += outcome.newItems;
          summary.updatedItems += outcome.updatedItems;
          if (outcome.status === 'error' || outcome.status === 'gone') summary.errors++;
        } catch (err) {
          if (NETWORK_KINDS.has(errorKind(err))) networkFailures.push({ feed, err });
          else {
            // Anything else (a store write that failed, say) is this feed's problem, not the network's.
            answered++;
            summary.outcomes.push(await this.recordFailure(feed, err, 'error').catch(() => ({ feedId: feed.id, status: 'error' as const, newItems: 0, updatedItems: 0, error: errorMessage(err) })));
            summary.errors++;
          }
        }
        this.emit({ done: this.progress.done + 1, newItems: summary.newItems });
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, feeds.length) }, worker));

    const hosts = new Set(networkFailures.map((f) => hostOf(f.feed.url)));
    const networkDown = answered === 0 && networkFailures.length > 0 && (hosts.size >= 2 || networkFailures.length === feeds.length && feeds.length >= 2);
    if (networkDown) {
      const retryMs = this.deps.offlineRetryMs ?? 60_000;
      this.offlineUntil = this.now().getTime() + retryMs;
      summary.offline = true;
      this.emit({ running: false, offline: true, message: `The network is unreachable; polling is paused and will retry in ${Math.round(retryMs / 1000)} s.` });
      return summary;
    }
    for (const { feed, err } of networkFailures) {
      summary.outcomes.push(await this.recordFailure(feed, err, 'network'));
      summary.errors++;
    }
    this.offlineUntil = 0;
    this.emit({ running: false, offline: false, message: null });
    return summary;
  }

  /** Polls one feed; throws only for network-level failures (held back by the round). */
  private async pollOne(feed: FeedRecord): Promise<FeedPollOutcome> {
    const { store } = this.deps;
    let result: FetchResult;
    try {
      result = await this.deps.fetchFeed(feed.url, { etag: feed.etag, lastModified: feed.lastModified, signal: this.abort.signal });
    } catch (err) {
      if (NETWORK_KINDS.has(errorKind(err))) throw err;
      return this.recordFailure(feed, err, errorKind(err) === 'gone' ? 'gone' : 'error');
    }
    const fetchedAt = this.now().toISOString();
    const moved = result.permanentUrl && result.permanentUrl !== feed.url ? { url: result.permanentUrl } : {};
    if (result.status === 'not-modified') {
      const health = this.health(feed, { lastStatus: 'not-modified', lastError: null, errorCount: 0, lastNewItems: 0 }, 0, null);
      await store.updateFeed(feed.id, { ...moved, etag: result.etag ?? feed.etag, lastModified: result.lastModified ?? feed.lastModified, retryAfter: null, health });
      return { feedId: feed.id, status: 'not-modified', newItems: 0, updatedItems: 0, error: null };
    }
    const parsed = await this.deps.parseFeed(result.bytes, { contentType: result.contentType, baseUrl: result.url });
    if (parsed.items.length === 0 && parsed.error) {
      return this.recordFailure(feed, new Error(`not a readable feed: ${parsed.error}`), 'error', { ...moved, etag: null, lastModified: null });
    }
    const stored = await store.upsertItems(feed.id, parsed.items, fetchedAt);
    const changed = [...stored.added, ...stored.updated];
    const itemCount = store.feedItemCount(feed.id);
    const health = this.health(feed, { lastStatus: 'ok', lastError: parsed.error ? `partly recovered: ${parsed.error}` : null, errorCount: 0, lastNewItems: stored.added.length, itemCount }, 0, parsed.ttlMinutes ?? feed.ttlMinutes);
    const title = feed.title && feed.title !== feed.url ? feed.title : parsed.title ?? feed.title;
    await store.updateFeed(feed.id, {
      ...moved, title, siteUrl: feed.siteUrl ?? parsed.link, description: feed.description ?? parsed.description,
      language: feed.language ?? parsed.language, etag: result.etag, lastModified: result.lastModified,
      ttlMinutes: parsed.ttlMinutes ?? null, retryAfter: null, health,
    });
    if (changed.length) this.deps.onItemsStored?.(changed);
    return { feedId: feed.id, status: 'ok', newItems: stored.added.length, updatedItems: stored.updated.length, error: null };
  }

  private health(feed: FeedRecord, patch: Partial<FeedHealthRecord>, retryAfterMs: number | null, ttlMinutes: number | null): FeedHealthRecord {
    const now = this.now();
    const errorCount = patch.errorCount ?? feed.health.errorCount;
    const next = nextCheckAt({
      now, intervalMinutes: this.deps.store.getSettings().pollIntervalMinutes, ttlMinutes: ttlMinutes ?? feed.ttlMinutes,
      errorCount, retryAfterMs, random: this.deps.random,
    });
    return { ...feed.health, ...patch, errorCount, lastFetchAt: now.toISOString(), nextCheckAt: next.toISOString() };
  }

  private async recordFailure(feed: FeedRecord, err: unknown, status: 'error' | 'gone' | 'network', extra: Partial<FeedRecord> = {}): Promise<FeedPollOutcome> {
    const current = this.deps.store.getFeed(feed.id) ?? feed;
    const retryAfterMs = (err as { retryAfterMs?: number | null })?.retryAfterMs ?? null;
    const message = errorMessage(err);
    const health = this.health(current, { lastStatus: status === 'gone' ? 'gone' : 'error', lastError: message, errorCount: current.health.errorCount + 1, lastNewItems: 0 }, retryAfterMs, null);
    await this.deps.store.updateFeed(feed.id, { ...extra, retryAfter: retryAfterMs ? new Date(this.now().getTime() + retryAfterMs).toISOString() : null, health });
    return { feedId: feed.id, status: status === 'network' ? 'network' : status, newItems: 0, updatedItems: 0, error: message };
  }
}
