// Realistic article bodies (1–5 KB of election-news prose) for the benchmarks, deterministic by seed.
const SENTENCES = [
  'The election commission said on Friday that counting was under way in most constituencies.',
  '"Claims of interference or fraud should be fully investigated," the spokesman told reporters in the capital.',
  'Opposition leaders accused the government of suspending mobile internet services to suppress turnout.',
  'International observers from the European Union said the vote was largely peaceful but marred by delays.',
  'According to the interior ministry, the restrictions were necessary security measures after recent attacks.',
  'Turnout was estimated at 48 percent, down from 52 percent at the previous general election.',
  'The president urged all parties to accept the results and to settle disputes in the courts.',
  'Several candidates said their polling agents had been denied access to the counting centres.',
  'Analysts expect coalition talks to take weeks as no party appears to have won a majority.',
  'The supreme court is due to hear petitions challenging the results in at least a dozen districts.',
];

export function articleBody(seed: number): string {
  let x = (seed * 2654435761) >>> 0;
  const next = (): number => { x = (x * 1103515245 + 12345) >>> 0; return x; };
  const targetBytes = 1000 + (next() % 4000);
  const paras: string[] = [];
  let size = 0;
  while (size < targetBytes) {
    const n = 2 + (next() % 3);
    const p = Array.from({ length: n }, () => SENTENCES[next() % SENTENCES.length]).join(' ');
    paras.push(`<p>${p}</p>`);
    size += p.length + 7;
  }
  return paras.join('\n');
}
