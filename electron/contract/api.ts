// THE API between the renderer and the app: the PollwatchApi interface and the plain-JSON data types it carries.
// Imports nothing. Dates are ISO-8601 strings. Implemented by electron/core/service.ts; carried by IPC (Electron)
// and by HTTP (browser mode), both built from the method list in methods.ts.

export type Stance = 'critical' | 'supportive' | 'defensive' | 'neutral';

export type FeedStatus = 'new' | 'ok' | 'not-modified' | 'error' | 'gone' | 'paused';

export interface FeedHealth {
  lastFetchAt: string | null;
  lastStatus: FeedStatus;
  /** Plain-language reason of the last failure, null when the last fetch worked. */
  lastError: string | null;
  /** Consecutive failures. */
  errorCount: number;
  nextCheckAt: string | null;
  itemCount: number;
}

export interface Feed {
  id: string;
  url: string;
  title: string;
  siteUrl: string | null;
  folderId: string | null;
  paused: boolean;
  addedAt: string;
  health: FeedHealth;
}

export interface Folder {
  id: string;
  name: string;
  parentId: string | null;
}

export interface StatementView {
  /** Stable across re-analysis: review data is keyed by it. */
  id: string;
  itemId: string;
  feedId: string;
  feedTitle: string;
  itemTitle: string | null;
  itemLink: string | null;
  /** When the item was published (or fetched, when the feed gave no usable date: then dateFromFetch is true). */
  date: string;
  dateFromFetch: boolean;
  language: string;
  quote: string;
  start: number;
  end: number;
  direct: boolean;
  speaker: string | null;
  speakerRole: string | null;
  speakerOrg: string | null;
  speakerCountry: string | null;
  aboutCountry: string | null;
  topics: string[];
  stance: Stance;
  confidence: number;
  cue: string | null;
  context: string;
  reviewed: boolean;
  starred: boolean;
  note: string | null;
  /** True when the user corrected speaker, country or stance (the shown values are the corrected ones). */
  corrected: boolean;
}

/** Values chosen per facet; a statement matches when it has one of the chosen values of every field given. */
export interface ValueSelection {
  countries?: string[];
  speakers?: string[];
  orgs?: string[];
  topics?: string[];
  stances?: Stance[];
  feedIds?: string[];
  languages?: string[];
}

export interface StatementFilter extends ValueSelection {
  /** The query language: speaker:"Matthew Miller" country:PK topic:fraud date:2024-02-01/2024-02-29 -stance:neutral free words */
  q?: string;
  folderIds?: string[];
  /** ISO dates (inclusive), YYYY-MM-DD or full ISO. */
  from?: string;
  to?: string;
  direct?: boolean;
  reviewed?: boolean;
  starred?: boolean;
  /** Only statements of election-related items (default false: every statement). */
  electionOnly?: boolean;
  itemId?: string;
  /** Free words, all of which must occur in the quote, speaker, context or item title (case- and accent-insensitive). */
  text?: string;
  /** Values that must NOT match ("-stance:neutral"). */
  exclude?: ValueSelection;
}

export interface StatementPage {
  total: number;
  offset: number;
  statements: StatementView[];
}

export interface FacetValue {
  value: string;
  label: string;
  count: number;
}

export interface Facets {
  countries: FacetValue[];
  speakers: FacetValue[];
  orgs: FacetValue[];
  topics: FacetValue[];
  stances: FacetValue[];
  feeds: FacetValue[];
  languages: FacetValue[];
  direct: FacetValue[];
  review: FacetValue[];
  /** Statements per day (YYYY-MM-DD) and country, for the chart. */
  perDay: { day: string; country: string; stance: Stance; count: number }[];
}

export interface ItemView {
  id: string;
  feedId: string;
  feedTitle: string;
  title: string | null;
  link: string | null;
  author: string | null;
  published: string | null;
  fetchedAt: string;
  language: string;
  electionRelated: boolean;
  relevance: number;
  countries: string[];
  /** The plain text statements' offsets refer to. */
  text: string;
  /** Sanitised HTML (the one DOMPurify wrapper), safe for a sandboxed iframe; null when none. */
  html: string | null;
  fulltextError: string | null;
  statements: StatementView[];
}

export interface AddFeedResult {
  feed: Feed;
  /** The URL the feed was found at when a site URL was given. */
  discoveredFrom: string | null;
}

export interface OpmlEntryReport {
  title: string;
  url: string | null;
  folder: string | null;
  outcome: 'imported' | 'duplicate' | 'refused';
  reason: string | null;
}

