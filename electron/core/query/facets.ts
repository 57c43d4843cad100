// Facet counts beside each filter value (multi-select: each field counted without its own selection) and the per-day chart data.
import type { Facets, FacetValue, Stance, StatementFilter, StatementView } from '../../contract/api.js';
import { parseQuery } from '../../contract/query-language.js';
import { compileFilter, type FacetField, type QueryContext } from './filter.js';
import { countryName } from './country-names.js';
import { dictionaries, FLAG_DIRECT, FLAG_REVIEWED, FLAG_STARRED, fold, prepareStatement, STANCE_ORDER, type Dictionary, type PreparedStatement } from './prepared.js';

/** Fields listing only their most frequent values. */
export const FACET_LIMIT = 50;

const languageNames = (() => {
  try { return new Intl.DisplayNames(['en'], { type: 'language' }); } catch { return null; }
})();

function languageLabel(code: string): string {
  if (!code || code === 'unknown') return 'Unknown';
  try { return languageNames?.of(code) ?? code; } catch { return code; }
}

const STANCE_LABEL: Record<Stance, string> = { critical: 'Critical', supportive: 'Supportive', defensive: 'Defensive', neutral: 'Neutral' };

const byCount = (a: FacetValue, b: FacetValue): number => b.count - a.count || a.label.localeCompare(b.label);

/** Counted values of a dictionary field, most frequent first; selected values beyond the limit are kept. */
function listOf(counts: Int32Array, dict: Dictionary, label: (id: number) => string, limit?: number, selected: string[] = [], norm: (v: string) => string = (v) => v): FacetValue[] {
  const out: FacetValue[] = [];
  for (let id = 0; id < counts.length; id++) if (counts[id]! > 0) out.push({ value: dict.values[id]!, label: label(id), count: counts[id]! });
  out.sort(byCount);
  if (limit === undefined || out.length <= limit) return out;
  const top = out.slice(0, limit);
  // A selected value stays visible (with its count) even when it is not among the most frequent.
  const shown = new Set(top.map((v) => norm(v.value)));
  for (const sel of selected) {
    const k = norm(sel);
    if (shown.has(k)) continue;
    top.push(out.find((v) => norm(v.value) === k) ?? { value: sel, label: sel, count: 0 });
    shown.add(k);
  }
  return top;
}

const foldKey = (v: string): string => fold(v.trim());

/** Every counter of one facets call; scalars live in `flags` (typed arrays keep the hot loop free of closures). */
interface Counts {
  countries: Int32Array; speakers: Int32Array; orgs: Int32Array; topics: Int32Array; feeds: Int32Array;
  languages: Int32Array; buckets: Int32Array; stances: Int32Array;
  /** [direct, reported, reviewed, unreviewed, starred] */
  flags: Int32Array;
}

function countField(field: FacetField, p: PreparedStatement, c: Counts): void {
  switch (field) {
    case 'countries': if (p.countryId >= 0) c.countries[p.countryId]!++; break;
    case 'speakers': if (p.speakerId >= 0) c.speakers[p.speakerId]!++; break;
    case 'orgs': if (p.orgId >= 0) c.orgs[p.orgId]!++; break;
    case 'topics':
      if (p.topicA >= 0) c.topics[p.topicA]!++;
      if (p.topicB >= 0) c.topics[p.topicB]!++;
      if (p.topicRest) for (const t of p.topicRest) c.topics[t]!++;
      break;
    case 'stances': if (p.stanceIdx >= 0) c.stances[p.stanceIdx]!++; break;
    case 'feeds': c.feeds[p.feedIdx]!++; break;
    case 'languages': c.languages[p.languageId]!++; break;
    case 'direct': c.flags[p.flags & FLAG_DIRECT ? 0 : 1]!++; break;
    case 'review': c.flags[p.flags & FLAG_REVIEWED ? 2 : 3]!++; break;
    case 'starred': if (p.flags & FLAG_STARRED) c.flags[4]!++; break;
  }
}

/** A statement that passes the whole filter counts in every field and in the chart. */
function countAll(p: PreparedStatement, c: Counts): void {
  if (p.countryId >= 0) c.countries[p.countryId]!++;
  if (p.speakerId >= 0) c.speakers[p.speakerId]!++;
  if (p.orgId >= 0) c.orgs[p.orgId]!++;
  if (p.topicA >= 0) c.topics[p.topicA]!++;
  if (p.topicB >= 0) c.topics[p.topicB]!++;
  if (p.topicRest) for (const t of p.topicRest) c.topics[t]!++;
  if (p.stanceIdx >= 0) c.stances[p.stanceIdx]!++;
  c.feeds[p.feedIdx]!++;
  c.languages[p.languageId]!++;
  const flags = p.flags;
  c.flags[flags & FLAG_DIRECT ? 0 : 1]!++;
  c.flags[flags & FLAG_REVIEWED ? 2 : 3]!++;
  if (flags & FLAG_STARRED) c.flags[4]!++;
  c.buckets[p.bucketId]!++;
}

