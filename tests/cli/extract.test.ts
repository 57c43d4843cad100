// The `extract` command: one output line per input line, offsets into the given text, malformed lines reported, exit 0.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pollwatch-extract-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function extract(lines: string[]): { code: number | null; out: Record<string, unknown>[]; stderr: string } {
  const file = path.join(dir, `in-${Math.random().toString(36).slice(2)}.jsonl`);
  fs.writeFileSync(file, lines.join('\n') + '\n');
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'electron', 'cli.ts'), 'extract', file], { cwd: root, encoding: 'utf8' });
  return { code: r.status, out: r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>), stderr: r.stderr };
}

describe('extract', () => {
  it('prints one line per input with the statements and their offsets into the text', () => {
    const text = 'Electoral commission chairman Simon Byabakama said that the presidential election was free and fair. ' +
      '“Nobody can change the result,” he told reporters in Kampala.';
    const r = extract([JSON.stringify({ id: 'a1', text, title: null, lang: 'en' }), JSON.stringify({ id: 'a2', text: 'Nothing said here.' })]);
    expect(r.code).toBe(0);
    expect(r.out).toHaveLength(2);
    const [a1, a2] = r.out as [Record<string, unknown>, Record<string, unknown>];
    expect(Object.keys(a1).sort()).toEqual(['countries', 'election_related', 'id', 'language', 'relevance', 'statements'].sort());
    expect(a1.id).toBe('a1');
    const st = a1.statements as { quote: string; start: number; end: number; speaker: string; direct: boolean }[];
    expect(st.map((s) => [s.quote, s.speaker, s.direct])).toEqual([
      ['the presidential election was free and fair', 'Simon Byabakama', false],
      ['Nobody can change the result', 'Simon Byabakama', true],
    ]);
    for (const s of st) expect(text.slice(s.start, s.end)).toBe(s.quote);
    expect(Object.keys(st[0]!).sort()).toEqual(['aboutCountry', 'confidence', 'direct', 'end', 'quote', 'speaker', 'speakerCountry', 'speakerOrg', 'speakerRole', 'stance', 'start', 'topics'].sort());
    expect(a2).toMatchObject({ id: 'a2', statements: [] });
  });

  it('reports a malformed line as an error line, keeping its id when it can, and continues', () => {
    const r = extract(['{"id": "broken", "text": "unterminated', '[1,2]', JSON.stringify({ id: 'no-text' }), JSON.stringify({ id: 'ok', text: 'Fine.' })]);
    expect(r.code).toBe(0);
    expect(r.out).toHaveLength(4);
    expect(r.out[0]).toMatchObject({ id: 'broken' });
    expect(typeof r.out[0]!.error).toBe('string');
    expect(typeof r.out[1]!.error).toBe('string');
    expect(r.out[2]).toMatchObject({ id: 'no-text' });
    expect(typeof r.out[2]!.error).toBe('string');
    expect(r.out[3]).toMatchObject({ id: 'ok', statements: [] });
  });

  it('fails with a clear message when the file is missing', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'electron', 'cli.ts'), 'extract', path.join(dir, 'nope.jsonl')], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot read/);
  });
});