export interface OpmlImportReport {
  imported: number;
  duplicates: number;
  refused: number;
  entries: OpmlEntryReport[];
}

export interface SavedSearch {
  id: string;
  name: string;
  filter: StatementFilter;
  notify: boolean;
  createdAt: string;
  /** Number of matching statements when the user last looked. */
  lastSeenCount: number;
}

export interface Settings {
  /** Days to keep items; null keeps everything. Starred and reviewed items are always kept. */
  retentionDays: number | null;
  pollIntervalMinutes: number;
  concurrency: number;
  fetchFullText: boolean;
  startAtLogin: boolean;
  notifications: boolean;
  /** Shown in settings; read-only. */
  dataDir: string;
}

export type ExportFormat = 'csv' | 'json' | 'markdown';

export interface ExportResult {
  filename: string;
  mimeType: string;
  content: string;
}

export interface Correction {
  speaker?: string | null;
  aboutCountry?: string | null;
  stance?: Stance;
}

export interface PollProgress {
  running: boolean;
  done: number;
  total: number;
  newItems: number;
  /** Set while the network is down: polling is paused and says why. */
  offline: boolean;
  message: string | null;
}

export interface StoreProblem {
  file: string;
  movedTo: string;
  error: string;
}

export interface AppStatus {
  version: string;
  mode: 'electron' | 'browser';
  dataDir: string;
  online: boolean;
  poll: PollProgress;
  analysisPending: number;
  storeProblems: StoreProblem[];
  feedCount: number;
  itemCount: number;
  statementCount: number;
}

export type PollwatchEvent =
  | { type: 'poll-progress'; progress: PollProgress }
  | { type: 'new-statements'; count: number; savedSearchMatches: { id: string; name: string; count: number; firstStatementId: string | null }[] }
  | { type: 'online'; online: boolean }
  | { type: 'feeds-changed' }
  | { type: 'analysis-progress'; pending: number };

/** Every error that crosses a transport has this shape. */
export interface ApiErrorShape {
  code: 'bad-argument' | 'not-found' | 'unknown-method' | 'forbidden' | 'failed';
  message: string;
}

export interface PollwatchApi {
  status(): Promise<AppStatus>;

  listFeeds(): Promise<Feed[]>;
  listFolders(): Promise<Folder[]>;
  addFeed(url: string, folderId?: string | null): Promise<AddFeedResult>;
  removeFeed(feedId: string): Promise<void>;
  renameFeed(feedId: string, title: string): Promise<Feed>;
  moveFeed(feedId: string, folderId: string | null): Promise<Feed>;
  pauseFeed(feedId: string, paused: boolean): Promise<Feed>;
  refreshNow(feedId?: string | null): Promise<PollProgress>;
  addFolder(name: string, parentId?: string | null): Promise<Folder>;
  renameFolder(folderId: string, name: string): Promise<Folder>;
  removeFolder(folderId: string): Promise<void>;
  importOpml(opml: string): Promise<OpmlImportReport>;
  exportOpml(): Promise<string>;
  starterFeeds(): Promise<string>;

  queryStatements(filter: StatementFilter, offset: number, limit: number): Promise<StatementPage>;
  facets(filter: StatementFilter): Promise<Facets>;
  getItem(itemId: string): Promise<ItemView>;
  listItems(filter: { feedId?: string | null; since?: string | null }, offset: number, limit: number): Promise<{ total: number; items: Omit<ItemView, 'text' | 'html' | 'statements'>[] }>;

  setReviewed(statementId: string, reviewed: boolean): Promise<StatementView>;
  setStarred(statementId: string, starred: boolean): Promise<StatementView>;
  setNote(statementId: string, note: string | null): Promise<StatementView>;
  correct(statementId: string, correction: Correction): Promise<StatementView>;

  listSavedSearches(): Promise<SavedSearch[]>;
  saveSearch(name: string, filter: StatementFilter, notify: boolean): Promise<SavedSearch>;
  deleteSavedSearch(id: string): Promise<void>;
  markSavedSearchSeen(id: string): Promise<SavedSearch>;

  exportStatements(filter: StatementFilter, format: ExportFormat): Promise<ExportResult>;

  getSettings(): Promise<Settings>;
  updateSettings(patch: Partial<Omit<Settings, 'dataDir'>>): Promise<Settings>;
}

export type MethodName = keyof PollwatchApi;

/** What the renderer sees as `window.pollwatch` (Electron preload) or builds over HTTP (browser mode). */
export interface PollwatchBridge extends PollwatchApi {
  /** Subscribes to app events; returns the unsubscribe function. */
  onEvent(listener: (event: PollwatchEvent) => void): () => void;
}
