// Whether a statement matches a filter: the structured fields and the query language (`q`), ANDed together.
import type { Stance, StatementFilter, StatementView } from '../../contract/api.js';
import { dateBound, parseQuery, textTerms } from '../../contract/query-language.js';
import {
  dictionaries, FLAG_DIRECT, FLAG_REVIEWED, FLAG_STARRED, fold, prepareStatement, STANCE_ORDER, type Dictionary, type PreparedStatement,
} from './prepared.js';

/** What the filter needs to know beyond the statements: the folder tree, and which items are election-related. */
export interface QueryContext {
  folderOfFeed: Map<string, string | null>;
  folderParents: Map<string, string | null>;
  /** Items judged election-related; `electionOnly` is ignored when absent. */
  electionItemIds?: Set<string>;
}

/** The facet a clause belongs to (null: not a facet — dates, text, folders, item). */
export type FacetField = 'countries' | 'speakers' | 'orgs' | 'topics' | 'stances' | 'feeds' | 'languages' | 'direct' | 'review' | 'starred';

export interface Clause {
  field: FacetField | null;
  test: (p: PreparedStatement) => boolean;
  /** Scans text: tested after the cheap clauses. */
  costly?: boolean;
}

export interface CompiledFilter {
  clauses: Clause[];
}

const nonEmpty = <T>(a: T[] | undefined): a is T[] => Array.isArray(a) && a.length > 0;

/** Feeds in any of the folders or their subfolders. */
export function feedsInFolders(folderIds: string[], ctx: QueryContext): Set<string> {
  const wanted = new Set(folderIds);
  const inside = new Map<string, boolean>();
  const isInside = (folder: string | null): boolean => {
    const path: string[] = [];
    let cur = folder;
    let result = false;
    for (let depth = 0; cur !== null && cur !== undefined && depth < 1000; depth++) {
      const known = inside.get(cur);
      if (known !== undefined) { result = known; break; }
      if (wanted.has(cur)) { result = true; break; }
      path.push(cur);
      cur = ctx.folderParents.get(cur) ?? null;
    }
    for (const p of path) inside.set(p, result);
    return result;
  };
  const feeds = new Set<string>();
  for (const [feedId, folder] of ctx.folderOfFeed) if (isInside(folder)) feeds.add(feedId);
  return feeds;
}

type DateBound = { day: string } | { time: number };

/** A filter's from/to as a day (YYYY, YYYY-MM and YYYY-MM-DD widen to whole days) or an instant; null when unusable. */
function bound(v: string | undefined, end: boolean): DateBound | null {
  if (!v) return null;
  const b = dateBound(v.trim(), end);
  if (b && /^\d{4}-\d{2}-\d{2}$/.test(b)) return { day: b };
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : { time: t };
}

/** Ids of the selected values in a facet dictionary (values no statement has are simply absent). */
function idSet(dict: Dictionary, values: string[], norm: (v: string) => string): Set<number> {
  const ids = new Set<number>();
  for (const v of values) { const id = dict.peek(norm(v)); if (id !== undefined) ids.add(id); }
  return ids;
}

const hasTopic = (p: PreparedStatement, ids: Set<number>): boolean =>
  (p.topicA >= 0 && ids.has(p.topicA)) || (p.topicB >= 0 && ids.has(p.topicB)) || (p.topicRest !== null && p.topicRest.some((t) => ids.has(t)));

