import { analyseText } from './electron/core/analysis/analyse.ts';
import { findStatements } from './electron/core/analysis/statements.ts';
const t = 'The minister said that the election was fair. "We won," he said. '.repeat(16000);
let s = performance.now();
findStatements(t, 'en');
console.log('statements', (performance.now() - s).toFixed(0));
s = performance.now();
analyseText({ text: t, lang: 'en' });
console.log('analyse', (performance.now() - s).toFixed(0));
