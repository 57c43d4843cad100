// One lowdb file of the store: reading it (a file that fails to parse or has the wrong shape is moved aside, kept and
// reported — never silently replaced) and writing it atomically, serialised and coalesced. lowdb's node adapter writes
// through steno, which writes `.<name>.tmp` beside the file and then renames it over the file, so a crash leaves the
// old or the new file, never a torn one. Each file has ONE writer (one queue); every save() made while a write is
// waiting to start shares that write, and the data is taken (stringified) when the write starts, so it is the newest.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { Low, LowSync } from 'lowdb';
import { DataFile, DataFileSync } from 'lowdb/node';
import type { StoreProblem } from '../../contract/api.js';

/** The file parsed but is not what the store wrote (wrong shape): it is quarantined like a truncated one. */
export class StoreFormatError extends Error {}

/** A file written by a newer Pollwatch (a schema this version does not know): it is left untouched and the store refuses to open. */
export class NewerSchemaError extends Error {
  constructor(readonly file: string, readonly found: number, readonly known: number) {
    super(`${file} was written by a newer version of Pollwatch (schema ${found}; this version knows up to ${known}). ` +
      'It was left untouched. Update Pollwatch, or open another data directory.');
    this.name = 'NewerSchemaError';
  }
}

/** Turns parsed JSON into the checked data, or throws StoreFormatError (quarantine) or NewerSchemaError (refuse). */
export type Check<T> = (raw: unknown, file: string) => T;

const stamp = (): string => new Date().toISOString().replace(/[:.]/g, '-');

function freeQuarantineName(file: string): string {
  const base = `${file}.corrupt-${stamp()}`;
  let name = base;
  for (let n = 2; fs.existsSync(name); n++) name = `${base}-${n}`;
  return name;
}

const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 300);

/** Renames a bad file to `<name>.corrupt-<timestamp>` (a name no later write uses) and says what happened. */
export async function quarantine(file: string, err: unknown): Promise<StoreProblem> {
  const movedTo = freeQuarantineName(file);
  await fsp.rename(file, movedTo);
  return { file, movedTo, error: errorText(err) };
}

export function quarantineSync(file: string, err: unknown): StoreProblem {
  const movedTo = freeQuarantineName(file);
  fs.renameSync(file, movedTo);
  return { file, movedTo, error: errorText(err) };
}

const isGone = (err: unknown): boolean => (err as { code?: unknown })?.code === 'ENOENT';

const compact = { parse: (s: string): unknown => JSON.parse(s), stringify: (d: unknown): string => JSON.stringify(d) };
const pretty = { parse: compact.parse, stringify: (d: unknown): string => JSON.stringify(d, null, 2) + '\n' };

/** What a read came to: checked data, or the error that decides between quarantine (bad file) and giving up. */
function checked<T>(data: unknown, file: string, check: Check<T>): T | null {
  if (data === null) {
    // lowdb treats a missing file as "no data"; an empty file parses as an error below, but "null" or "0" would not.
    if (!fs.existsSync(file)) return null;
    throw new StoreFormatError('the file holds no data');
  }
  return check(data, file);
}

/** A file that does not parse or has the wrong shape is quarantined; a newer schema or an I/O error is thrown. */
function isBadFile(err: unknown): boolean {
  if (err instanceof NewerSchemaError) return false;
  return err instanceof SyntaxError || err instanceof StoreFormatError;
}

/** Reads and checks a file; null when it does not exist or was quarantined (then a problem is pushed). */
export async function readJsonFile<T>(file: string, check: Check<T>, problems: StoreProblem[]): Promise<T | null> {
  const db = new Low<unknown>(new DataFile<unknown>(file, compact), null);
  try {
    await db.read();
    return checked(db.data, file, check);
  } catch (err) {
    if (!isBadFile(err)) throw err;
    try {
      problems.push(await quarantine(file, err));
    } catch (moveErr) {
      if (!isGone(moveErr)) throw moveErr; // already moved aside by another reader
    }
    return null;
  }
}

/** The same, synchronously (an item's body read on first use). */
export function readJsonFileSync<T>(file: string, check: Check<T>, problems: StoreProblem[]): T | null {
  const db = new LowSync<unknown>(new DataFileSync<unknown>(file, compact), null);
  try {
    db.read();
    return checked(db.data, file, check);
  } catch (err) {
    if (!isBadFile(err)) throw err;
    try {
      problems.push(quarantineSync(file, err));
    } catch (moveErr) {
      if (!isGone(moveErr)) throw moveErr;
    }
    return null;
  }
}

/** What the store needs of any of its files' writers, whatever the data type. */
export interface FileWriter {
  readonly path: string;
  readonly writes: number;
  save(): Promise<void>;
  settled(): Promise<void>;
}

/** The single writer of one file. `snapshot` returns the data to write, read at the moment the write starts. */
export class JsonFile<T> implements FileWriter {
  private readonly db: Low<T | null>;
  private waiting: Promise<void> | null = null;
  private tail: Promise<void> = Promise.resolve();
  private pending = 0;
  /** How many times the file was written (for tests and benchmarks). */
  writes = 0;
  private lastWriteAt = 0;
  private lastWriteMs = 0;
  /** The longest pause between two writes of one file. */
  static MAX_PAUSE_MS = 250;

  constructor(readonly path: string, private readonly snapshot: () => T, options: { pretty?: boolean } = {}) {
    this.db = new Low<T | null>(new DataFile<T | null>(path, (options.pretty ? pretty : compact) as { parse: (s: string) => T | null; stringify: (d: T | null) => string }), null);
  }

  /** true while a write is waiting or running. */
  get busy(): boolean {
    return this.pending > 0;
  }

  /**
   * Writes the file soon; resolves once data at least as new as the call is on disk. Between two writes of a file
   * there is a pause of a few times the last write's duration (at most MAX_PAUSE_MS), so a burst of saves into a big
   * file (a poll storing hundreds of feeds into the same day's shard) becomes a few writes instead of one per feed,
   * while a small file (feed health) is written at once.
   */
  save(): Promise<void> {
    if (this.waiting) return this.waiting;
    let run: Promise<void> | null = null;
    run = this.enqueue(async () => {
      const wait = this.lastWriteAt + Math.min(JsonFile.MAX_PAUSE_MS, 3 * this.lastWriteMs) - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      if (this.waiting === run) this.waiting = null;
      const started = Date.now();
      this.db.data = this.snapshot();
      await this.db.write();
      this.db.data = null;
      this.writes++;
      this.lastWriteAt = Date.now();
      this.lastWriteMs = this.lastWriteAt - started;
    });
    this.waiting = run;
    return run;
  }

  /** Deletes the file after the writes queued before it. */
  remove(): Promise<void> {
    this.waiting = null;
    return this.enqueue(async () => {
      await fsp.rm(this.path, { force: true });
    });
  }

  /** Resolves when every queued write has finished (failures are reported by the save() that queued them). */
  async settled(): Promise<void> {
    await this.tail;
  }

  private enqueue(job: () => Promise<void>): Promise<void> {
    this.pending++;
    const run = this.tail.then(job).finally(() => { this.pending--; });
    this.tail = run.catch(() => undefined);
    return run;
  }
}
