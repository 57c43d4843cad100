// The query language of the statement filter (speaker:"Matthew Miller" country:PK -stance:neutral fraud): parse, format, URL.
// Pure and shared by the renderer and the core: it imports only types from the contract.
import type { Stance, StatementFilter } from './api.js';

/*
 * Grammar (whitespace separates terms; operator names are case-insensitive):
 *   speaker:V  org:V  country:CC  topic:V  stance:S  feed:ID  folder:ID  lang:LL  item:ID
 *   date:FROM/TO  date:YYYY-MM-DD  date:YYYY-MM  date:YYYY  date:FROM/  date:/TO   (each side: a day, month, year or full ISO)
 *   type:direct|reported   is:reviewed|unreviewed|starred|unstarred|election
 *   V is a bare word or "a quoted value" (\" and \\ escape inside quotes).
 *   A leading - negates: -speaker:X → exclude.speakers; -type:direct → direct=false; -is:starred → starred=false.
 *   Repeating an operator ORs its values within the field; different fields AND.
 *   Anything else (words, "quoted phrases", -words, unknown operators such as foo:bar) is free text: `filter.text`.
 * Malformed operators (a bad date, an unknown stance) are reported in `errors` and ignored; parsing never throws.
 */

export const STANCES: readonly Stance[] = ['critical', 'supportive', 'defensive', 'neutral'];

type ListField = 'speakers' | 'orgs' | 'countries' | 'topics' | 'stances' | 'feedIds' | 'folderIds' | 'languages';
type ExcludeField = keyof NonNullable<StatementFilter['exclude']>;

interface ListOperator { field: ListField; name: string; normalise: (v: string) => string | null; hint: string }

const LIST_OPERATORS: ListOperator[] = [
  { field: 'speakers', name: 'speaker', normalise: (v) => v, hint: '' },
  { field: 'orgs', name: 'org', normalise: (v) => v, hint: '' },
  { field: 'countries', name: 'country', normalise: (v) => (/^[a-z]{2}$/i.test(v) ? (v.toUpperCase() === 'UK' ? 'GB' : v.toUpperCase()) : null), hint: 'use a two-letter country code such as PK' },
  { field: 'topics', name: 'topic', normalise: (v) => v.toLowerCase(), hint: '' },
  { field: 'stances', name: 'stance', normalise: (v) => ((STANCES as readonly string[]).includes(v.toLowerCase()) ? v.toLowerCase() : null), hint: `use one of ${STANCES.join(', ')}` },
  { field: 'feedIds', name: 'feed', normalise: (v) => v, hint: '' },
  { field: 'folderIds', name: 'folder', normalise: (v) => v, hint: '' },
  { field: 'languages', name: 'lang', normalise: (v) => (/^[a-z]{2,3}(-[a-z0-9]+)*$|^unknown$/i.test(v) ? v.toLowerCase() : null), hint: 'use a language code such as en' },
];

const ALIASES: Record<string, string> = {
  speaker: 'speaker', org: 'org', organisation: 'org', organization: 'org', country: 'country', topic: 'topic',
  stance: 'stance', feed: 'feed', folder: 'folder', lang: 'lang', language: 'lang', date: 'date', type: 'type',
  is: 'is', item: 'item',
};

/** Fields that can be negated (exclude has no folderIds). */
const EXCLUDABLE: Partial<Record<ListField, ExcludeField>> = {
  speakers: 'speakers', orgs: 'orgs', countries: 'countries', topics: 'topics', stances: 'stances', feedIds: 'feedIds', languages: 'languages',
};

/** One term of a query as the tokenizer saw it. */
export interface QueryToken {
  negated: boolean;
  /** Operator name as typed (lower-cased), null for a free word or phrase. */
  key: string | null;
  value: string;
  /** The value was in double quotes. */
  quoted: boolean;
  /** The exact source text of the term. */
  raw: string;
}

