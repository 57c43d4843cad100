// Benchmark: analyser throughput on realistic article text (MB/s, one core, in-process) and `extract` of 1,000 articles.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyseText } from '../../electron/core/analysis/analyse.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const NAMES = ['Raila Odinga', 'Matthew Miller', 'Maria Lopez', 'Jordan Bardella', 'Amadou Ba', 'Simon Byabakama', 'Helen Achieng', 'Peter Wanjiru'];
const ROLES = ['opposition leader', 'State Department spokesman', 'electoral commission chairman', 'party leader', 'foreign minister'];
const COUNTRIES = ['Kenya', 'Pakistan', 'France', 'Senegal', 'Uganda', 'Brazil', 'Romania', 'Malawi'];

/** A news article of about 3–4 KB: paragraphs of narration, quotations, reported speech and figures. */
export function article(i: number): string {
  const n = (k: number) => NAMES[(i + k) % NAMES.length]!;
  const c = COUNTRIES[i % COUNTRIES.length]!;
  const r = ROLES[i % ROLES.length]!;
  const paras = [
    `${c}’s ${r}, ${n(0)}, said on Monday that the results of the presidential election could not be trusted, adding that the party would go to court.`,
    `“We have evidence of ballot-stuffing and other forms of election malpractice, and we are going to take all measures that the law permits,” ${n(0)} told a news conference in the capital.`,
    `The electoral commission declared the incumbent the winner with 52.4% of the vote, while turnout was estimated at 68%, according to official figures. Observers said the vote was largely peaceful.`,
    `${n(1)}, a spokesman for the government, rejected claims of fraud. “The process was transparent and every ballot was counted in front of party agents,” he said. “Nobody can change that.”`,
    `In a statement, the ${c} Human Rights Commission urged the security forces to show restraint and called for an independent investigation into the deaths of three protesters.`,
    `Results from polling stations that had completed counting were posted overnight on social media, and international observers are expected to publish a preliminary report on Thursday.`,
    `"It is almost impossible to have an election free of irregularities," said Justice ${n(2)}, who headed the panel. "However, in the present matter the anomalies were so widespread that the integrity of the result was compromised."`,
    `${n(3)} warned that the country faced a long legal crisis and accused the chairman of misconduct, while ${n(4)} vowed to respect the decision of the court.`,
  ];
  return paras.join('\n\n');
}

export default async function (): Promise<Record<string, number>> {
  const articles: string[] = [];
  let size = 0;
  for (let i = 0; size < 2_200_000; i++) { const a = article(i); articles.push(a); size += a.length; }
  for (const a of articles.slice(0, 50)) analyseText({ text: a, lang: 'en' }); // warm-up
  const t0 = performance.now();
  for (const a of articles) analyseText({ text: a, lang: 'en' });
  const secs = (performance.now() - t0) / 1000;
  const analysis_mb_per_s = size / 1e6 / secs;

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pollwatch-bench-'));
  try {
    const file = path.join(dir, 'articles.jsonl');
    fs.writeFileSync(file, Array.from({ length: 1000 }, (_, i) => JSON.stringify({ id: `a${i}`, text: article(i), lang: 'en', title: null })).join('\n') + '\n');
    const t1 = performance.now();
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'electron', 'cli.ts'), 'extract', file], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
    const extract_1000_s = (performance.now() - t1) / 1000;
    if (r.status !== 0) throw new Error(`extract failed: ${r.stderr}`);
    if (r.stdout.trim().split('\n').length !== 1000) throw new Error('extract did not print 1,000 lines');
    return { analysis_mb_per_s: +analysis_mb_per_s.toFixed(3), extract_1000_s: +extract_1000_s.toFixed(2) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
