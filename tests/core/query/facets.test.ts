// Counts beside each filter value: other values of the field stay countable while one is selected; chart data per day.
import { describe, expect, it } from 'vitest';
import type { FacetValue, StatementView } from '../../../electron/contract/api.js';
import { computeFacets, FACET_LIMIT } from '../../../electron/core/query/facets.js';
import type { QueryContext } from '../../../electron/core/query/filter.js';
import { queryStatements, StatementIndex } from '../../../electron/core/query/search.js';
import { generateStatements, statement } from './statements.js';

const ctx: QueryContext = { folderOfFeed: new Map(), folderParents: new Map() };
const counts = (l: FacetValue[]) => Object.fromEntries(l.map((v) => [v.value, v.count]));

const list: StatementView[] = [
  statement({ aboutCountry: 'PK', stance: 'critical', speaker: 'Matthew Miller', topics: ['fraud', 'turnout'], date: '2024-02-09T10:00:00Z', reviewed: true }),
  statement({ aboutCountry: 'PK', stance: 'defensive', speaker: 'matthew miller', topics: ['fraud'], date: '2024-02-09T12:00:00Z', starred: true }),
  statement({ aboutCountry: 'PK', stance: 'critical', speaker: 'Imran Khan', speakerOrg: 'PTI', topics: [], date: '2024-02-10T10:00:00Z', direct: false }),
  statement({ aboutCountry: 'IN', stance: 'supportive', speaker: 'Narendra Modi', speakerOrg: 'BJP', topics: ['results'], date: '2024-02-10T10:00:00Z', language: 'hi' }),
  statement({ aboutCountry: null, stance: 'neutral', speaker: null, speakerOrg: null, topics: [], date: '2024-02-11T10:00:00Z' }),
];

describe('computeFacets', () => {
  it('counts every value when nothing is selected, with labels', () => {
    const f = computeFacets(list, {}, ctx);
    expect(counts(f.countries)).toEqual({ PK: 3, IN: 1 });
    expect(f.countries[0]).toEqual({ value: 'PK', label: 'Pakistan', count: 3 });
    expect(f.countries[1]!.label).toBe('India');
    expect(counts(f.stances)).toEqual({ critical: 2, defensive: 1, supportive: 1, neutral: 1 });
    expect(f.stances.find((v) => v.value === 'critical')!.label).toBe('Critical');
    expect(counts(f.topics)).toEqual({ fraud: 2, turnout: 1, results: 1 });
    expect(counts(f.languages)).toEqual({ en: 4, hi: 1 });
    expect(f.languages.find((v) => v.value === 'hi')!.label).toBe('Hindi');
    expect(counts(f.direct)).toEqual({ direct: 4, reported: 1 });
    expect(counts(f.review)).toEqual({ reviewed: 1, unreviewed: 4, starred: 1 });
    expect(counts(f.feeds)).toEqual({ 'feed-a': 5 });
    expect(f.feeds[0]!.label).toBe('Feed A');
  });

  it('merges spellings of a speaker that differ only in case or accents', () => {
    const f = computeFacets(list, {}, ctx);
    expect(f.speakers[0]).toEqual({ value: 'Matthew Miller', label: 'Matthew Miller', count: 2 });
    expect(f.speakers.map((v) => v.count)).toEqual([2, 1, 1]);
    const shouted = [statement({ speaker: 'JOSÉ NÚÑEZ' }), statement({ speaker: 'José Núñez' }), statement({ speaker: 'jose nunez' })];
    expect(computeFacets(shouted, {}, ctx).speakers).toEqual([{ value: 'José Núñez', label: 'José Núñez', count: 3 }]);
  });

  it('counts a field without its own selection, and other fields under it', () => {
    const f = computeFacets(list, { countries: ['PK'] }, ctx);
    // Country values stay visible with their full counts while PK is selected ...
    expect(counts(f.countries)).toEqual({ PK: 3, IN: 1 });
    // ... while the other fields count only within PK.
    expect(counts(f.stances)).toEqual({ critical: 2, defensive: 1, supportive: 0, neutral: 0 });
    expect(counts(f.speakers)).toEqual({ 'Matthew Miller': 2, 'Imran Khan': 1 });
  });

  it('applies every other field to a field\'s counts', () => {
    const f = computeFacets(list, { countries: ['PK'], stances: ['critical'] }, ctx);
    expect(counts(f.countries)).toEqual({ PK: 2 }); // only critical statements, any country
    expect(counts(f.stances)).toEqual({ critical: 2, defensive: 1, supportive: 0, neutral: 0 }); // only PK, any stance
    expect(counts(f.topics)).toEqual({ fraud: 1, turnout: 1 }); // PK and critical
  });

  it('honours selections made in the query language the same way', () => {
    const f = computeFacets(list, { q: 'country:PK -stance:defensive' }, ctx);
    expect(counts(f.countries)).toEqual({ PK: 2, IN: 1 });
    expect(counts(f.stances)).toEqual({ critical: 2, defensive: 1, supportive: 0, neutral: 0 });
  });

  it('gives the chart statements per day, country and stance under the full filter', () => {
    expect(computeFacets(list, {}, ctx).perDay).toEqual([
      { day: '2024-02-09', country: 'PK', stance: 'critical', count: 1 },
      { day: '2024-02-09', country: 'PK', stance: 'defensive', count: 1 },
      { day: '2024-02-10', country: 'IN', stance: 'supportive', count: 1 },
      { day: '2024-02-10', country: 'PK', stance: 'critical', count: 1 },
      { day: '2024-02-11', country: '', stance: 'neutral', count: 1 },
    ]);
    expect(computeFacets(list, { countries: ['PK'], text: 'fair' }, ctx).perDay.reduce((n, r) => n + r.count, 0)).toBe(3);
  });

  it('lists the 50 most frequent speakers, plus a selected one further down', () => {
    const many = Array.from({ length: 120 }, (_, i) => Array.from({ length: 1 + (i % 7) }, () => statement({ speaker: `Speaker ${i}` }))).flat();
    const all = computeFacets(many, {}, ctx);
    expect(all.speakers).toHaveLength(FACET_LIMIT);
    expect(all.speakers.every((v, i) => i === 0 || v.count <= all.speakers[i - 1]!.count)).toBe(true);
    const rare = 'speaker 0'; // one statement: not among the top 50
    const f = computeFacets(many, { speakers: [rare] }, ctx);
    expect(f.speakers).toHaveLength(FACET_LIMIT + 1);
    expect(f.speakers.at(-1)).toMatchObject({ value: 'Speaker 0', count: 1 });
  });

  it('agrees with the query totals on generated data, for every value of a field', () => {
    const gen = generateStatements(1500, 3);
    const index = new StatementIndex();
    const byItem = new Map<string, StatementView[]>();
    for (const s of gen) byItem.set(s.itemId, [...(byItem.get(s.itemId) ?? []), s]);
    for (const [id, l] of byItem) index.upsertItem(id, l);
    const filter = { stances: ['critical' as const], languages: ['en'] };
    const f = index.facets(filter, ctx);
    for (const v of f.countries) expect(v.count, v.value).toBe(queryStatements(gen, { ...filter, countries: [v.value] }, 0, 0, ctx).total);
    for (const v of f.stances) expect(v.count, v.value).toBe(queryStatements(gen, { ...filter, stances: [v.value as 'critical'] }, 0, 0, ctx).total);
    const total = queryStatements(gen, filter, 0, 0, ctx).total;
    expect(f.perDay.reduce((n, r) => n + r.count, 0)).toBe(total);
    expect(counts(f.direct).direct! + counts(f.direct).reported!).toBe(total);
  });
});

