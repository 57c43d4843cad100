import { article } from './tests/bench/analysis.bench.ts';
import { analyseText } from './electron/core/analysis/analyse.ts';
import { findStatements } from './electron/core/analysis/statements.ts';
const arts: string[] = []; let size = 0;
for (let i = 0; size < 2_000_000; i++) { const a = article(i); arts.push(a); size += a.length; }
for (const a of arts.slice(0, 50)) analyseText({ text: a, lang: 'en' });
let t = performance.now(); for (const a of arts) findStatements(a, 'en'); const st = performance.now() - t;
t = performance.now(); for (const a of arts) analyseText({ text: a, lang: 'en' }); const an = performance.now() - t;
console.log('statements MB/s', (size/1e6/(st/1000)).toFixed(2), 'analyse MB/s', (size/1e6/(an/1000)).toFixed(2));