/** Splits a query into terms; never throws. Unterminated quotes run to the end. */
export function tokenize(q: string): QueryToken[] {
  const out: QueryToken[] = [];
  const n = q.length;
  let i = 0;
  const readQuoted = (): string => {
    // q[i] is the opening quote
    i++;
    let v = '';
    while (i < n && q[i] !== '"') {
      if (q[i] === '\\' && i + 1 < n && (q[i + 1] === '"' || q[i + 1] === '\\')) { v += q[i + 1]; i += 2; continue; }
      v += q[i]; i++;
    }
    if (i < n) i++; // closing quote
    return v;
  };
  const readBare = (): string => {
    const s = i;
    while (i < n && !/\s/.test(q[i]!)) i++;
    return q.slice(s, i);
  };
  while (i < n) {
    while (i < n && /\s/.test(q[i]!)) i++;
    if (i >= n) break;
    const start = i;
    let negated = false;
    if (q[i] === '-' && i + 1 < n && !/\s/.test(q[i + 1]!)) { negated = true; i++; }
    else if (q[i] === '-') { i++; continue; } // a lone dash means nothing
    if (q[i] === '"') {
      const value = readQuoted();
      out.push({ negated, key: null, value, quoted: true, raw: q.slice(start, i) });
      continue;
    }
    const m = /^([A-Za-z]+):/.exec(q.slice(i, i + 40));
    if (m) {
      i += m[0].length;
      const quoted = q[i] === '"';
      const value = quoted ? readQuoted() : readBare();
      out.push({ negated, key: m[1]!.toLowerCase(), value, quoted, raw: q.slice(start, i) });
      continue;
    }
    const value = readBare();
    out.push({ negated, key: null, value, quoted: false, raw: q.slice(start, i) });
  }
  return out;
}

/** True for the operator names the language knows (including aliases such as `language`). */
export function isOperator(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(ALIASES, name.toLowerCase());
}

const pad = (n: number): string => String(n).padStart(2, '0');

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

/**
 * One side of a date range → an inclusive bound: YYYY, YYYY-MM or YYYY-MM-DD become a day (`end` picks the last day of
 * a month or year); a full ISO date-time stays as it is. Returns null when malformed.
 */
export function dateBound(s: string, end: boolean): string | null {
  let m = /^(\d{4})$/.exec(s);
  if (m) return end ? `${m[1]}-12-31` : `${m[1]}-01-01`;
  m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m) {
    const y = Number(m[1]), mo = Number(m[2]);
    if (mo < 1 || mo > 12) return null;
    return end ? `${m[1]}-${m[2]}-${pad(new Date(Date.UTC(y, mo, 0)).getUTCDate())}` : `${m[1]}-${m[2]}-01`;
  }
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return validDay(Number(m[1]), Number(m[2]), Number(m[3])) ? s : null;
  m = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i.exec(s);
  if (m && validDay(Number(m[1]), Number(m[2]), Number(m[3])) && !Number.isNaN(Date.parse(s))) return s;
  return null;
}

/** date:… value → inclusive from/to (either may be absent), or null when malformed. */
export function parseDateRange(v: string): { from?: string; to?: string } | null {
  const slash = v.indexOf('/');
  if (slash < 0) {
    const from = dateBound(v, false), to = dateBound(v, true);
    return from && to ? { from, to } : null;
  }
  const a = v.slice(0, slash), b = v.slice(slash + 1);
  if (!a && !b) return null;
  const out: { from?: string; to?: string } = {};
  if (a) { const f = dateBound(a, false); if (!f) return null; out.from = f; }
  if (b) { const t = dateBound(b, true); if (!t) return null; out.to = t; }
  if (out.from && out.to && out.from.slice(0, 10) > out.to.slice(0, 10)) return null;
  return out;
}

function pushUnique<T>(list: T[], v: T): void {
  if (!list.includes(v)) list.push(v);
}

