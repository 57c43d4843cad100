// The compact form of a meta shard on disk: items and statements as positional arrays instead of keyed objects
// (about a third less JSON to read and parse at start), values that repeat a neighbour stored once (guid = link,
// sortDate = published or fetch time), and repeated short values (feed ids, fetch times, authors, speakers…) shared
// in memory when read. Analysis and statement fields this version does not know are kept in a trailing object.
import type { Statement } from '../analysis/types.js';
import { StoreFormatError } from './json-file.js';
import type { ItemMeta, StoredAnalysis } from './types.js';

/** An analysis as kept in memory and in a meta shard: its text lives with the item's body. */
export type AnalysisCore = Omit<StoredAnalysis, 'text'>;

/** [id, feedId, identity, contentHash, guid (1 = same as link), title, link, author, published, updated, fetchedAt, sortDate (0 = published ?? fetchedAt), categories] */
export type ItemRow = [string, string, string, string, string | null | 1, string | null, string | null, string | null, string | null, string | null, string, string | 0, string[]];
type AnalysisRow = unknown[];

export interface MetaShardFile {
  schemaVersion: number;
  items: ItemRow[];
  /** analyses[i] belongs to items[i]; 0 when that item has none. */
  analyses: (AnalysisRow | 0)[];
}

const STATEMENT_KEYS = ['quote', 'start', 'end', 'direct', 'speaker', 'speakerRole', 'speakerOrg', 'speakerCountry', 'aboutCountry', 'topics', 'stance', 'confidence', 'cue', 'context'] as const;
const ANALYSIS_KEYS = ['language', 'relevance', 'electionRelated', 'countries', 'version', 'analysedAt'] as const;

function extras(o: object, known: readonly string[]): Record<string, unknown> | null {
  let out: Record<string, unknown> | null = null;
  for (const [k, v] of Object.entries(o)) if (!known.includes(k) && k !== 'statements') (out ??= {})[k] = v;
  return out;
}

export function encodeItem(m: ItemMeta): ItemRow {
  return [
    m.id, m.feedId, m.identity, m.contentHash, m.guid !== null && m.guid === m.link ? 1 : m.guid, m.title, m.link, m.author,
    m.published, m.updated, m.fetchedAt, m.sortDate === (m.published ?? m.fetchedAt) ? 0 : m.sortDate, m.categories,
  ];
}

export function encodeAnalysis(a: AnalysisCore): AnalysisRow {
  const row: unknown[] = ANALYSIS_KEYS.map((k) => a[k]);
  row.push(a.statements.map((s) => {
    const r: unknown[] = STATEMENT_KEYS.map((k) => s[k]);
    const x = extras(s, STATEMENT_KEYS);
    if (x) r.push(x);
    return r;
  }));
  const x = extras(a, ANALYSIS_KEYS);
  if (x) row.push(x);
  return row;
}

/** Shares equal strings read from many files (one copy in memory instead of one per item). */
export class StringPool {
  private readonly pool = new Map<string, string>();
  get<T extends string | null | undefined>(s: T): T {
    if (typeof s !== 'string' || s.length > 64) return s;
    const had = this.pool.get(s);
    if (had !== undefined) return had as T;
    this.pool.set(s, s);
    return s;
  }
}

const str = (v: unknown): v is string => typeof v === 'string';
const strOrNull = (v: unknown): boolean => v === null || typeof v === 'string';

export function decodeItem(r: unknown, pool: StringPool): ItemMeta {
  if (!Array.isArray(r) || r.length < 13 || !str(r[0]) || !str(r[1]) || !str(r[10]) || !Array.isArray(r[12])) {
    throw new StoreFormatError('an item record is malformed');
  }
  const link = r[6] as string | null;
  const published = r[8] as string | null;
  const fetchedAt = pool.get(r[10] as string);
  if (!(strOrNull(r[4]) || r[4] === 1) || !strOrNull(r[5]) || !strOrNull(r[6]) || !strOrNull(r[7]) || !strOrNull(r[8]) || !strOrNull(r[9])) {
    throw new StoreFormatError('an item record is malformed');
  }
  return {
    id: r[0] as string, feedId: pool.get(r[1] as string), identity: r[2] as string, contentHash: r[3] as string,
    guid: r[4] === 1 ? link : (r[4] as string | null), title: r[5] as string | null, link, author: pool.get(r[7] as string | null),
    published, updated: r[9] as string | null, fetchedAt,
    sortDate: r[11] === 0 ? (published ?? fetchedAt) : (r[11] as string), dateFromFetch: published === null,
    categories: (r[12] as string[]).map((c) => pool.get(c)),
  };
}

export function decodeAnalysis(r: unknown, pool: StringPool): AnalysisCore {
  if (!Array.isArray(r) || r.length < 7 || !Array.isArray(r[6])) throw new StoreFormatError('an analysis record is malformed');
  const statements = (r[6] as unknown[]).map((s): Statement => {
    if (!Array.isArray(s) || s.length < 14) throw new StoreFormatError('a statement record is malformed');
    const st: Statement = {
      quote: s[0] as string, start: s[1] as number, end: s[2] as number, direct: s[3] as boolean,
      speaker: pool.get(s[4] as string | null), speakerRole: pool.get(s[5] as string | null), speakerOrg: pool.get(s[6] as string | null),
      speakerCountry: pool.get(s[7] as string | null), aboutCountry: pool.get(s[8] as string | null),
      topics: (s[9] as string[]).map((t) => pool.get(t)), stance: pool.get(s[10] as Statement['stance']), confidence: s[11] as number,
      cue: pool.get(s[12] as string | null), context: s[13] as string,
    };
    return s.length > 14 ? { ...(s[14] as object), ...st } : st;
  });
  const a: AnalysisCore = {
    language: pool.get(r[0] as string), relevance: r[1] as number, electionRelated: r[2] as boolean,
    countries: (r[3] as string[]).map((c) => pool.get(c)), version: r[4] as number, analysedAt: r[5] as string, statements,
  };
  return r.length > 7 ? { ...(r[7] as object), ...a } : a;
}
