// Benchmark: filter+page, facets and free-text search over 200,000 generated statements (median ms per call).
import type { StatementFilter, StatementView } from '../../electron/contract/api.js';
import type { QueryContext } from '../../electron/core/query/filter.js';
import { StatementIndex } from '../../electron/core/query/search.js';
import { generateStatements } from '../core/query/statements.js';

const N = 200_000;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(runs: number, fn: () => unknown): number {
  fn(); // warm-up
  const t: number[] = [];
  for (let i = 0; i < runs; i++) { const t0 = performance.now(); fn(); t.push(performance.now() - t0); }
  return Math.round(median(t) * 10) / 10;
}

export default async function (): Promise<Record<string, number>> {
  const all = generateStatements(N, 1);
  const ctx: QueryContext = {
    folderOfFeed: new Map(Array.from({ length: 60 }, (_, i) => [`feed${i}`, i % 2 ? 'asia' : 'world'])),
    folderParents: new Map<string, string | null>([['world', null], ['asia', 'world']]),
  };
  const t0 = performance.now();
  const index = new StatementIndex();
  const byItem = new Map<string, StatementView[]>();
  for (const s of all) { const l = byItem.get(s.itemId); if (l) l.push(s); else byItem.set(s.itemId, [s]); }
  for (const [id, l] of byItem) index.upsertItem(id, l);
  index.query({}, 0, 1, ctx);
  const build = performance.now() - t0;

  // Ten filters in rotation: more than the index's cache of recent matches holds, so every call searches.
  const filters: StatementFilter[] = [
    {},
    { countries: ['PK', 'IN'], exclude: { stances: ['neutral'] } },
    { q: 'country:PK topic:fraud date:2024-02-01/2024-04-30 -stance:neutral' },
    { folderIds: ['asia'], reviewed: false, direct: true },
    { speakers: ['José García'], from: '2024-03-01' },
    { stances: ['critical'] },
    { q: 'lang:en type:reported' },
    { topics: ['violence', 'courts'], to: '2024-06-30' },
    { orgs: ['Election Commission'], countries: ['BD'] },
    { starred: true },
  ];
  let k = 0;
  const query = time(25, () => index.query(filters[k++ % filters.length]!, 0, 100, ctx));
  k = 0;
  const facets = time(15, () => index.facets(filters[k++ % filters.length]!, ctx));
  const texts: StatementFilter[] = [
    { text: 'rigged ballots' }, { text: '"internet shutdown" -violence' }, { text: 'erdogan' }, { text: 'transparency', countries: ['PK'] }, { text: 'müller commission' },
    { text: 'sharif' }, { text: 'polling stations' }, { text: 'quarantine' }, { text: 'courts' }, { text: 'garcia rally' },
  ];
  k = 0;
  const text = time(25, () => index.query(texts[k++ % texts.length]!, 0, 100, ctx));
  // Scrolling: further pages of a filter already searched.
  const scroll = { countries: ['PK'], text: 'vote' };
  let off = 0;
  const nextPage = time(25, () => index.query(scroll, (off += 100), 100, ctx));
  return {
    query_200k_ms: query,
    facets_200k_ms: facets,
    text_search_200k_ms: text,
    next_page_200k_ms: nextPage,
    index_build_200k_ms: Math.round(build),
  };
}

