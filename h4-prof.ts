import { analyseText } from './electron/core/analysis/analyse.ts';
const n = Number(process.argv[2] ?? 20000);
const t = process.argv[3] === 'caps' ? 'Minister John Smith '.repeat(n) : 'said '.repeat(n);
const s = performance.now();
const a = analyseText({ text: t, lang: 'en' });
console.log(n, (performance.now() - s).toFixed(0), 'ms', a.statements.length);
