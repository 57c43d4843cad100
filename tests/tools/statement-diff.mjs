// Prints, per article, the gold statements missed, the predicted statements not in gold, and wrong speakers
// (token-overlap F1 >= 0.5 matching, as the scorers do). Usage: node tests/tools/statement-diff.mjs GOLD.jsonl PRED.jsonl [ID-substring]
import fs from 'node:fs';

const [goldPath, predPath, only] = process.argv.slice(2);
if (!goldPath || !predPath) { console.error('usage: statement-diff.mjs GOLD.jsonl PRED.jsonl [ID-substring]'); process.exit(2); }
const read = (p) => fs.readFileSync(p, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const preds = new Map(read(predPath).map((p) => [p.id, p]));
const fold = (s) => (s || '').normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
const toks = (s) => fold(s).match(/[\p{L}\p{N}]+/gu) || [];
function f1(a, b) {
  const ta = toks(a), tb = toks(b);
  if (!ta.length || !tb.length) return 0;
  const c = new Map();
  for (const t of ta) c.set(t, (c.get(t) || 0) + 1);
  let ov = 0;
  for (const t of tb) { const n = c.get(t) || 0; if (n > 0) { ov++; c.set(t, n - 1); } }
  if (!ov) return 0;
  const p = ov / tb.length, r = ov / ta.length;
  return (2 * p * r) / (p + r);
}
const short = (s, n = 110) => (s.length > n ? s.slice(0, n) + '…' : s);
for (const g of read(goldPath)) {
  if (only && !g.id.includes(only)) continue;
  const gs = g.statements ?? (g.attributions ?? []).map((a) => ({ quote: a.content.text, speaker: a.source?.text ?? null, direct: a.direct }));
  const ps = preds.get(g.id)?.statements ?? [];
  const pairs = [];
  gs.forEach((x, i) => ps.forEach((y, j) => { const f = f1(x.quote, y.quote); if (f >= 0.5) pairs.push([f, i, j]); }));
  pairs.sort((a, b) => b[0] - a[0]);
  const gu = new Map(), pu = new Set();
  for (const [, i, j] of pairs) if (!gu.has(i) && !pu.has(j)) { gu.set(i, j); pu.add(j); }
  const lines = [];
  gs.forEach((x, i) => {
    if (!gu.has(i)) lines.push(`  MISS [${x.direct ? 'D' : 'I'}] <${x.speaker}> ${short(x.quote)}`);
    else {
      const y = ps[gu.get(i)];
      const gl = toks(x.speaker).pop();
      if (!y.speaker || !toks(y.speaker).includes(gl)) lines.push(`  SPKR [${x.direct ? 'D' : 'I'}] gold <${x.speaker}> pred <${y.speaker}> ${short(x.quote, 70)}`);
    }
  });
  ps.forEach((y, j) => { if (!pu.has(j)) lines.push(`  FP   [${y.direct ? 'D' : 'I'}] <${y.speaker}> ${short(y.quote)}`); });
  if (lines.length) console.log(`${g.id}\n${lines.join('\n')}`);
}
