// Schema versions of the store: an older main file is migrated (and its original kept), a file from a newer
// Pollwatch is refused and left untouched.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { MAIN_SCHEMA } from '../../../electron/core/store/schema.js';
import { NewerSchemaError, Store } from '../../../electron/core/store/store.js';

let dir: string;
beforeEach(async () => { dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pollwatch-schema-')); });
afterEach(async () => { await fs.rm(dir, { recursive: true, force: true }); });

const v1 = {
  schemaVersion: 1,
  settings: { retentionDays: 90, pollIntervalMinutes: 30, concurrency: 4, fetchFullText: false, startAtLogin: false, notifications: true },
  feeds: [{
    id: 'f1', url: 'https://a.example/feed', title: 'A', customTitle: null, siteUrl: null, description: null, language: 'en',
    folderId: null, paused: false, addedAt: '2024-01-01T00:00:00.000Z', etag: '"x"', lastModified: null,
    health: { lastFetchAt: null, lastStatus: 'ok', lastError: null, errorCount: 0, nextCheckAt: null, itemCount: 3 },
  }],
  folders: [],
  savedSearches: [],
};

it('migrates a version 1 file: feeds get ttlMinutes, retryAfter and lastNewItems; the old file is kept', async () => {
  const text = JSON.stringify(v1);
  await fs.writeFile(path.join(dir, 'pollwatch.json'), text);
  const store = await Store.open(dir);
  expect(store.problems).toEqual([]);
  expect(store.getFeed('f1')).toMatchObject({ etag: '"x"', ttlMinutes: null, retryAfter: null, health: { itemCount: 3, lastNewItems: 0 } });
  expect(store.getSettings()).toMatchObject({ retentionDays: 90, pollIntervalMinutes: 30 });
  await store.close();
  const written = JSON.parse(await fs.readFile(path.join(dir, 'pollwatch.json'), 'utf8')) as { schemaVersion: number; feeds: { ttlMinutes: unknown }[] };
  expect(written.schemaVersion).toBe(MAIN_SCHEMA);
  expect(written.feeds[0]).toHaveProperty('ttlMinutes', null);
  expect(await fs.readFile(path.join(dir, 'pollwatch.json.v1-backup'), 'utf8')).toBe(text);
});

it('refuses a main file from a newer schema and leaves it untouched', async () => {
  const file = path.join(dir, 'pollwatch.json');
  const text = JSON.stringify({ ...v1, schemaVersion: MAIN_SCHEMA + 1, somethingNew: true });
  await fs.writeFile(file, text);
  const before = await fs.stat(file);
  const err = await Store.open(dir).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(NewerSchemaError);
  expect((err as Error).message).toMatch(/newer version of Pollwatch/);
  expect(await fs.readFile(file, 'utf8')).toBe(text);
  expect((await fs.stat(file)).mtimeMs).toBe(before.mtimeMs);
  expect((await fs.readdir(dir)).filter((f) => f.includes('corrupt'))).toEqual([]);
});

it('refuses an item shard from a newer schema', async () => {
  const store = await Store.open(dir);
  await store.close();
  const shard = path.join(dir, 'items', '2024-01-01.0.meta.json');
  await fs.writeFile(shard, JSON.stringify({ schemaVersion: 99, items: [] }));
  await expect(Store.open(dir)).rejects.toBeInstanceOf(NewerSchemaError);
  expect(await fs.readFile(shard, 'utf8')).toBe(JSON.stringify({ schemaVersion: 99, items: [] }));
});
