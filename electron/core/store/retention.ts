// The retention rule: with "keep N days", items whose date (sortDate) is older than N days go, except items with a
// starred or reviewed statement. With retention off (null) everything stays.
import { itemIdOfStatement } from './ids.js';
import type { ItemMeta, ReviewRecord } from './types.js';

export function itemsKeptByReviews(reviews: Iterable<[string, ReviewRecord]>): Set<string> {
  const kept = new Set<string>();
  for (const [statementId, r] of reviews) if (r.starred || r.reviewed) kept.add(itemIdOfStatement(statementId));
  return kept;
}

export function expiredItems(items: Iterable<ItemMeta>, retentionDays: number | null, now: Date, kept: Set<string>): string[] {
  if (retentionDays === null || !(retentionDays >= 0)) return [];
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
  const out: string[] = [];
  for (const m of items) if (m.sortDate < cutoff && !kept.has(m.id)) out.push(m.id);
  return out;
}
