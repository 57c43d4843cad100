// Which statements a filter lets through: each field, exclusions, folders with subfolders, inclusive dates, accents, q.
import { describe, expect, it } from 'vitest';
import type { StatementFilter } from '../../../electron/contract/api.js';
import { matchesFilter, type QueryContext } from '../../../electron/core/query/filter.js';
import { statement } from './statements.js';

// Folders: news ⊃ asia ⊃ pakistan; other. Feeds: fp in pakistan, fa in asia, fn in news, fo in other, fr at root.
const ctx: QueryContext = {
  folderParents: new Map<string, string | null>([['news', null], ['asia', 'news'], ['pakistan', 'asia'], ['other', null]]),
  folderOfFeed: new Map<string, string | null>([['fp', 'pakistan'], ['fa', 'asia'], ['fn', 'news'], ['fo', 'other'], ['fr', null]]),
};
const match = (f: StatementFilter, over: Parameters<typeof statement>[0] = {}) => matchesFilter(statement(over), f, ctx);

describe('matchesFilter', () => {
  it('lets everything through an empty filter', () => {
    expect(match({})).toBe(true);
  });

  it('matches speakers and organisations exactly, ignoring case and accents', () => {
    expect(match({ speakers: ['recep erdogan'] }, { speaker: 'Recep Erdoğan' })).toBe(true);
    expect(match({ speakers: ['Erdogan'] }, { speaker: 'Recep Erdoğan' })).toBe(false);
    expect(match({ speakers: ['Miller'] }, { speaker: null })).toBe(false);
    expect(match({ orgs: ['STATE DEPARTMENT'] })).toBe(true);
    expect(match({ orgs: ['Interior Ministry', 'State Department'] })).toBe(true);
    expect(match({ orgs: ['Interior Ministry'] })).toBe(false);
  });

  it('ORs values within a field and ANDs fields', () => {
    expect(match({ countries: ['IN', 'PK'], stances: ['neutral'] })).toBe(true);
    expect(match({ countries: ['IN', 'PK'], stances: ['critical'] })).toBe(false);
  });

  it('matches country codes case-insensitively, topics, stances, languages, feeds and the item', () => {
    expect(match({ countries: ['pk'] })).toBe(true);
    expect(match({ countries: ['PK'] }, { aboutCountry: null })).toBe(false);
    expect(match({ topics: ['turnout', 'fraud'] })).toBe(true);
    expect(match({ topics: ['turnout'] })).toBe(false);
    expect(match({ languages: ['EN'] })).toBe(true);
    expect(match({ languages: ['fr'] })).toBe(false);
    expect(match({ feedIds: ['feed-a'] })).toBe(true);
    expect(match({ feedIds: ['feed-b'] })).toBe(false);
    expect(match({ itemId: 'x' }, { itemId: 'x' })).toBe(true);
    expect(match({ itemId: 'y' }, { itemId: 'x' })).toBe(false);
  });

  it('filters direct/reported, reviewed/unreviewed and starred', () => {
    expect(match({ direct: true }, { direct: true })).toBe(true);
    expect(match({ direct: false }, { direct: true })).toBe(false);
    expect(match({ reviewed: false }, { reviewed: false })).toBe(true);
    expect(match({ reviewed: true }, { reviewed: false })).toBe(false);
    expect(match({ starred: true }, { starred: true })).toBe(true);
    expect(match({ starred: true }, { starred: false })).toBe(false);
  });

  it('excludes values, keeping statements that have no value for the field', () => {
    expect(match({ exclude: { stances: ['neutral'] } })).toBe(false);
    expect(match({ exclude: { stances: ['critical'] } })).toBe(true);
    expect(match({ exclude: { speakers: ['MATTHEW MILLER'] } })).toBe(false);
    expect(match({ exclude: { speakers: ['Matthew Miller'] } }, { speaker: null })).toBe(true);
    expect(match({ exclude: { countries: ['pk'] } })).toBe(false);
    expect(match({ exclude: { topics: ['fraud'] } }, { topics: ['turnout', 'fraud'] })).toBe(false);
    expect(match({ exclude: { feedIds: ['feed-a'] } })).toBe(false);
    expect(match({ exclude: { languages: ['en'] } })).toBe(false);
    expect(match({ exclude: { orgs: ['state department'] } })).toBe(false);
  });

  it('includes the feeds of subfolders when filtering by folder', () => {
    const f = { folderIds: ['asia'] };
    expect(match(f, { feedId: 'fp' })).toBe(true);
    expect(match(f, { feedId: 'fa' })).toBe(true);
    expect(match(f, { feedId: 'fn' })).toBe(false);
    expect(match(f, { feedId: 'fo' })).toBe(false);
    expect(match(f, { feedId: 'fr' })).toBe(false);
    expect(match(f, { feedId: 'unknown-feed' })).toBe(false);
    expect(match({ folderIds: ['news'] }, { feedId: 'fp' })).toBe(true);
    expect(match({ folderIds: ['other', 'pakistan'] }, { feedId: 'fp' })).toBe(true);
  });

  it('survives a folder cycle', () => {
    const loop: QueryContext = { folderParents: new Map([['a', 'b'], ['b', 'a']]), folderOfFeed: new Map([['f', 'a']]) };
    expect(matchesFilter(statement({ feedId: 'f' }), { folderIds: ['x'] }, loop)).toBe(false);
    expect(matchesFilter(statement({ feedId: 'f' }), { folderIds: ['b'] }, loop)).toBe(true);
  });

  it('treats date bounds as inclusive days', () => {
    const f = { from: '2024-02-01', to: '2024-02-29' };
    expect(match(f, { date: '2024-02-01T00:00:00.000Z' })).toBe(true);
    expect(match(f, { date: '2024-02-29T23:59:59.999Z' })).toBe(true);
    expect(match(f, { date: '2024-01-31T23:59:59.999Z' })).toBe(false);
    expect(match(f, { date: '2024-03-01T00:00:00.000Z' })).toBe(false);
    expect(match({ to: '2024-02-09' }, { date: '2024-02-09T18:00:00.000Z' })).toBe(true);
    expect(match({ from: '2024-02-10' }, { date: '2024-02-09T18:00:00.000Z' })).toBe(false);
  });

  it('compares full ISO bounds as instants', () => {
    expect(match({ from: '2024-02-09T12:00:00Z' }, { date: '2024-02-09T11:00:00.000Z' })).toBe(false);
    expect(match({ from: '2024-02-09T12:00:00+05:00' }, { date: '2024-02-09T08:00:00.000Z' })).toBe(true);
  });

  it('finds free words anywhere in quote, speaker, organisation, context or title, ignoring case and accents', () => {
    const s = { quote: 'Les élections étaient truquées', itemTitle: 'Vote à Dakar', context: 'selon le porte-parole', speaker: 'José Núñez' };
    expect(match({ text: 'ELECTIONS truquees' }, s)).toBe(true);
    expect(match({ text: 'dakar nunez' }, s)).toBe(true);
    expect(match({ text: 'porte-parole' }, s)).toBe(true);
    expect(match({ text: 'state department' }, s)).toBe(true);
    expect(match({ text: 'elections fraude' }, s)).toBe(false);
  });

  it('treats quoted phrases as one term and -words as words that must not occur', () => {
    const s = { quote: 'The internet shutdown hurt the vote', context: '' };
    expect(match({ text: '"internet shutdown"' }, s)).toBe(true);
    expect(match({ text: '"shutdown internet"' }, s)).toBe(false);
    expect(match({ text: 'vote -shutdown' }, s)).toBe(false);
    expect(match({ text: 'vote -rigging' }, s)).toBe(true);
  });

  it('applies the query language in q together with the structured fields', () => {
    expect(match({ q: 'speaker:"matthew miller" -stance:critical fair', countries: ['PK'] })).toBe(true);
    expect(match({ q: 'country:IN', countries: ['PK'] })).toBe(false);
    expect(match({ q: 'date:2024-02', from: '2024-02-09', to: '2024-02-09' })).toBe(true);
    expect(match({ q: 'is:starred' })).toBe(false);
    expect(match({ q: 'type:reported' })).toBe(false);
  });

  it('restricts to election-related items when the context knows them', () => {
    const withItems: QueryContext = { ...ctx, electionItemIds: new Set(['e1']) };
    expect(matchesFilter(statement({ itemId: 'e1' }), { electionOnly: true }, withItems)).toBe(true);
    expect(matchesFilter(statement({ itemId: 'e2' }), { electionOnly: true }, withItems)).toBe(false);
    expect(matchesFilter(statement({ itemId: 'e2' }), { electionOnly: false }, withItems)).toBe(true);
  });
});

describe('date bounds given as a month or a year', () => {
  it('cover the whole month or year', () => {
    expect(match({ to: '2024-02' }, { date: '2024-02-29T12:00:00.000Z' })).toBe(true);
    expect(match({ to: '2024-02' }, { date: '2024-03-01T00:00:00.000Z' })).toBe(false);
    expect(match({ from: '2024-02' }, { date: '2024-01-31T23:00:00.000Z' })).toBe(false);
    expect(match({ from: '2024', to: '2024' }, { date: '2024-12-31T23:59:00.000Z' })).toBe(true);
  });
});