function compileOne(f: StatementFilter, ctx: QueryContext, out: Clause[]): void {
  const ex = f.exclude ?? {};
  const d = dictionaries;
  const upper = (v: string) => v.toUpperCase();
  const lower = (v: string) => v.toLowerCase();
  const same = (v: string) => v;
  const folded = (v: string) => fold(v.trim());
  const stanceIds = (values: string[]) => new Set(values.map((v) => STANCE_ORDER.indexOf(v as Stance)).filter((i) => i >= 0));

  if (nonEmpty(f.countries)) { const s = idSet(d.countries, f.countries, upper); out.push({ field: 'countries', test: (p) => s.has(p.countryId) }); }
  if (nonEmpty(ex.countries)) { const s = idSet(d.countries, ex.countries, upper); out.push({ field: 'countries', test: (p) => !s.has(p.countryId) }); }
  if (nonEmpty(f.speakers)) { const s = idSet(d.speakers, f.speakers, folded); out.push({ field: 'speakers', test: (p) => s.has(p.speakerId) }); }
  if (nonEmpty(ex.speakers)) { const s = idSet(d.speakers, ex.speakers, folded); out.push({ field: 'speakers', test: (p) => !s.has(p.speakerId) }); }
  if (nonEmpty(f.orgs)) { const s = idSet(d.orgs, f.orgs, folded); out.push({ field: 'orgs', test: (p) => s.has(p.orgId) }); }
  if (nonEmpty(ex.orgs)) { const s = idSet(d.orgs, ex.orgs, folded); out.push({ field: 'orgs', test: (p) => !s.has(p.orgId) }); }
  if (nonEmpty(f.topics)) { const s = idSet(d.topics, f.topics, lower); out.push({ field: 'topics', test: (p) => hasTopic(p, s) }); }
  if (nonEmpty(ex.topics)) { const s = idSet(d.topics, ex.topics, lower); out.push({ field: 'topics', test: (p) => !hasTopic(p, s) }); }
  if (nonEmpty(f.stances)) { const s = stanceIds(f.stances); out.push({ field: 'stances', test: (p) => s.has(p.stanceIdx) }); }
  if (nonEmpty(ex.stances)) { const s = stanceIds(ex.stances); out.push({ field: 'stances', test: (p) => !s.has(p.stanceIdx) }); }
  if (nonEmpty(f.feedIds)) { const s = idSet(d.feeds, f.feedIds, same); out.push({ field: 'feeds', test: (p) => s.has(p.feedIdx) }); }
  if (nonEmpty(ex.feedIds)) { const s = idSet(d.feeds, ex.feedIds, same); out.push({ field: 'feeds', test: (p) => !s.has(p.feedIdx) }); }
  if (nonEmpty(f.languages)) { const s = idSet(d.languages, f.languages, lower); out.push({ field: 'languages', test: (p) => s.has(p.languageId) }); }
  if (nonEmpty(ex.languages)) { const s = idSet(d.languages, ex.languages, lower); out.push({ field: 'languages', test: (p) => !s.has(p.languageId) }); }
  if (typeof f.direct === 'boolean') { const want = f.direct ? FLAG_DIRECT : 0; out.push({ field: 'direct', test: (p) => (p.flags & FLAG_DIRECT) === want }); }
  if (typeof f.reviewed === 'boolean') { const want = f.reviewed ? FLAG_REVIEWED : 0; out.push({ field: 'review', test: (p) => (p.flags & FLAG_REVIEWED) === want }); }
  if (typeof f.starred === 'boolean') { const want = f.starred ? FLAG_STARRED : 0; out.push({ field: 'starred', test: (p) => (p.flags & FLAG_STARRED) === want }); }

  if (nonEmpty(f.folderIds)) {
    const feeds = idSet(d.feeds, [...feedsInFolders(f.folderIds, ctx)], same);
    out.push({ field: null, test: (p) => feeds.has(p.feedIdx) });
  }
  if (f.itemId) { const id = f.itemId; out.push({ field: null, test: (p) => p.s.itemId === id }); }
  if (f.electionOnly && ctx.electionItemIds) { const items = ctx.electionItemIds; out.push({ field: null, test: (p) => items.has(p.s.itemId) }); }
  const from = bound(f.from, false), to = bound(f.to, true);
  if (from) out.push({ field: null, test: 'day' in from ? (p) => p.day >= from.day : (p) => p.time >= from.time });
  if (to) out.push({ field: null, test: 'day' in to ? (p) => p.day <= to.day : (p) => p.time <= to.time });
  if (f.text) {
    const terms = textTerms(f.text);
    const inc = terms.include.map(fold), exc = terms.exclude.map(fold);
    if (inc.length) out.push({ field: null, costly: true, test: (p) => inc.every((t) => p.hay.includes(t)) });
    if (exc.length) out.push({ field: null, costly: true, test: (p) => !exc.some((t) => p.hay.includes(t)) });
  }
}

/**
 * Turns a filter into clauses once, so a pass over many statements does no per-statement setup. Prepare the statements
 * (prepareStatement) before compiling: selected values are matched through the ids preparing assigns.
 */
export function compileFilter(f: StatementFilter, ctx: QueryContext): CompiledFilter {
  const clauses: Clause[] = [];
  compileOne(f, ctx, clauses);
  if (f.q && f.q.trim()) compileOne(parseQuery(f.q).filter, ctx, clauses);
  return { clauses: [...clauses.filter((c) => !c.costly), ...clauses.filter((c) => c.costly)] };
}

export function passes(c: CompiledFilter, p: PreparedStatement): boolean {
  for (const clause of c.clauses) if (!clause.test(p)) return false;
  return true;
}

/** True when the statement matches every part of the filter (and of its query `q`). */
export function matchesFilter(s: StatementView, f: StatementFilter, ctx: QueryContext): boolean {
  const p = prepareStatement(s); // first: compiling looks its values up in the dictionaries it fills
  return passes(compileFilter(f, ctx), p);
}
