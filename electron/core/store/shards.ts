// Where items live on disk: one shard per publication day (UTC, by sortDate), split into segments of at most
// SHARD_CAPACITY items, each segment a pair of lowdb files in items/: `<day>.<n>.meta.json` (metadata + analyses,
// read at start) and `<day>.<n>.body.json` (summary, content, enclosures, full text, analysis text; read when an item
// is opened). Why this shape: a poll's new items are almost all "today", so storing them rewrites today's last
// segment and adds new ones — a few small files whatever the size of the archive; the capacity bounds every write
// even on a busy day; keeping bodies out of the meta files keeps the start-up read small; and retention by age
// deletes whole old files.
import path from 'node:path';

export const ITEMS_DIR = 'items';
export const SHARD_CAPACITY = 250;

export type ShardFileKind = 'meta' | 'body';

export function dayOf(sortDate: string): string {
  return sortDate.slice(0, 10);
}

export function shardKey(day: string, segment: number): string {
  return `${day}.${segment}`;
}

export function shardFile(dataDir: string, key: string, kind: ShardFileKind): string {
  return path.join(dataDir, ITEMS_DIR, `${key}.${kind}.json`);
}

const NAME = /^(\d{4}-\d{2}-\d{2})\.(\d+)\.(meta|body)\.json(\.corrupt-.*)?$/;

/** Recognises shard file names, also quarantined ones (so their segment numbers are never reused). */
export function parseShardFileName(name: string): { day: string; segment: number; kind: ShardFileKind; quarantined: boolean } | null {
  const m = NAME.exec(name);
  if (!m) return null;
  return { day: m[1]!, segment: Number(m[2]), kind: m[3] as ShardFileKind, quarantined: !!m[4] };
}
