// `npm run eval:feeds`: scores `parse-feed` on the shared feed-conformance cases and the real feeds (from the project
// root), prints both summaries, and exits non-zero below a 95% pass rate or on any crash/timeout. Skips (exit 0) when
// ../shared is absent.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const shared = path.resolve(root, '..', 'shared');
const scorer = path.join(shared, 'tools', 'score_feeds.mjs');
const adapter = path.join(shared, 'tools', 'parse-feed-adapter.sh');
const cases = path.join(shared, 'data', 'feeds-conformance-dev.jsonl');
const real = path.join(shared, 'data', 'real-feeds');
const THRESHOLD = 0.95;

if (![scorer, adapter, cases, real].every((p) => fs.existsSync(p))) {
  console.log(`eval:feeds skipped: ${shared} (scorer, adapter, cases, real feeds) is not present`);
  process.exit(0);
}

function score(label, args) {
  return new Promise((resolve) => {
    console.log(`\n=== ${label}`);
    const rel = (p) => path.relative(root, p);
    const child = spawn(process.execPath, [rel(scorer), ...args, '--cmd', rel(adapter)], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => { out += d; process.stdout.write(d); });
    child.on('close', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      let summary = null;
      try { summary = JSON.parse(last); } catch { /* reported below */ }
      resolve({ label, code, summary });
    });
  });
}

const results = [];
results.push(await score('conformance cases', ['--cases', path.relative(root, cases)]));
results.push(await score('real feeds', ['--real', path.relative(root, real)]));

let ok = true;
console.log('');
for (const r of results) {
  if (!r.summary) { console.log(`${r.label}: scorer failed (exit ${r.code})`); ok = false; continue; }
  const s = r.summary;
  const pass = s.passRate >= THRESHOLD && s.crashes === 0 && s.timeouts === 0;
  if (!pass) ok = false;
  console.log(`${r.label}: ${s.passed}/${s.total} passed (${(s.passRate * 100).toFixed(1)}%), ${s.crashes} crash(es), ${s.timeouts} timeout(s) — ${pass ? 'OK' : 'BELOW TARGET'}`);
}
process.exit(ok ? 0 : 1);
