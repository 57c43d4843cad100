// One store file on a real disk: writes go through a temp file and a rename (a crash never leaves a torn file),
// concurrent saves share one write, and a file that does not parse is moved aside and reported, never replaced.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JsonFile, readJsonFile, StoreFormatError } from '../../../electron/core/store/json-file.js';
import type { StoreProblem } from '../../../electron/contract/api.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
let dir: string;
beforeEach(async () => { dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pollwatch-jsonfile-')); });
afterEach(async () => { await fs.rm(dir, { recursive: true, force: true }); });

const anyObject = (raw: unknown): { n: number } => {
  if (typeof raw !== 'object' || raw === null || typeof (raw as { n?: unknown }).n !== 'number') throw new StoreFormatError('no n');
  return raw as { n: number };
};

describe('writes', () => {
  it('replaces the file by rename, so a reader holding the old file never sees a half-written one', async () => {
    const file = path.join(dir, 'a.json');
    let data = { n: 1, text: 'old' };
    const writer = new JsonFile(file, () => data);
    await writer.save();
    // A second name for the same inode: an in-place write would change it; a temp file + rename does not.
    await fs.link(file, path.join(dir, 'old-inode.json'));
    data = { n: 2, text: 'new' };
    await writer.save();
    expect(JSON.parse(await fs.readFile(file, 'utf8'))).toEqual({ n: 2, text: 'new' });
    expect(JSON.parse(await fs.readFile(path.join(dir, 'old-inode.json'), 'utf8'))).toEqual({ n: 1, text: 'old' });
    expect(await fs.readdir(dir)).not.toContain('.a.json.tmp');
  });

  it('a leftover partial temp file from a crash does not replace the real file', async () => {
    const file = path.join(dir, 'a.json');
    let data = { n: 1 };
    const writer = new JsonFile(file, () => data);
    await writer.save();
    await fs.writeFile(path.join(dir, '.a.json.tmp'), '{"n": 2, "trunc');
    const problems: StoreProblem[] = [];
    expect(await readJsonFile(file, anyObject, problems)).toEqual({ n: 1 });
    expect(problems).toEqual([]);
    data = { n: 3 };
    await writer.save();
    expect(await readJsonFile(file, anyObject, problems)).toEqual({ n: 3 });
  });

  it('a process killed while writing in a loop leaves the old or the new file, never a torn one', async () => {
    const file = path.join(dir, 'big.json');
    const script = path.join(dir, 'writer.mts');
    await fs.writeFile(script, [
      `import { JsonFile } from ${JSON.stringify(pathToFileURL(path.join(root, 'electron/core/store/json-file.ts')).href)};`,
      `let n = 0; const pad = 'x'.repeat(2_000_000);`,
      `const w = new JsonFile(${JSON.stringify(file)}, () => ({ n, pad }));`,
      `for (;;) { n++; await w.save(); if (n === 3) process.stdout.write('writing\\n'); }`,
    ].join('\n'));
    for (const delayMs of [0, 37, 120]) {
      const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
      const started = await new Promise<boolean>((resolve) => {
        child.stdout.once('data', () => resolve(true));
        child.once('exit', () => resolve(false));
      });
      expect(started).toBe(true);
      await new Promise((r) => setTimeout(r, delayMs));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      const parsed = JSON.parse(await fs.readFile(file, 'utf8')) as { n: number; pad: string };
      expect(parsed.n).toBeGreaterThanOrEqual(3);
      expect(parsed.pad).toHaveLength(2_000_000);
    }
  });

  it('saves made while a write is pending share it and write the newest data', async () => {
    const file = path.join(dir, 'a.json');
    let n = 0;
    const writer = new JsonFile(file, () => ({ n }));
    const saves: Promise<void>[] = [];
    for (let i = 0; i < 20; i++) { n = i; saves.push(writer.save()); }
    await Promise.all(saves);
    expect(writer.writes).toBe(1);
    expect(JSON.parse(await fs.readFile(file, 'utf8'))).toEqual({ n: 19 });
  });

  it('a steady stream of saves into a big file is written a few times, not once per save, and ends with the newest data', async () => {
    const file = path.join(dir, 'big.json');
    let n = 0;
    const body = 'x'.repeat(4_000_000);
    const writer = new JsonFile(file, () => ({ n, body }));
    const saves: Promise<void>[] = [];
    // One save every few milliseconds, as feeds finish during a poll: each arrives after the previous write began.
    for (let i = 0; i < 30; i++) {
      n = i;
      saves.push(writer.save());
      await new Promise((resolve) => setTimeout(resolve, 3));
    }
    await Promise.all(saves);
    expect(writer.writes).toBeLessThanOrEqual(6);
    expect(JSON.parse(await fs.readFile(file, 'utf8')).n).toBe(29);
  });
});

describe('reading', () => {
  for (const [what, bytes] of [
    ['zero bytes', Buffer.alloc(0)],
    ['truncated JSON', Buffer.from('{"n": 1, "items": [1, 2')],
    ['binary junk', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0x10])],
    ['the wrong shape', Buffer.from('[1, 2, 3]')],
  ] as const) {
    it(`moves aside and reports a file with ${what}`, async () => {
      const file = path.join(dir, 'a.json');
      await fs.writeFile(file, bytes);
      const problems: StoreProblem[] = [];
      expect(await readJsonFile(file, anyObject, problems)).toBeNull();
      expect(problems).toHaveLength(1);
      expect(problems[0]!.file).toBe(file);
      expect(path.basename(problems[0]!.movedTo)).toMatch(/^a\.json\.corrupt-\d{4}-/);
      expect(await fs.readFile(problems[0]!.movedTo)).toEqual(bytes);
      await expect(fs.stat(file)).rejects.toThrow();
    });
  }

  it('a missing file is simply absent, not a problem', async () => {
    const problems: StoreProblem[] = [];
    expect(await readJsonFile(path.join(dir, 'none.json'), anyObject, problems)).toBeNull();
    expect(problems).toEqual([]);
  });

  it('two corrupt copies in a row are both kept under different names', async () => {
    const file = path.join(dir, 'a.json');
    const problems: StoreProblem[] = [];
    await fs.writeFile(file, 'first');
    await readJsonFile(file, anyObject, problems);
    await fs.writeFile(file, 'second');
    await readJsonFile(file, anyObject, problems);
    expect(problems[0]!.movedTo).not.toBe(problems[1]!.movedTo);
    expect(await fs.readFile(problems[0]!.movedTo, 'utf8')).toBe('first');
    expect(await fs.readFile(problems[1]!.movedTo, 'utf8')).toBe('second');
  });
});
