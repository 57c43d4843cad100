// Search over statements: newest-first pages under a filter, and StatementIndex, the in-memory index the service keeps.
import type { Facets, StatementFilter, StatementPage, StatementView } from '../../contract/api.js';
import { parseQuery } from '../../contract/query-language.js';
import { compileFilter, passes, type QueryContext } from './filter.js';
import { facetsOfPrepared } from './facets.js';
import { computeKeys, prepareStatement, type PreparedStatement } from './prepared.js';

/** Timeline order: newest first (unparseable dates last), then item id, then position in the item, then id. */
export function compareStatements(a: PreparedStatement, b: PreparedStatement): number {
  const ta = Number.isNaN(a.time) ? -Infinity : a.time, tb = Number.isNaN(b.time) ? -Infinity : b.time;
  if (ta !== tb) return tb - ta;
  if (a.s.itemId !== b.s.itemId) return a.s.itemId < b.s.itemId ? -1 : 1;
  if (a.s.start !== b.s.start) return a.s.start - b.s.start;
  return a.s.id < b.s.id ? -1 : a.s.id > b.s.id ? 1 : 0;
}

const bounds = (offset: number, limit: number): [number, number] => {
  const from = Math.max(0, Math.floor(offset) || 0);
  return [from, from + Math.max(0, Math.floor(limit) || 0)];
};

function page(sorted: readonly PreparedStatement[], f: StatementFilter, offset: number, limit: number, ctx: QueryContext): StatementPage {
  const compiled = compileFilter(f, ctx);
  const [from, to] = bounds(offset, limit);
  const statements: StatementView[] = [];
  let total = 0;
  if (compiled.clauses.length === 0) {
    total = sorted.length;
    for (let i = from; i < Math.min(to, sorted.length); i++) statements.push(sorted[i]!.s);
  } else {
    for (const p of sorted) {
      if (!passes(compiled, p)) continue;
      if (total >= from && total < to) statements.push(p.s);
      total++;
    }
  }
  return { total, offset: from, statements };
}

/** One-off query over any list of statements (sorts it each call; keep a StatementIndex for repeated queries). */
export function queryStatements(all: readonly StatementView[], f: StatementFilter, offset: number, limit: number, ctx: QueryContext): StatementPage {
  return page(all.map(prepareStatement).sort(compareStatements), f, offset, limit, ctx);
}

/** The filter (and the parts of the context it depends on) as a cache key; null when not cacheable. */
function cacheKey(f: StatementFilter, ctx: QueryContext): string | null {
  const q = f.q ?? '';
  if ((f.electionOnly || /is:election/i.test(q)) && ctx.electionItemIds) return null;
  const folders = (f.folderIds?.length || /folder:/i.test(q)) ? JSON.stringify([[...ctx.folderOfFeed], [...ctx.folderParents]]) : '';
  return `${JSON.stringify(f)}\u0000${folders}`;
}

/**
 * The filter's non-facet part (free text, dates, folders, item, election) as a cache key: statements passing it are
 * remembered, so changing a facet selection under the same search text does not scan the text again.
 * 'none' when the filter has no such part; null when not cacheable.
 */
function baseKey(f: StatementFilter, ctx: QueryContext): string | null {
  const q = f.q ? parseQuery(f.q).filter : {};
  if ((f.electionOnly || q.electionOnly) && ctx.electionItemIds) return null;
  const parts = [f.text, q.text, f.from, q.from, f.to, q.to, f.folderIds, q.folderIds, f.itemId, q.itemId];
  if (parts.every((x) => x === undefined || x === '' || (Array.isArray(x) && x.length === 0))) return 'none';
  const folders = (f.folderIds?.length || q.folderIds?.length) ? JSON.stringify([[...ctx.folderOfFeed], [...ctx.folderParents]]) : '';
  return `${JSON.stringify(parts)}\u0000${folders}`;
}

/** Matches of this many recent filters are kept, so scrolling through pages does not search again. */
const CACHE_SIZE = 8;

/** Stores a value as the most recently used, dropping the least recently used beyond CACHE_SIZE. */
function remember(cache: Map<string, Int32Array>, key: string, value: Int32Array): void {
  cache.delete(key);
  cache.set(key, value);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
}

/** Past this many changes between two queries the sorted order is rebuilt once instead of patched each time. */
const PATCH_LIMIT = 256;

/**
 * The statements of every item, kept sorted for the timeline, with their search keys folded once.
 *
 * The service owns one:
 *   - `upsertItem(itemId, views)` whenever an item's statements change (new analysis, review, star, note, correction:
 *     pass all of the item's current views, as new objects), or `updateStatement(view)` for one statement;
 *   - `removeItem(itemId)` when the item goes;
 *   - `query(filter, offset, limit, ctx)` for a timeline page, `facets(filter, ctx)` for the counts and chart,
 *     `queryIn(list, …)` to test other statements (e.g. new ones against saved searches) the same way.
 * `ctx` carries the folder tree (for folder filters, subfolders included) and, for `electionOnly`, the ids of
 * election-related items (`electionItemIds`; without it `electionOnly` filters nothing).
 * Bulk loading (many upserts before the first query) costs one sort; later single-item changes patch the order.
 * The matches of the last few filters (and of their text/date/folder part) are remembered until the statements
 * change, so paging and toggling facets under the same search do not scan the text again.
 */
