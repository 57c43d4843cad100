// The pool of worker threads that parse large feed bodies off the main thread (see ../worker-pool.ts).
import { WorkerPool } from '../worker-pool.js';
import type { NormalisedFeed } from './types.js';

/** What the worker needs besides the bytes (the same as parse.ts's ParseOptions). */
interface ParseOptions { contentType?: string | null; baseUrl?: string | null }

/** Heap limit of one parser worker: a hostile body makes the worker fail, never the app. */
const WORKER_HEAP_MB = 512;

export class ParsePool {
  private readonly pool: WorkerPool<{ bytes: Uint8Array; opts: ParseOptions }, NormalisedFeed>;

  /** moduleUrl: the URL of a module in this folder (parse.ts / parse.js), next to which parse-worker lives. */
  constructor(moduleUrl: string, size: number) {
    this.pool = new WorkerPool(moduleUrl, 'parse-worker', size, WORKER_HEAP_MB);
  }

  run(bytes: Uint8Array, opts: ParseOptions): Promise<NormalisedFeed> {
    return this.pool.run({ bytes, opts });
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
