// The query language users type (and bookmark): every operator, negation, quotes, bad input, round trip, URL.
import { describe, expect, it } from 'vitest';
import {
  filterFromSearchParams, filterToSearchParams, formatQuery, mergeFilter, parseQuery, textTerms,
} from '../../electron/contract/query-language.js';

describe('parseQuery', () => {
  it('reads the example from the issue', () => {
    const { filter, errors } = parseQuery('speaker:"Matthew Miller" country:PK topic:fraud date:2024-02-01/2024-02-29 -stance:neutral');
    expect(errors).toEqual([]);
    expect(filter).toEqual({
      speakers: ['Matthew Miller'], countries: ['PK'], topics: ['fraud'], from: '2024-02-01', to: '2024-02-29',
      exclude: { stances: ['neutral'] },
    });
  });

  it('reads every operator', () => {
    const { filter, errors } = parseQuery('org:"State Department" feed:f1 folder:fo1 lang:UR item:abc type:reported is:reviewed is:starred is:election');
    expect(errors).toEqual([]);
    expect(filter).toEqual({
      orgs: ['State Department'], feedIds: ['f1'], folderIds: ['fo1'], languages: ['ur'], itemId: 'abc',
      direct: false, reviewed: true, starred: true, electionOnly: true,
    });
  });

  it('upper-cases country codes and accepts operator names in any case', () => {
    expect(parseQuery('Country:pk COUNTRY:bd').filter.countries).toEqual(['PK', 'BD']);
    expect(parseQuery('country:uk').filter.countries).toEqual(['GB']); // the common non-ISO spelling
  });

  it('ORs repeated operators within a field, without duplicates', () => {
    expect(parseQuery('stance:critical stance:defensive stance:critical').filter.stances).toEqual(['critical', 'defensive']);
  });

  it('negates with a leading dash', () => {
    const { filter } = parseQuery('-speaker:Khan -country:in -topic:turnout -feed:f2 -lang:fr -org:PTI');
    expect(filter.exclude).toEqual({ speakers: ['Khan'], countries: ['IN'], topics: ['turnout'], feedIds: ['f2'], languages: ['fr'], orgs: ['PTI'] });
    expect(filter.speakers).toBeUndefined();
  });

  it('flips booleans when is: and type: are negated', () => {
    expect(parseQuery('-type:direct').filter.direct).toBe(false);
    expect(parseQuery('-type:reported').filter.direct).toBe(true);
    expect(parseQuery('-is:reviewed').filter.reviewed).toBe(false);
    expect(parseQuery('is:unreviewed').filter.reviewed).toBe(false);
    expect(parseQuery('-is:unreviewed').filter.reviewed).toBe(true);
    expect(parseQuery('-is:starred').filter.starred).toBe(false);
  });

  it('accepts every date form', () => {
    expect(parseQuery('date:2024-02-09').filter).toEqual({ from: '2024-02-09', to: '2024-02-09' });
    expect(parseQuery('date:2024-02').filter).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(parseQuery('date:2023-02').filter).toEqual({ from: '2023-02-01', to: '2023-02-28' });
    expect(parseQuery('date:2024').filter).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(parseQuery('date:2024-02-01/').filter).toEqual({ from: '2024-02-01' });
    expect(parseQuery('date:/2024-02').filter).toEqual({ to: '2024-02-29' });
    expect(parseQuery('date:2024-01/2024-03').filter).toEqual({ from: '2024-01-01', to: '2024-03-31' });
  });

  it('reports bad dates and other malformed operators without throwing, and ignores them', () => {
    for (const bad of ['date:2024-02-30', 'date:2024-13', 'date:yesterday', 'date:/', 'date:2024-03-01/2024-02-01', 'stance:angry', 'country:Pakistan', 'type:both', 'is:read', 'speaker:', '-folder:x', '-date:2024']) {
      const { filter, errors } = parseQuery(`${bad} fraud`);
      expect(errors.length, bad).toBe(1);
      expect(errors[0]).toContain(bad.split(':')[0]!.replace('-', ''));
      expect(filter.text, bad).toBe('fraud');
      expect(filter.from).toBeUndefined();
    }
  });

  it('keeps free words, quoted phrases, negated words and unknown operators as free text', () => {
    const { filter, errors } = parseQuery('rigging "internet shutdown" -violence foo:bar country:PK');
    expect(errors).toEqual([]);
    expect(filter.countries).toEqual(['PK']);
    expect(filter.text).toBe('rigging "internet shutdown" -violence foo:bar');
    expect(textTerms(filter.text!)).toEqual({ include: ['rigging', 'internet shutdown', 'foo:bar'], exclude: ['violence'] });
  });

  it('reads quoted values with escaped quotes and an unterminated quote', () => {
    expect(parseQuery('speaker:"Ali \\"The Lion\\" Khan"').filter.speakers).toEqual(['Ali "The Lion" Khan']);
    expect(parseQuery('speaker:"Imran Khan').filter.speakers).toEqual(['Imran Khan']);
  });

  it('gives an empty filter for an empty or blank query', () => {
    expect(parseQuery('')).toEqual({ filter: {}, errors: [] });
    expect(parseQuery('   -  ')).toEqual({ filter: {}, errors: [] });
  });
});

