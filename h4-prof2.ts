import fs from 'node:fs';
import { analyseText } from './electron/core/analysis/analyse.ts';
const ls = fs.readFileSync('/work/shared/data/polnear-dev.jsonl','utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const t0 = performance.now();
for (let k = 0; k < 2; k++) for (const g of ls) analyseText({ text: g.text, title: g.title, lang: 'en' });
console.log('ms', performance.now() - t0);