describe('review facet', () => {
  it('counts reviewed/unreviewed within the starred selection and starred within the reviewed selection', () => {
    const l = [
      statement({ reviewed: true, starred: true }), statement({ reviewed: false, starred: true }),
      statement({ reviewed: false, starred: false }), statement({ reviewed: true, starred: false }), statement({ reviewed: true, starred: false }),
    ];
    expect(counts(computeFacets(l, { starred: true }, ctx).review)).toEqual({ reviewed: 1, unreviewed: 1, starred: 2 });
    expect(counts(computeFacets(l, { reviewed: true }, ctx).review)).toEqual({ reviewed: 3, unreviewed: 2, starred: 1 });
    expect(counts(computeFacets(l, { direct: false }, ctx).direct)).toEqual({ direct: 5, reported: 0 });
  });
});

describe('StatementIndex facets', () => {
  const folders: QueryContext = {
    folderOfFeed: new Map(Array.from({ length: 60 }, (_, i) => [`feed${i}`, i % 3 ? 'asia' : 'world'] as [string, string])),
    folderParents: new Map<string, string | null>([['world', null], ['asia', 'world']]),
  };
  const filters = [
    {}, { text: 'vote' }, { text: 'vote', countries: ['PK'] }, { q: 'vote country:PK -stance:neutral' },
    { folderIds: ['asia'], stances: ['critical' as const] }, { from: '2024-03-01', to: '2024-05', languages: ['en'] },
    { text: '"polling stations" -rigged', reviewed: false, starred: false },
  ];

  it('equal a fresh computation for filters with and without text, before and after changes', () => {
    const gen = generateStatements(1500, 5);
    const byItem = new Map<string, StatementView[]>();
    for (const s of gen) byItem.set(s.itemId, [...(byItem.get(s.itemId) ?? []), s]);
    const index = new StatementIndex();
    for (const [id, l] of byItem) index.upsertItem(id, l);
    for (const f of filters) {
      expect(index.facets(f, folders), JSON.stringify(f)).toEqual(computeFacets(gen, f, folders));
      expect(index.query(f, 0, 20, folders), JSON.stringify(f)).toEqual(queryStatements(gen, f, 0, 20, folders));
    }
    // A new item that matches the text must show up in the remembered searches.
    const extra = [statement({ id: 'new.0', itemId: 'new', feedId: 'feed1', quote: 'vote vote', context: 'polling stations', aboutCountry: 'PK', stance: 'critical', date: '2024-04-01T00:00:00Z', reviewed: false, starred: false, language: 'en' })];
    index.upsertItem('new', extra);
    const now = [...gen, ...extra];
    for (const f of filters) {
      expect(index.facets(f, folders), JSON.stringify(f)).toEqual(computeFacets(now, f, folders));
      expect(index.query(f, 0, 20, folders), JSON.stringify(f)).toEqual(queryStatements(now, f, 0, 20, folders));
    }
  });
});