describe('formatQuery', () => {
  const queries = [
    'speaker:"Matthew Miller" country:PK topic:fraud date:2024-02-01/2024-02-29 -stance:neutral',
    'org:"State Department" feed:f1 folder:fo1 lang:ur item:abc type:reported is:reviewed is:starred is:election',
    'date:2024-02 -is:starred -type:direct rigging "internet shutdown" -violence foo:bar',
    'speaker:"Ali \\"The Lion\\" Khan" speaker:Khan -speaker:"-dash" date:/2024-03-01 text with "speaker:quoted"',
    'date:2024-02-09T10:00:00Z/2024-02-10 country:in country:bd -lang:fr',
    'zürich "a \\"b\\"" -"two words"',
  ];
  it.each(queries)('round-trips %s', (q) => {
    const first = parseQuery(q).filter;
    const again = parseQuery(formatQuery(first));
    expect(again.errors).toEqual([]);
    expect(again.filter).toEqual(first);
  });

  it('writes the canonical form', () => {
    expect(formatQuery({ countries: ['PK'], speakers: ['Matthew Miller'], exclude: { stances: ['neutral'] }, from: '2024-02-09', to: '2024-02-09', text: 'fraud' }))
      .toBe('speaker:"Matthew Miller" country:PK date:2024-02-09 -stance:neutral fraud');
    expect(formatQuery({})).toBe('');
  });

  it('keeps free text that looks like an operator as text', () => {
    const q = formatQuery({ text: 'speaker:x' });
    expect(parseQuery(q).filter).toEqual({ text: '"speaker:x"' });
  });

  it('folds a filter\'s own q into the query', () => {
    expect(parseQuery(formatQuery({ countries: ['PK'], q: 'stance:critical fraud' })).filter)
      .toEqual({ countries: ['PK'], stances: ['critical'], text: 'fraud' });
  });
});

describe('mergeFilter', () => {
  it('lets the query override the fields it names and keeps the others', () => {
    expect(mergeFilter({ countries: ['PK'], stances: ['neutral'], text: 'vote' }, 'stance:critical -topic:x fraud'))
      .toEqual({ countries: ['PK'], stances: ['critical'], exclude: { topics: ['x'] }, text: 'vote fraud' });
  });
});

describe('URL parameters', () => {
  it('store the view in a single q parameter and read it back', () => {
    const filter = parseQuery('speaker:"Matthew Miller" country:PK -stance:neutral date:2024-02 "vote rigging"').filter;
    const p = filterToSearchParams(filter);
    expect([...p.keys()]).toEqual(['q']);
    const url = new URL(`https://app.local/#/timeline?${p.toString()}`);
    const back = filterFromSearchParams(new URLSearchParams(url.hash.split('?')[1]));
    expect(back).toEqual(filter);
  });

  it('are empty for an empty filter and give an empty filter back', () => {
    expect(filterToSearchParams({}).toString()).toBe('');
    expect(filterFromSearchParams(new URLSearchParams(''))).toEqual({});
  });
});

describe('round trip on generated queries', () => {
  // Fixed pseudo-random sequence, so a failure is reproducible.
  let x = 12345;
  const rnd = () => { x = (x * 1103515245 + 12345) % 2147483648; return x / 2147483648; };
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!;
  const pieces = [
    'speaker:"Matthew Miller"', 'speaker:Khan', 'org:PTI', 'country:pk', 'country:IN', 'topic:fraud', 'stance:critical',
    '-stance:neutral', 'feed:f-1', 'folder:asia', 'lang:ur', 'date:2024-02', 'date:2024-02-01/2024-02-29', 'date:/2024-03',
    'type:direct', '-type:direct', 'is:reviewed', 'is:unreviewed', '-is:starred', 'is:election', 'item:it1', 'vote',
    '"internet shutdown"', '-violence', 'foo:bar', 'zürich', '"quote \\" inside"', 'date:bad', 'stance:x', 'speaker:"a:b"',
    '-', '""', 'x"y', 'speaker:"-lead"', 'http://example.com/a?b=c', 'org:"Ministry (Interior)"', '\t', 'COUNTRY:bd',
  ];

  it('parses any mix without throwing, and format(parse(q)) parses to the same filter', () => {
    for (let n = 0; n < 500; n++) {
      const q = Array.from({ length: 1 + Math.floor(rnd() * 7) }, () => pick(pieces)).join(rnd() < 0.2 ? '  ' : ' ');
      const first = parseQuery(q).filter;
      const again = parseQuery(formatQuery(first));
      expect(again.errors, q).toEqual([]);
      expect(again.filter, q).toEqual(first);
      expect(filterFromSearchParams(new URLSearchParams(filterToSearchParams(first).toString())), q).toEqual(first);
    }
  });
});