/** Drops empty lists and an empty exclude, so equal filters compare equal. */
export function normaliseFilter(f: StatementFilter): StatementFilter {
  const out: StatementFilter = {};
  for (const [k, v] of Object.entries(f) as [keyof StatementFilter, unknown][]) {
    if (v === undefined || v === null) continue;
    if (Array.isArray(v) && v.length === 0) continue;
    if (typeof v === 'string' && v.trim() === '' ) continue;
    if (k === 'exclude') {
      const ex: Record<string, string[]> = {};
      for (const [ek, ev] of Object.entries(v as Record<string, unknown>)) if (Array.isArray(ev) && ev.length) ex[ek] = [...(ev as string[])];
      if (Object.keys(ex).length) out.exclude = ex as StatementFilter['exclude'];
      continue;
    }
    (out as Record<string, unknown>)[k] = Array.isArray(v) ? [...v] : v;
  }
  return out;
}

/** Parses the query language into a filter. Free text goes to `text`; malformed operators to `errors`. */
export function parseQuery(q: string): { filter: StatementFilter; errors: string[] } {
  const filter: StatementFilter = {};
  const errors: string[] = [];
  const text: string[] = [];
  const exclude: NonNullable<StatementFilter['exclude']> = {};
  for (const t of tokenize(q ?? '')) {
    const op = t.key === null ? undefined : ALIASES[t.key];
    if (!op) { text.push(t.raw); continue; }
    if (t.value === '') { errors.push(`${t.raw}: the operator needs a value`); continue; }
    const list = LIST_OPERATORS.find((o) => o.name === op);
    if (list) {
      const v = list.normalise(t.value.trim());
      if (v === null || v === '') { errors.push(`${t.raw}: not a valid ${op}${list.hint ? ` (${list.hint})` : ''}`); continue; }
      if (t.negated) {
        const ef = EXCLUDABLE[list.field];
        if (!ef) { errors.push(`${t.raw}: ${op} cannot be negated`); continue; }
        pushUnique((exclude[ef] ??= []) as string[], v);
      } else {
        pushUnique((filter[list.field] ??= []) as string[], v);
      }
      continue;
    }
    const v = t.value.trim().toLowerCase();
    switch (op) {
      case 'date': {
        if (t.negated) { errors.push(`${t.raw}: a date range cannot be negated`); break; }
        const r = parseDateRange(t.value.trim());
        if (!r) { errors.push(`${t.raw}: not a valid date or range (use YYYY-MM-DD, YYYY-MM or FROM/TO)`); break; }
        delete filter.from; delete filter.to;
        if (r.from) filter.from = r.from;
        if (r.to) filter.to = r.to;
        break;
      }
      case 'type':
        if (v === 'direct' || v === 'reported') filter.direct = (v === 'direct') !== t.negated;
        else errors.push(`${t.raw}: use type:direct or type:reported`);
        break;
      case 'is':
        if (v === 'reviewed' || v === 'unreviewed') filter.reviewed = (v === 'reviewed') !== t.negated;
        else if (v === 'starred' || v === 'unstarred') filter.starred = (v === 'starred') !== t.negated;
        else if (v === 'election') { if (t.negated) errors.push(`${t.raw}: is:election cannot be negated`); else filter.electionOnly = true; }
        else errors.push(`${t.raw}: use is:reviewed, is:unreviewed, is:starred, is:unstarred or is:election`);
        break;
      case 'item':
        if (t.negated) errors.push(`${t.raw}: item cannot be negated`);
        else filter.itemId = t.value.trim();
        break;
    }
  }
  if (Object.keys(exclude).length) filter.exclude = exclude;
  if (text.length) filter.text = text.join(' ');
  return { filter: normaliseFilter(filter), errors };
}

/** Free-text terms: words and "phrases" that must occur, and -words that must not. Unknown operators stay whole. */
export function textTerms(text: string): { include: string[]; exclude: string[] } {
  const include: string[] = [], exclude: string[] = [];
  for (const t of tokenize(text ?? '')) {
    let term = t.key === null ? t.value : `${t.key}:${t.value}`;
    if (!t.quoted) term = term.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    term = term.trim();
    if (!term) continue;
    (t.negated ? exclude : include).push(term);
  }
  return { include, exclude };
}

