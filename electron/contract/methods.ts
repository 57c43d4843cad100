// The list of API method names. Preload, IPC handlers, the HTTP server and the HTTP client are all built from it.
import type { MethodName } from './api.js';

export const METHODS = [
  'status',
  'listFeeds', 'listFolders', 'addFeed', 'removeFeed', 'renameFeed', 'moveFeed', 'pauseFeed', 'refreshNow',
  'addFolder', 'renameFolder', 'removeFolder', 'importOpml', 'exportOpml', 'starterFeeds',
  'queryStatements', 'facets', 'getItem', 'listItems',
  'setReviewed', 'setStarred', 'setNote', 'correct',
  'listSavedSearches', 'saveSearch', 'deleteSavedSearch', 'markSavedSearchSeen',
  'exportStatements',
  'getSettings', 'updateSettings',
] as const satisfies readonly MethodName[];

// Compile-time check that the list names every method exactly: a method missing here is a type error.
type Missing = Exclude<MethodName, (typeof METHODS)[number]>;
const _allListed: Missing extends never ? true : Missing = true;
void _allListed;

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && (METHODS as readonly string[]).includes(name);
}

/** IPC channel for a method, and the one channel events arrive on. */
export const channelOf = (m: MethodName): string => `pollwatch:${m}`;
export const EVENT_CHANNEL = 'pollwatch:event';
