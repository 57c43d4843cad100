// The parser worker pool runs jobs off the main thread, reuses its workers, and starts afresh after being closed.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ParsePool } from '../../../electron/core/feeds/parse-pool.js';

// The pool resolves parse-worker next to the module URL it is given (the .ts sources under test).
const parseModule = pathToFileURL(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../electron/core/feeds/parse.ts')).href;
const feed = (n: number): Uint8Array => new TextEncoder().encode(`<rss version="2.0"><channel><title>Feed ${n}</title><item><title>i${n}</title></item></channel></rss>`);

describe('ParsePool', () => {
  it('answers concurrent jobs in a worker, each with its own result', async () => {
    const pool = new ParsePool(parseModule, 2);
    try {
      const results = await Promise.all([1, 2, 3, 4, 5].map((n) => pool.run(feed(n), { baseUrl: null })));
      expect(results.map((f) => f.title)).toEqual(['Feed 1', 'Feed 2', 'Feed 3', 'Feed 4', 'Feed 5']);
      expect(results[2]!.items[0]!.title).toBe('i3');
    } finally {
      await pool.close();
    }
  });

  it('starts a new worker when used after close()', async () => {
    const pool = new ParsePool(parseModule, 1);
    try {
      expect((await pool.run(feed(1), {})).title).toBe('Feed 1');
      await pool.close();
      expect((await pool.run(feed(2), {})).title).toBe('Feed 2');
    } finally {
      await pool.close();
    }
  });
});
