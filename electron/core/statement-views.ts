// Turns an item's stored analysis into the statements the timeline shows: stable statement ids, the user's review
// data and corrections applied, and review data carried over when re-analysis moves a statement slightly.
import { createHash } from 'node:crypto';
import type { StatementView } from '../contract/api.js';
import type { Statement } from './analysis/types.js';
import type { FeedRecord, ItemMeta, ReviewRecord, StoredAnalysis } from './store/types.js';

const fold = (s: string): string => s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
const tokens = (s: string): string[] => fold(s).match(/[\p{L}\p{N}]+/gu) ?? [];

/** Ids depend on the item and the statement's words (and which repetition it is), not on offsets. */
export function statementIds(itemId: string, statements: Pick<Statement, 'quote'>[]): string[] {
  const seen = new Map<string, number>();
  return statements.map((s) => {
    const key = tokens(s.quote).join(' ');
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return `${itemId}.${createHash('sha256').update(`${key}#${n}`).digest('hex').slice(0, 12)}`;
  });
}

export function itemIdOfStatement(statementId: string): string {
  return statementId.split('.')[0]!;
}

/** Token-overlap F1 of two quotes (0..1). */
export function overlap(a: string, b: string): number {
  const ta = tokens(a), tb = tokens(b);
  if (!ta.length || !tb.length) return 0;
  const counts = new Map<string, number>();
  for (const t of ta) counts.set(t, (counts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of tb) { const c = counts.get(t) ?? 0; if (c > 0) { common++; counts.set(t, c - 1); } }
  if (!common) return 0;
  const p = common / tb.length, r = common / ta.length;
  return (2 * p * r) / (p + r);
}

/**
 * After re-analysis: review records of statements whose id disappeared are carried to the new statement of the same
 * item with the best overlap (≥ 0.5). Returns [oldId, newId] pairs to copy.
 */
export function carryOverReviews(itemId: string, previous: StoredAnalysis | undefined, next: StoredAnalysis, reviews: Map<string, ReviewRecord>): [string, string][] {
  if (!previous) return [];
  const oldIds = statementIds(itemId, previous.statements);
  const newIds = statementIds(itemId, next.statements);
  const newSet = new Set(newIds);
  const taken = new Set<string>();
  const moves: [string, string][] = [];
  oldIds.forEach((oldId, i) => {
    if (!reviews.has(oldId) || newSet.has(oldId)) return;
    let best = -1, bestScore = 0.5;
    next.statements.forEach((s, j) => {
      if (taken.has(newIds[j]!) || reviews.has(newIds[j]!)) return;
      const score = overlap(previous.statements[i]!.quote, s.quote);
      if (score >= bestScore) { best = j; bestScore = score; }
    });
    if (best >= 0) { taken.add(newIds[best]!); moves.push([oldId, newIds[best]!]); }
  });
  return moves;
}

export function buildStatementViews(meta: ItemMeta, feed: FeedRecord | undefined, analysis: StoredAnalysis, reviews: Map<string, ReviewRecord>): StatementView[] {
  const ids = statementIds(meta.id, analysis.statements);
  return analysis.statements.map((s, i) => {
    const id = ids[i]!;
    const review = reviews.get(id);
    const c = review?.correction ?? null;
    return {
      id,
      itemId: meta.id,
      feedId: meta.feedId,
      feedTitle: feed ? (feed.customTitle ?? feed.title) : '',
      itemTitle: meta.title,
      itemLink: meta.link,
      date: meta.sortDate,
      dateFromFetch: meta.dateFromFetch,
      language: analysis.language,
      quote: s.quote,
      start: s.start,
      end: s.end,
      direct: s.direct,
      speaker: c && c.speaker !== undefined ? c.speaker : s.speaker,
      speakerRole: s.speakerRole,
      speakerOrg: s.speakerOrg,
      speakerCountry: s.speakerCountry,
      aboutCountry: c && c.aboutCountry !== undefined ? c.aboutCountry : s.aboutCountry,
      topics: s.topics,
      stance: c?.stance ?? s.stance,
      confidence: s.confidence,
      cue: s.cue,
      context: s.context,
      reviewed: review?.reviewed ?? false,
      starred: review?.starred ?? false,
      note: review?.note ?? null,
      corrected: !!c && (c.speaker !== undefined || c.aboutCountry !== undefined || c.stance !== undefined),
    };
  });
}
