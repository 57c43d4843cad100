// Statement identity and review data: ids survive re-analysis, corrections show, reviews follow a moved statement.
import { describe, expect, it } from 'vitest';
import { buildStatementViews, carryOverReviews, itemIdOfStatement, statementIds } from '../../electron/core/statement-views.js';
import type { Statement } from '../../electron/core/analysis/types.js';
import type { FeedRecord, ItemMeta, ReviewRecord, StoredAnalysis } from '../../electron/core/store/types.js';

const st = (quote: string, start = 0): Statement => ({
  quote, start, end: start + quote.length, direct: true, speaker: 'Matthew Miller', speakerRole: 'spokesman', speakerOrg: 'US State Department',
  speakerCountry: 'US', aboutCountry: 'PK', topics: ['fraud'], stance: 'critical', confidence: 0.9, cue: 'added', context: quote,
});
const analysis = (statements: Statement[]): StoredAnalysis => ({
  language: 'en', relevance: 0.9, electionRelated: true, countries: ['PK'], statements, version: 1, analysedAt: '2024-02-09T00:00:00Z', text: '',
});
const meta: ItemMeta = {
  id: 'item1', feedId: 'feed1', identity: 'g:x', contentHash: 'h', guid: 'x', title: 'T', link: 'https://example.org/a', author: null,
  published: '2024-02-09T10:00:00.000Z', updated: null, fetchedAt: '2024-02-09T11:00:00.000Z', sortDate: '2024-02-09T10:00:00.000Z', dateFromFetch: false, categories: [],
};
const review = (r: Partial<ReviewRecord>): ReviewRecord => ({ reviewed: false, starred: false, note: null, correction: null, updatedAt: '2024-02-10T00:00:00Z', ...r });

describe('statement views', () => {
  it('gives the same id to the same words whatever their offsets, and distinct ids to repetitions', () => {
    const a = statementIds('item1', [st('Claims of fraud should be investigated', 10), st('Claims of fraud should be investigated', 400)]);
    const b = statementIds('item1', [st('Claims of  fraud should be investigated.', 50)]);
    expect(a[0]).toBe(b[0]);
    expect(a[1]).not.toBe(a[0]);
    expect(itemIdOfStatement(a[0]!)).toBe('item1');
  });

  it("shows the user's corrections and review state instead of the analyser's values", () => {
    const an = analysis([st('Claims of fraud should be investigated')]);
    const [id] = statementIds('item1', an.statements);
    const reviews = new Map([[id!, review({ reviewed: true, starred: true, note: 'check', correction: { speaker: 'Antony Blinken', stance: 'neutral' } })]]);
    const [v] = buildStatementViews(meta, undefined as unknown as FeedRecord, an, reviews);
    expect(v).toMatchObject({ speaker: 'Antony Blinken', stance: 'neutral', aboutCountry: 'PK', reviewed: true, starred: true, note: 'check', corrected: true });
  });

  it('carries a review over to the re-analysed statement that overlaps it most', () => {
    const before = analysis([st('The aim was to maintain law and order'), st('We will continue to support Pakistan')]);
    const after = analysis([st('We will continue to support Pakistan'), st('The aim was to maintain law and order and prevent potential deaths')]);
    const [oldId] = statementIds('item1', before.statements);
    const newIds = statementIds('item1', after.statements);
    const moves = carryOverReviews('item1', before, after, new Map([[oldId!, review({ starred: true })]]));
    expect(moves).toEqual([[oldId, newIds[1]]]);
  });
});
