// Runtime checks of every argument that crosses a transport (IPC or HTTP): one zod tuple per API method.
import { z } from 'zod';
import type { ApiErrorShape, MethodName, PollwatchApi } from './api.js';
import { isMethodName } from './methods.js';

const id = z.string().min(1).max(200);
const shortText = z.string().max(2000);
const stance = z.enum(['critical', 'supportive', 'defensive', 'neutral']);
const isoDate = z.string().max(40).regex(/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, 'expected an ISO date');
const strList = z.array(z.string().max(300)).max(500);
const feedUrl = z.string().trim().min(1).max(4000);

/** The per-facet value lists (ValueSelection), used for chosen and for excluded values. */
const valueSelection = {
  countries: strList.optional(),
  speakers: strList.optional(),
  orgs: strList.optional(),
  topics: strList.optional(),
  stances: z.array(stance).max(4).optional(),
  feedIds: strList.optional(),
  languages: strList.optional(),
};

export const statementFilter = z.object({
  q: z.string().max(4000).optional(),
  ...valueSelection,
  folderIds: strList.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  direct: z.boolean().optional(),
  reviewed: z.boolean().optional(),
  starred: z.boolean().optional(),
  electionOnly: z.boolean().optional(),
  itemId: id.optional(),
  text: z.string().max(2000).optional(),
  exclude: z.object(valueSelection).strict().optional(),
}).strict();

const offset = z.number().int().min(0).max(10_000_000);
const limit = z.number().int().min(1).max(5000);

const settingsPatch = z.object({
  retentionDays: z.number().int().min(1).max(36500).nullable().optional(),
  pollIntervalMinutes: z.number().int().min(1).max(7 * 24 * 60).optional(),
  concurrency: z.number().int().min(1).max(64).optional(),
  fetchFullText: z.boolean().optional(),
  startAtLogin: z.boolean().optional(),
  notifications: z.boolean().optional(),
}).strict();

const correction = z.object({
  speaker: z.string().max(300).nullable().optional(),
  aboutCountry: z.string().regex(/^[A-Z]{2}$/).nullable().optional(),
  stance: stance.optional(),
}).strict();

/** Argument tuples, one per method. */
export const ARGS = {
  status: z.tuple([]),
  listFeeds: z.tuple([]),
  listFolders: z.tuple([]),
  addFeed: z.tuple([feedUrl, id.nullable().optional()]),
  removeFeed: z.tuple([id]),
  renameFeed: z.tuple([id, z.string().trim().min(1).max(500)]),
  moveFeed: z.tuple([id, id.nullable()]),
  pauseFeed: z.tuple([id, z.boolean()]),
  refreshNow: z.tuple([id.nullable().optional()]),
  addFolder: z.tuple([z.string().trim().min(1).max(300), id.nullable().optional()]),
  renameFolder: z.tuple([id, z.string().trim().min(1).max(300)]),
  removeFolder: z.tuple([id]),
  importOpml: z.tuple([z.string().max(20 * 1024 * 1024)]),
  exportOpml: z.tuple([]),
  starterFeeds: z.tuple([]),
  queryStatements: z.tuple([statementFilter, offset, limit]),
  facets: z.tuple([statementFilter]),
  getItem: z.tuple([id]),
  listItems: z.tuple([z.object({ feedId: id.nullable().optional(), since: isoDate.nullable().optional() }).strict(), offset, limit]),
  setReviewed: z.tuple([id, z.boolean()]),
  setStarred: z.tuple([id, z.boolean()]),
  setNote: z.tuple([id, shortText.nullable()]),
  correct: z.tuple([id, correction]),
  listSavedSearches: z.tuple([]),
  saveSearch: z.tuple([z.string().trim().min(1).max(200), statementFilter, z.boolean()]),
  deleteSavedSearch: z.tuple([id]),
  markSavedSearchSeen: z.tuple([id]),
  exportStatements: z.tuple([statementFilter, z.enum(['csv', 'json', 'markdown'])]),
  getSettings: z.tuple([]),
  updateSettings: z.tuple([settingsPatch]),
} satisfies Record<MethodName, z.ZodType>;

/** A typed error that crosses transports as { code, message }. */
export class ApiError extends Error {
  constructor(public readonly code: ApiErrorShape['code'], message: string) {
    super(message);
    this.name = 'ApiError';
  }
  toJSON(): ApiErrorShape { return { code: this.code, message: this.message }; }
}

/**
 * Checks a method name and its arguments; returns the typed arguments or throws ApiError('bad-argument' | 'unknown-method').
 * Missing trailing optional arguments are accepted.
 */
export function validateCall<M extends MethodName>(method: unknown, args: unknown): { method: M; args: Parameters<PollwatchApi[M]> } {
  if (!isMethodName(method)) throw new ApiError('unknown-method', `unknown method ${JSON.stringify(String(method)).slice(0, 80)}`);
  if (!Array.isArray(args)) throw new ApiError('bad-argument', `${method}: arguments must be an array`);
  const schema = ARGS[method] as z.ZodTuple;
  const items = (schema.def.items as readonly z.ZodType[]);
  if (args.length > items.length) throw new ApiError('bad-argument', `${method}: expected at most ${items.length} arguments, got ${args.length}`);
  const padded = [...args];
  while (padded.length < items.length) padded.push(undefined);
  const res = schema.safeParse(padded);
  if (!res.success) {
    const first = res.error.issues[0];
    const where = first?.path.length ? ` (argument ${first.path.join('.')})` : '';
    throw new ApiError('bad-argument', `${method}: ${first?.message ?? 'invalid arguments'}${where}`);
  }
  return { method: method as M, args: res.data as unknown as Parameters<PollwatchApi[M]> };
}

/** Turns anything thrown by the service into the error shape a transport sends. */
export function toErrorShape(err: unknown): ApiErrorShape {
  if (err instanceof ApiError) return err.toJSON();
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'failed', message: message.split('\n')[0]!.slice(0, 500) };
}
