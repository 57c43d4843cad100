import fs from 'node:fs';
import { analyseText } from './electron/core/analysis/analyse.ts';
import { findStatements } from './electron/core/analysis/statements.ts';
const ls = fs.readFileSync('/work/shared/data/polnear-dev.jsonl','utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
let total = 0; for (const g of ls) total += g.text.length;
for (let k = 0; k < 3; k++) {
  let t0 = performance.now();
  for (const g of ls) findStatements(g.text, 'en', g.title);
  const a = performance.now() - t0;
  t0 = performance.now();
  for (const g of ls) analyseText({ text: g.text, title: g.title, lang: 'en' });
  const b = performance.now() - t0;
  console.log('statements MB/s', (total / 1e6 / (a / 1000)).toFixed(2), 'analyse MB/s', (total / 1e6 / (b / 1000)).toFixed(2));
}
