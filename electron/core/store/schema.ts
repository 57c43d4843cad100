// Schema versions of the store's files, the checks that read them and the migrations that bring an older main file
// up to date. A file from a newer schema is refused (NewerSchemaError), never rewritten.
import type { SavedSearch } from '../../contract/api.js';
import { NewerSchemaError, StoreFormatError } from './json-file.js';
import type { FeedRecord, FolderRecord, ItemMeta, ReviewRecord, SettingsRecord, FullText } from './types.js';
import type { Enclosure } from '../feeds/types.js';
import { decodeAnalysis, decodeItem, type AnalysisCore, type StringPool } from './codec.js';

/** The main file (settings, feeds, folders, saved searches). 1 → 2: feeds gained ttlMinutes, retryAfter, health.lastNewItems. */
export const MAIN_SCHEMA = 2;
/** The reviews file and the item shards. */
export const SHARD_SCHEMA = 1;

export interface MainData {
  schemaVersion: number;
  settings: SettingsRecord;
  feeds: FeedRecord[];
  folders: FolderRecord[];
  savedSearches: SavedSearch[];
}

export interface ReviewsData {
  schemaVersion: number;
  reviews: Record<string, ReviewRecord>;
}

export type { AnalysisCore };

/** What loads at start for a group of items: their metadata and analyses (stored compactly, see codec.ts). */
export interface MetaShardData {
  schemaVersion: number;
  items: ItemMeta[];
  /** analyses[i] belongs to items[i]. */
  analyses: (AnalysisCore | undefined)[];
}

export interface ItemBody {
  summary: string | null;
  content: string | null;
  enclosures: Enclosure[];
  fulltext: FullText | null;
  /** The plain text the item's analysis offsets refer to; null when not analysed. */
  analysisText: string | null;
}

/** What loads when an item is opened. */
export interface BodyShardData {
  schemaVersion: number;
  bodies: Record<string, ItemBody>;
}

export const DEFAULT_SETTINGS: SettingsRecord = {
  retentionDays: null,
  pollIntervalMinutes: 15,
  concurrency: 8,
  fetchFullText: true,
  startAtLogin: false,
  notifications: true,
};

export function emptyMain(): MainData {
  return { schemaVersion: MAIN_SCHEMA, settings: { ...DEFAULT_SETTINGS }, feeds: [], folders: [], savedSearches: [] };
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Each step takes the data of schema N and returns schema N + 1. */
export const MAIN_MIGRATIONS: Record<number, (d: Json) => Json> = {
  1: (d) => ({
    ...d,
    schemaVersion: 2,
    feeds: (Array.isArray(d.feeds) ? d.feeds : []).map((f: unknown) => {
      if (!isObject(f)) return f;
      const health = isObject(f.health) ? f.health : {};
      return { ttlMinutes: null, retryAfter: null, ...f, health: { lastNewItems: 0, ...health } };
    }),
  }),
};

function versionOf(raw: Json, file: string, known: number): number {
  const v = raw.schemaVersion;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) throw new StoreFormatError('no valid schemaVersion');
  if (v > known) throw new NewerSchemaError(file, v, known);
  return v;
}

/** Checks the main file and migrates it; `migratedFrom` is the version it had when older than MAIN_SCHEMA. */
export function checkMain(raw: unknown, file: string): { data: MainData; migratedFrom: number | null } {
  if (!isObject(raw)) throw new StoreFormatError('not a JSON object');
  let d = raw;
  const from = versionOf(d, file, MAIN_SCHEMA);
  for (let v = from; v < MAIN_SCHEMA; v++) {
    const step = MAIN_MIGRATIONS[v];
    if (!step) throw new StoreFormatError(`no migration from schema ${v}`);
    d = step(d);
  }
  const feeds = d.feeds ?? [];
  const folders = d.folders ?? [];
  const savedSearches = d.savedSearches ?? [];
  if (!Array.isArray(feeds) || !feeds.every((f) => isObject(f) && typeof f.id === 'string' && typeof f.url === 'string' && isObject(f.health))) {
    throw new StoreFormatError('feeds are not a list of feeds');
  }
  if (!Array.isArray(folders) || !folders.every((f) => isObject(f) && typeof f.id === 'string' && typeof f.name === 'string')) {
    throw new StoreFormatError('folders are not a list of folders');
  }
  if (!Array.isArray(savedSearches) || !savedSearches.every((s) => isObject(s) && typeof s.id === 'string')) {
    throw new StoreFormatError('saved searches are not a list');
  }
  const settings = isObject(d.settings) ? d.settings : {};
  return {
    data: {
      schemaVersion: MAIN_SCHEMA,
      settings: { ...DEFAULT_SETTINGS, ...(settings as Partial<SettingsRecord>) },
      feeds: feeds as FeedRecord[],
      folders: folders as FolderRecord[],
      savedSearches: savedSearches as SavedSearch[],
    },
    migratedFrom: from < MAIN_SCHEMA ? from : null,
  };
}

export function checkReviews(raw: unknown, file: string): ReviewsData {
  if (!isObject(raw)) throw new StoreFormatError('not a JSON object');
  versionOf(raw, file, SHARD_SCHEMA);
  if (!isObject(raw.reviews)) throw new StoreFormatError('no reviews object');
  return { schemaVersion: SHARD_SCHEMA, reviews: raw.reviews as Record<string, ReviewRecord> };
}

/** Reads a meta shard in its compact form (codec.ts), sharing repeated strings through `pool`. */
export function checkMetaShard(pool: StringPool): (raw: unknown, file: string) => MetaShardData {
  return (raw, file) => {
    if (!isObject(raw)) throw new StoreFormatError('not a JSON object');
    versionOf(raw, file, SHARD_SCHEMA);
    const { items, analyses } = raw;
    if (!Array.isArray(items)) throw new StoreFormatError('items are not a list');
    if (!Array.isArray(analyses) || analyses.length !== items.length) throw new StoreFormatError('analyses do not match the items');
    const decoded = analyses.map((a) => (a === 0 ? undefined : decodeAnalysis(a, pool)));
    return { schemaVersion: SHARD_SCHEMA, items: items.map((r) => decodeItem(r, pool)), analyses: decoded };
  };
}

export function checkBodyShard(raw: unknown, file: string): BodyShardData {
  if (!isObject(raw)) throw new StoreFormatError('not a JSON object');
  versionOf(raw, file, SHARD_SCHEMA);
  if (!isObject(raw.bodies)) throw new StoreFormatError('no bodies object');
  return { schemaVersion: SHARD_SCHEMA, bodies: raw.bodies as Record<string, ItemBody> };
}