/** A value as the language writes it: bare when safe, else in quotes with \" and \\ escaped. */
export function formatValue(v: string): string {
  if (v !== '' && /^[^\s"\\]+$/.test(v) && !v.startsWith('-') && !/^[A-Za-z]+:/.test(v)) return v;
  return `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The query's fields replace base's for the fields it names; exclusions are added; free text is appended (AND). */
export function mergeFilter(base: StatementFilter, q: string): StatementFilter {
  const parsed = parseQuery(q).filter;
  const out: StatementFilter = { ...normaliseFilter(base) };
  delete out.q;
  for (const [k, v] of Object.entries(parsed) as [keyof StatementFilter, unknown][]) {
    if (k === 'exclude' || k === 'text') continue;
    (out as Record<string, unknown>)[k] = v;
  }
  if (parsed.exclude) {
    const ex: Record<string, string[]> = { ...(out.exclude as Record<string, string[]> | undefined) };
    for (const [ek, ev] of Object.entries(parsed.exclude) as [string, string[]][]) {
      const list = [...(ex[ek] ?? [])];
      for (const x of ev) pushUnique(list, x);
      ex[ek] = list;
    }
    out.exclude = ex as StatementFilter['exclude'];
  }
  if (parsed.text) out.text = out.text ? `${out.text} ${parsed.text}` : parsed.text;
  return normaliseFilter(out);
}

/** Free text re-emitted so that it parses back to the same text (terms that look like operators are quoted). */
function formatText(text: string): string {
  return tokenize(text).map((t) => {
    if (t.key !== null && isOperator(t.key)) return `${t.negated ? '-' : ''}${formatValue(`${t.key}:${t.value}`)}`;
    return t.raw;
  }).join(' ');
}

/**
 * The canonical query for a filter (the inverse of parseQuery: parseQuery(formatQuery(f)).filter equals f for filters
 * parseQuery produces). A filter's own `q` is folded in with mergeFilter.
 */
export function formatQuery(filter: StatementFilter): string {
  const f = filter.q ? mergeFilter({ ...filter, q: undefined }, filter.q) : normaliseFilter(filter);
  const parts: string[] = [];
  for (const op of LIST_OPERATORS) for (const v of f[op.field] ?? []) parts.push(`${op.name}:${formatValue(v)}`);
  if (f.itemId) parts.push(`item:${formatValue(f.itemId)}`);
  if (f.from || f.to) parts.push(`date:${f.from && f.from === f.to ? f.from : `${f.from ?? ''}/${f.to ?? ''}`}`);
  if (f.direct !== undefined) parts.push(f.direct ? 'type:direct' : 'type:reported');
  if (f.reviewed !== undefined) parts.push(f.reviewed ? 'is:reviewed' : 'is:unreviewed');
  if (f.starred !== undefined) parts.push(f.starred ? 'is:starred' : 'is:unstarred');
  if (f.electionOnly) parts.push('is:election');
  for (const op of LIST_OPERATORS) {
    const ef = EXCLUDABLE[op.field];
    if (ef) for (const v of f.exclude?.[ef] ?? []) parts.push(`-${op.name}:${formatValue(v)}`);
  }
  if (f.text) { const t = formatText(f.text); if (t) parts.push(t); }
  return parts.join(' ');
}

/** The view's filter as URL parameters: a single `q` holding the canonical query (bookmarkable). */
export function filterToSearchParams(filter: StatementFilter): URLSearchParams {
  const p = new URLSearchParams();
  const q = formatQuery(filter);
  if (q) p.set('q', q);
  return p;
}

/** The filter a bookmarked URL describes (malformed parts are dropped). */
export function filterFromSearchParams(p: URLSearchParams): StatementFilter {
  return parseQuery(p.get('q') ?? '').filter;
}
