// `npm run eval`: runs `extract` over the shared dev sets and scores them (score_election.mjs, score_statements.mjs).
// Skips with one line when ../shared/data is absent. Options: --keep DIR (keep inputs/predictions there), --quiet.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const shared = path.resolve(root, '..', 'shared');
const data = path.join(shared, 'data');
const tools = path.join(shared, 'tools');
const argv = process.argv.slice(2);
const keepIdx = argv.indexOf('--keep');
const keep = keepIdx >= 0 ? path.resolve(argv[keepIdx + 1] ?? 'eval-out') : null;

if (!fs.existsSync(data) || !fs.existsSync(tools)) {
  console.log(`eval: skipped — ${data} or ${tools} is absent (the dev sets live outside the project)`);
  process.exit(0);
}

const sets = [
  { name: 'election-statements-dev', file: 'election-statements-dev.jsonl', scorers: ['score_election.mjs', 'score_statements.mjs'] },
  { name: 'polnear-dev', file: 'polnear-dev.jsonl', scorers: ['score_statements.mjs'] },
];

const work = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'pollwatch-eval-'));
fs.mkdirSync(work, { recursive: true });
let failed = false;
const summary = [];
for (const set of sets) {
  const goldPath = path.join(data, set.file);
  if (!fs.existsSync(goldPath)) { console.log(`eval: ${set.file} absent — skipped`); continue; }
  // score_statements.mjs reads PolNeAR-style gold ("attributions"); the election set is converted for it
  const goldLines = fs.readFileSync(goldPath, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  const input = goldLines.map((g) => JSON.stringify({ id: g.id, text: g.text, title: g.title ?? null, date: g.date ?? null, lang: g.lang ?? null, url: g.url ?? null })).join('\n') + '\n';
  const inPath = path.join(work, `${set.name}.input.jsonl`);
  const predPath = path.join(work, `${set.name}.pred.jsonl`);
  fs.writeFileSync(inPath, input);
  const t0 = Date.now();
  const run = spawnSync('npm', ['run', '-s', 'cli', '--', 'extract', inPath], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 });
  const secs = (Date.now() - t0) / 1000;
  if (run.status !== 0) { console.error(`eval: extract failed on ${set.file}:\n${run.stderr}`); failed = true; continue; }
  fs.writeFileSync(predPath, run.stdout);
  console.log(`\n=== ${set.name}: ${goldLines.length} articles, extract ${secs.toFixed(1)} s`);
  for (const scorer of set.scorers) {
    let gold = goldPath;
    if (scorer === 'score_statements.mjs' && set.name === 'election-statements-dev') {
      gold = path.join(work, `${set.name}.as-attributions.jsonl`);
      fs.writeFileSync(gold, goldLines.map((g) => JSON.stringify({
        id: g.id, text: g.text,
        attributions: (g.statements ?? []).map((s, i) => ({
          id: `S${i + 1}`, cue: null,
          source: s.speaker ? (() => { const at = g.text.indexOf(s.speaker); return at >= 0 ? { start: at, end: at + s.speaker.length, text: s.speaker } : { start: 0, end: 0, text: s.speaker }; })() : null,
          content: { start: s.start, end: s.end, text: s.quote }, direct: !!s.direct, quote_type: s.direct ? 'direct' : 'indirect',
        })),
      })).join('\n') + '\n');
    }
    console.log(`\n--- ${scorer} ${path.basename(gold)}`);
    const res = spawnSync(process.execPath, [path.join(tools, scorer), gold, predPath, '--details', path.join(work, `${set.name}.${scorer}.details.jsonl`)], { encoding: 'utf8', maxBuffer: 1 << 28 });
    process.stdout.write(res.stdout);
    if (res.status !== 0) { process.stderr.write(res.stderr); failed = true; }
    const last = res.stdout.trim().split('\n').pop();
    try { summary.push({ set: set.name, scorer, result: JSON.parse(last) }); } catch { /* table only */ }
  }
}
// the acceptance figures, measured against their targets
const pick = (set, scorer) => summary.find((x) => x.set === set && x.scorer === scorer)?.result;
const el = pick('election-statements-dev', 'score_election.mjs');
const pn = pick('polnear-dev', 'score_statements.mjs');
const rows = [];
if (el) rows.push(
  ['election: relevance F1', el.relevance?.f1, 0.95], ['election: countries F1', el.countries?.f1, 0.9],
  ['election: statement F1', el.statements?.f1, 0.85], ['election: direct F1', el.statements?.direct?.f1, 0.95],
  ['election: indirect F1', el.statements?.indirect?.f1, 0.7], ['election: non-English F1', el.statements?.non_en?.f1, 0.8],
  ['election: speaker accuracy', el.speaker_accuracy, 0.9], ['election: end-to-end F1', el.end2end?.f1, 0.78]);
if (pn) rows.push(
  ['PolNeAR: span F1', pn.span_0_5?.all?.f1, 0.65], ['PolNeAR: direct-gold recall', pn.span_0_5?.direct?.r, 0.95],
  ['PolNeAR: speaker accuracy', pn.speaker?.accuracy, 0.85]);
if (rows.length) {
  console.log('\nacceptance (issue targets)');
  for (const [name, v, target] of rows) {
    const val = typeof v === 'number' ? v.toFixed(4) : 'n/a';
    console.log(`  ${name.padEnd(30)} ${val.padStart(7)}  target >= ${target}  ${typeof v === 'number' && v >= target ? 'met' : 'NOT met'}`);
  }
}
if (keep) console.log(`\neval: inputs, predictions and details kept in ${work}`);
else fs.rmSync(work, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