export class StatementIndex {
  private readonly byItem = new Map<string, PreparedStatement[]>();
  private sorted: PreparedStatement[] | null = null;
  private changes = 0;
  private count = 0;
  /** Filter key → positions of its matches in `sorted`; emptied whenever the statements change. */
  private readonly matches = new Map<string, Int32Array>();
  /** Base key (see baseKey) → positions passing the filter's non-facet clauses; emptied whenever the statements change. */
  private readonly bases = new Map<string, Int32Array>();

  /** Replaces the statements of an item (an empty list removes it). */
  upsertItem(itemId: string, statements: readonly StatementView[]): void {
    this.removeItem(itemId);
    this.forget();
    if (!statements.length) return;
    const prepared = statements.map(computeKeys);
    this.byItem.set(itemId, prepared);
    this.count += prepared.length;
    if (this.sorted && this.bump()) for (const p of prepared) this.sorted.splice(this.position(p), 0, p);
  }

  removeItem(itemId: string): void {
    const old = this.byItem.get(itemId);
    if (!old) return;
    this.forget();
    this.byItem.delete(itemId);
    this.count -= old.length;
    if (this.sorted && this.bump()) {
      for (const p of old) {
        const i = this.position(p);
        if (this.sorted[i] === p) this.sorted.splice(i, 1);
        else { const j = this.sorted.indexOf(p); if (j >= 0) this.sorted.splice(j, 1); }
      }
    }
  }

  /** Replaces one statement (same id) in its item, e.g. after a review change. Returns false when unknown. */
  updateStatement(view: StatementView): boolean {
    const list = this.byItem.get(view.itemId);
    if (!list || !list.some((p) => p.s.id === view.id)) return false;
    this.upsertItem(view.itemId, list.map((p) => (p.s.id === view.id ? view : p.s)));
    return true;
  }

  get size(): number { return this.count; }

  itemIds(): string[] { return [...this.byItem.keys()]; }

  idsOfItem(itemId: string): string[] { return (this.byItem.get(itemId) ?? []).map((p) => p.s.id); }

  statementsOfItem(itemId: string): StatementView[] { return (this.byItem.get(itemId) ?? []).map((p) => p.s); }

  /** Every statement, newest first. */
  all(): StatementView[] { return this.order().map((p) => p.s); }

  /** A page of the statements matching the filter, newest first, with the total count. */
  query(f: StatementFilter, offset: number, limit: number, ctx: QueryContext): StatementPage {
    const sorted = this.order();
    const key = cacheKey(f, ctx);
    let hits = key === null ? undefined : this.matches.get(key);
    if (hits) this.matches.delete(key!); // re-inserted below as the most recent
    else {
      const base = this.basePositions(f, ctx);
      const clauses = compileFilter(f, ctx).clauses.filter((c) => base === null || c.field !== null);
      const out = new Int32Array(base ? base.length : sorted.length);
      let n = 0;
      const total = base ? base.length : sorted.length;
      for (let k = 0; k < total; k++) {
        const i = base ? base[k]! : k;
        const p = sorted[i]!;
        let ok = true;
        for (const c of clauses) if (!c.test(p)) { ok = false; break; }
        if (ok) out[n++] = i;
      }
      hits = out.slice(0, n);
    }
    if (key !== null) remember(this.matches, key, hits);
    const [from, to] = bounds(offset, limit);
    const statements: StatementView[] = [];
    for (let i = from; i < Math.min(to, hits.length); i++) statements.push(sorted[hits[i]!]!.s);
    return { total: hits.length, offset: from, statements };
  }

  /** The same query over another list (e.g. just-arrived statements), sorted the same way. */
  queryIn(list: readonly StatementView[], f: StatementFilter, offset: number, limit: number, ctx: QueryContext): StatementPage {
    return queryStatements(list, f, offset, limit, ctx);
  }

  facets(f: StatementFilter, ctx: QueryContext): Facets {
    const sorted = this.order();
    return facetsOfPrepared(sorted, f, ctx, this.basePositions(f, ctx));
  }

  /** Positions passing the filter's non-facet clauses (remembered), or null when it has none. */
  private basePositions(f: StatementFilter, ctx: QueryContext): Int32Array | null {
    const key = baseKey(f, ctx);
    if (key === 'none') return null;
    const sorted = this.order();
    const known = key === null ? undefined : this.bases.get(key);
    if (known) { remember(this.bases, key!, known); return known; }
    const clauses = compileFilter(f, ctx).clauses.filter((c) => c.field === null);
    if (!clauses.length) return null;
    const out = new Int32Array(sorted.length);
    let n = 0;
    for (let i = 0; i < sorted.length; i++) {
      const p = sorted[i]!;
      let ok = true;
      for (const c of clauses) if (!c.test(p)) { ok = false; break; }
      if (ok) out[n++] = i;
    }
    const positions = out.slice(0, n);
    if (key !== null) remember(this.bases, key, positions);
    return positions;
  }

  private forget(): void {
    this.matches.clear();
    this.bases.clear();
  }

  private order(): PreparedStatement[] {
    this.changes = 0;
    if (!this.sorted) {
      const all: PreparedStatement[] = [];
      for (const list of this.byItem.values()) for (const p of list) all.push(p);
      this.sorted = all.sort(compareStatements);
    }
    return this.sorted;
  }

  /** Counts a change; drops the sorted order (to rebuild lazily) when patching would cost more. */
  private bump(): boolean {
    if (++this.changes > PATCH_LIMIT) { this.sorted = null; return false; }
    return true;
  }

  /** First index whose statement does not sort before p (binary search). */
  private position(p: PreparedStatement): number {
    const arr = this.sorted!;
    let lo = 0, hi = arr.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareStatements(arr[mid]!, p) < 0) lo = mid + 1; else hi = mid;
    }
    return lo;
  }
}
