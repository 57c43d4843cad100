import fs from 'node:fs';
import { analyseText } from './electron/core/analysis/analyse.ts';
const ls = fs.readFileSync('/work/shared/data/polnear-dev.jsonl','utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
let total = 0; const t0 = performance.now();
for (const g of ls) { total += g.text.length; analyseText({ text: g.text, title: g.title, lang: 'en' }); }
const ms = performance.now() - t0;
console.log('chars', total, 'ms', ms.toFixed(0), 'MB/s', (total / 1e6 / (ms / 1000)).toFixed(2));
const t1 = performance.now();
for (const g of ls) { analyseText({ text: g.text, title: g.title, lang: 'en' }); }
const ms2 = performance.now() - t1;
console.log('second pass MB/s', (total / 1e6 / (ms2 / 1000)).toFixed(2));
// hostile
const cases: [string, string][] = [
  ['100k quotes', '"'.repeat(100000)],
  ['100k mixed quotes', '“a” «b» \'c\' ‘d’ '.repeat(20000)],
  ['5MB text', 'The minister said that the election was fair. "We won," he said. '.repeat(80000)],
  ['unbalanced', ('He said "this is open and never closed ' + 'word '.repeat(50)).repeat(2000)],
  ['rtl', ('قال الرئيس "الانتخابات نزيهة" ثم غادر. שלום "עולם" אמר. ').repeat(20000)],
  ['long words', 'a'.repeat(2_000_000)],
  ['no spaces caps', 'ABC'.repeat(500000)],
  ['dashes', ('– Jestem – powiedział Liam.\n').repeat(50000)],
  ['commas', 'X, '.repeat(300000) + 'said Y.'],
  ['cues', 'said '.repeat(300000)],
  ['Caps words', 'Minister John Smith '.repeat(200000)],
];
for (const [name, t] of cases) {
  const s = performance.now();
  const a = analyseText({ text: t, lang: 'en' });
  for (const st of a.statements) if (t.slice(st.start, st.end) !== st.quote) throw new Error('bad offsets ' + name);
  console.log(name, (t.length/1e6).toFixed(1), 'MB', (performance.now() - s).toFixed(0), 'ms', a.statements.length, 'stmts');
}
