import fs from 'node:fs';
import { findStatements } from './electron/core/analysis/statements.ts';
import { findQuotations } from './electron/core/analysis/quotes.ts';
import { findReported } from './electron/core/analysis/reported.ts';
import { paragraphs, sentences } from './electron/core/analysis/sentences.ts';
import { isSpeechWord } from './electron/core/analysis/cues.ts';
const ids = process.argv.slice(2);
for (const l of fs.readFileSync('/work/shared/data/election-statements-dev.jsonl','utf8').split('\n').filter(Boolean)) {
  const g = JSON.parse(l); if (!ids.some((i) => g.id.includes(i))) continue;
  const paras = paragraphs(g.text); const sents = sentences(g.text, paras);
  const qs = findQuotations(g.text, isSpeechWord, paras);
  console.log('== ', g.id, 'quotes:', qs.map(q => `${q.style}${q.openEnded?'*':''}:${g.text.slice(q.start,q.end).slice(0,40)}`));
  for (const r of findReported(g.text, sents, qs, g.lang)) console.log('  raw-reported', r.cue, '<', r.speaker?.text, '>', r.inherit, '::', g.text.slice(r.start, r.end).slice(0, 80));
  for (const s of findStatements(g.text, g.lang, g.title)) console.log(`  [${s.direct?'D':'I'}] <${s.speaker}> cue=${s.cue} :: ${s.quote.slice(0,80)}`);
}
