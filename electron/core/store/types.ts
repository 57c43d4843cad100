// The records the local store keeps: settings, feeds (with health), folders, items (metadata, body, full text),
// analyses and the user's reviews. Plain data; the layout on disk is described in store.ts.
import type { NormalisedItem } from '../feeds/types.js';
import type { ItemAnalysis } from '../analysis/types.js';
import type { FeedHealth, Settings, SavedSearch, Correction, StoreProblem } from '../../contract/api.js';

export type { SavedSearch, StoreProblem };

/** The health the UI shows (FeedHealth), plus how many new items the last fetch brought. */
export interface FeedHealthRecord extends FeedHealth {
  lastNewItems: number;
}

export interface FeedRecord {
  id: string;
  url: string;
  title: string;
  customTitle: string | null;
  siteUrl: string | null;
  description: string | null;
  language: string | null;
  folderId: string | null;
  paused: boolean;
  addedAt: string;
  etag: string | null;
  lastModified: string | null;
  ttlMinutes: number | null;
  retryAfter: string | null;
  health: FeedHealthRecord;
}

export interface FolderRecord {
  id: string;
  name: string;
  parentId: string | null;
}

/** Defaults: retentionDays null, pollIntervalMinutes 15, concurrency 8, fetchFullText true, startAtLogin false, notifications true. */
export type SettingsRecord = Omit<Settings, 'dataDir'>;

export interface ReviewRecord {
  reviewed: boolean;
  starred: boolean;
  note: string | null;
  correction: Correction | null;
  updatedAt: string;
}

export interface ItemMeta {
  id: string;
  feedId: string;
  identity: string;
  contentHash: string;
  guid: string | null;
  title: string | null;
  link: string | null;
  author: string | null;
  published: string | null;
  updated: string | null;
  fetchedAt: string;
  /** published ?? fetchedAt, as a UTC ISO string (so it sorts as text). */
  sortDate: string;
  /** true when the feed gave no usable date and sortDate is the fetch time. */
  dateFromFetch: boolean;
  categories: string[];
}

export interface FullText {
  text: string | null;
  html: string | null;
  fetchedAt: string;
  error: string | null;
}

export interface StoredItem extends ItemMeta {
  summary: string | null;
  content: string | null;
  enclosures: NormalisedItem['enclosures'];
  fulltext: FullText | null;
}

export interface StoredAnalysis extends ItemAnalysis {
  version: number;
  analysedAt: string;
  /** The plain text offsets refer to. */
  text: string;
}