/** Chart buckets in (day, country, stance) order, re-sorted only when new buckets appeared. */
let bucketOrder: { size: number; ids: Int32Array; parts: [string, string, Stance][] } = { size: -1, ids: new Int32Array(0), parts: [] };
function sortedBuckets(): typeof bucketOrder {
  const dict = dictionaries.buckets;
  if (bucketOrder.size === dict.size) return bucketOrder;
  const parts = dict.values.map((v) => v.split('|') as [string, string, Stance]);
  const ids = Int32Array.from(parts.keys()).sort((a, b) => {
    const x = parts[a]!, y = parts[b]!;
    return x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : x[2] < y[2] ? -1 : x[2] > y[2] ? 1 : 0;
  });
  bucketOrder = { size: dict.size, ids, parts };
  return bucketOrder;
}

/**
 * Facets over statements already prepared (what StatementIndex holds). `within`, when given, lists the positions in
 * `list` that already pass the filter's non-facet clauses (text, dates, folders, item), so only facet clauses are tested.
 */
export function facetsOfPrepared(list: readonly PreparedStatement[], f: StatementFilter, ctx: QueryContext, within?: Int32Array | null): Facets {
  const compiled = compileFilter(f, ctx).clauses;
  const clauses = within ? compiled.filter((cl) => cl.field !== null) : compiled;
  const d = dictionaries;
  const c: Counts = {
    countries: new Int32Array(d.countries.size), speakers: new Int32Array(d.speakers.size), orgs: new Int32Array(d.orgs.size),
    topics: new Int32Array(d.topics.size), feeds: new Int32Array(d.feeds.size), languages: new Int32Array(d.languages.size),
    buckets: new Int32Array(d.buckets.size), stances: new Int32Array(STANCE_ORDER.length), flags: new Int32Array(5),
  };
  const n = clauses.length;
  const total = within ? within.length : list.length;
  for (let k = 0; k < total; k++) {
    const p = list[within ? within[k]! : k]!;
    if (n === 0) { countAll(p, c); continue; }
    let failed: FacetField | undefined;
    let rejected = false;
    for (let i = 0; i < n; i++) {
      const clause = clauses[i]!;
      if (clause.test(p)) continue;
      if (clause.field === null || (failed !== undefined && failed !== clause.field)) { rejected = true; break; }
      failed = clause.field;
    }
    if (rejected) continue;
    if (failed !== undefined) countField(failed, p, c);
    else countAll(p, c);
  }

  const sel = f.q ? selections(f) : f;
  const perDay: Facets['perDay'] = [];
  const order = sortedBuckets();
  for (const id of order.ids) {
    const count = c.buckets[id];
    if (!count) continue;
    const [day, country, stance] = order.parts[id]!;
    perDay.push({ day, country, stance, count });
  }
  const [direct, reported, reviewed, unreviewed, starred] = c.flags as unknown as number[];
  return {
    countries: listOf(c.countries, d.countries, (id) => countryName(d.countries.values[id]!)),
    speakers: listOf(c.speakers, d.speakers, (id) => d.speakers.values[id]!, FACET_LIMIT, sel.speakers, foldKey),
    orgs: listOf(c.orgs, d.orgs, (id) => d.orgs.values[id]!, FACET_LIMIT, sel.orgs, foldKey),
    topics: listOf(c.topics, d.topics, (id) => d.topics.values[id]!, FACET_LIMIT, sel.topics, (v) => v.toLowerCase()),
    stances: STANCE_ORDER.map((s, i) => ({ value: s, label: STANCE_LABEL[s], count: c.stances[i]! })).sort(byCount),
    feeds: listOf(c.feeds, d.feeds, (id) => d.feeds.labels[id]!),
    languages: listOf(c.languages, d.languages, (id) => languageLabel(d.languages.values[id]!)),
    direct: [{ value: 'direct', label: 'Direct quote', count: direct! }, { value: 'reported', label: 'Reported speech', count: reported! }].sort(byCount),
    review: [{ value: 'reviewed', label: 'Reviewed', count: reviewed! }, { value: 'unreviewed', label: 'Unreviewed', count: unreviewed! }, { value: 'starred', label: 'Starred', count: starred! }].sort(byCount),
    perDay,
  };
}

/** Selected speakers/orgs/topics of both the structured fields and the query, so they stay listed. */
function selections(f: StatementFilter): StatementFilter {
  const q = parseQuery(f.q ?? '').filter;
  return {
    speakers: [...(f.speakers ?? []), ...(q.speakers ?? [])],
    orgs: [...(f.orgs ?? []), ...(q.orgs ?? [])],
    topics: [...(f.topics ?? []), ...(q.topics ?? [])],
  };
}

/**
 * Facets of the statements under a filter: each field's counts ignore that field's own selection (so the other values
 * of a multi-select stay visible with their counts); speakers, orgs and topics list the top 50 plus any selected value;
 * stances, direct and review list every value (0 included); `perDay` counts day × aboutCountry ('' when unknown) ×
 * stance under the full filter, oldest day first.
 */
export function computeFacets(all: readonly StatementView[], f: StatementFilter, ctx: QueryContext): Facets {
  return facetsOfPrepared(all.map(prepareStatement), f, ctx);
}
