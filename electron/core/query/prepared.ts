// The search keys of a statement, computed once per statement object: folded text, day, and small-number facet keys.
import type { Stance, StatementView } from '../../contract/api.js';

/** Lower-case and strip accents ("Erdoğan" → "erdogan"), the comparison every filter and search uses. */
export function fold(s: string): string {
  if (!/[^\x00-\x7f]/.test(s)) return s.toLowerCase();
  return s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/**
 * Numbers for the distinct values of a facet field, so counting is array arithmetic. Shared by every index in the
 * process; it only grows (a value no statement has any more simply counts 0).
 */
export class Dictionary {
  private readonly ids = new Map<string, number>();
  /** id → the value as first seen (original spelling; a mixed-case spelling replaces an all-upper or all-lower one). */
  readonly values: string[] = [];
  /** id → the label last seen (e.g. a feed's current title). */
  readonly labels: string[] = [];
  id(key: string, value: string, label: string = value): number {
    let id = this.ids.get(key);
    if (id === undefined) { id = this.values.length; this.ids.set(key, id); this.values.push(value); this.labels.push(label); return id; }
    if (this.labels[id] !== label) this.labels[id] = label;
    // "MATTHEW MILLER" or "matthew miller" seen first gives way to "Matthew Miller".
    const shown = this.values[id]!;
    if (shown !== value && (shown === shown.toUpperCase() || shown === shown.toLowerCase()) && value !== value.toUpperCase() && value !== value.toLowerCase()) {
      this.values[id] = value;
    }
    return id;
  }
  /** The id of a key, without adding it. */
  peek(key: string): number | undefined { return this.ids.get(key); }
  get size(): number { return this.values.length; }
}

export const STANCE_ORDER: readonly Stance[] = ['critical', 'supportive', 'defensive', 'neutral'];

export const dictionaries = {
  countries: new Dictionary(),
  speakers: new Dictionary(),
  orgs: new Dictionary(),
  topics: new Dictionary(),
  feeds: new Dictionary(),
  languages: new Dictionary(),
  /** day|country|stance buckets of the chart. */
  buckets: new Dictionary(),
};

export interface PreparedStatement {
  s: StatementView;
  /** Epoch ms of s.date (NaN when unparseable). */
  time: number;
  /** YYYY-MM-DD (UTC) of s.date. */
  day: string;
  /** Folded quote, speaker, role, organisation, item title and context, separated by newlines. */
  hay: string;
  // Facet keys (ids in `dictionaries`, -1 when the statement has no value), kept on this object so that a pass over
  // many statements touches one object per statement (memory access dominates the cost).
  countryId: number;
  speakerId: number;
  orgId: number;
  /** First two topic ids, and the rest (null when at most two). */
  topicA: number;
  topicB: number;
  topicRest: number[] | null;
  feedIdx: number;
  languageId: number;
  stanceIdx: number;
  bucketId: number;
  /** FLAG_DIRECT | FLAG_REVIEWED | FLAG_STARRED. */
  flags: number;
}

export const FLAG_DIRECT = 1, FLAG_REVIEWED = 2, FLAG_STARRED = 4;

/** Every topic id of a prepared statement. */
export function topicIdsOf(p: PreparedStatement): number[] {
  const out: number[] = [];
  if (p.topicA >= 0) out.push(p.topicA);
  if (p.topicB >= 0) out.push(p.topicB);
  if (p.topicRest) out.push(...p.topicRest);
  return out;
}

const cache = new WeakMap<StatementView, PreparedStatement>();

// Statements of one item share their date: remember the last one parsed.
let lastDate: { date: string; time: number; day: string } = { date: '', time: NaN, day: '' };
function dateKeys(date: string): { time: number; day: string } {
  if (date === lastDate.date) return lastDate;
  const time = Date.parse(date);
  const day = Number.isNaN(time) ? String(date ?? '').slice(0, 10) : new Date(time).toISOString().slice(0, 10);
  lastDate = { date, time, day };
  return lastDate;
}

/** The statement's keys, remembered per statement object (for one-off queries over plain lists). */
export function prepareStatement(s: StatementView): PreparedStatement {
  const hit = cache.get(s);
  if (hit) return hit;
  const p = computeKeys(s);
  cache.set(s, p);
  return p;
}

/** The statement's keys, computed afresh (an index that holds them itself needs no cache). */
export function computeKeys(s: StatementView): PreparedStatement {
  const { time, day } = dateKeys(s.date);
  const speaker = s.speaker && s.speaker.trim() ? fold(s.speaker.trim()) : null;
  const org = s.speakerOrg && s.speakerOrg.trim() ? fold(s.speakerOrg.trim()) : null;
  const country = s.aboutCountry ? s.aboutCountry.toUpperCase() : null;
  const language = (s.language ?? '').toLowerCase();
  const topics = [...new Set((s.topics ?? []).map((t) => t.toLowerCase()))];
  const d = dictionaries;
  const topicIds = topics.map((t) => d.topics.id(t, t));
  const p: PreparedStatement = {
    s,
    time,
    day,
    // The context usually contains the quote: searching it once is enough.
    hay: fold([s.context && s.quote && s.context.includes(s.quote) ? null : s.quote, s.speaker, s.speakerRole, s.speakerOrg, s.itemTitle, s.context].filter(Boolean).join('\n')),
    countryId: country ? d.countries.id(country, country) : -1,
    speakerId: speaker ? d.speakers.id(speaker, s.speaker!.trim()) : -1,
    orgId: org ? d.orgs.id(org, s.speakerOrg!.trim()) : -1,
    topicA: topicIds[0] ?? -1,
    topicB: topicIds[1] ?? -1,
    topicRest: topicIds.length > 2 ? topicIds.slice(2) : null,
    feedIdx: d.feeds.id(s.feedId, s.feedId, s.feedTitle || s.feedId),
    languageId: d.languages.id(language, language),
    stanceIdx: STANCE_ORDER.indexOf(s.stance),
    bucketId: d.buckets.id(`${day}|${country ?? ''}|${s.stance}`, `${day}|${country ?? ''}|${s.stance}`),
    flags: (s.direct ? FLAG_DIRECT : 0) | (s.reviewed ? FLAG_REVIEWED : 0) | (s.starred ? FLAG_STARRED : 0),
  };
  return p;
}
