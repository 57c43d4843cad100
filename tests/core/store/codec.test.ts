// The compact on-disk form of item metadata and analyses: what is written reads back exactly, including fields a
// later analyser adds, and a malformed record is refused (so the file is quarantined, not half-loaded).
import { describe, expect, it } from 'vitest';
import { decodeAnalysis, decodeItem, encodeAnalysis, encodeItem, StringPool, type AnalysisCore } from '../../../electron/core/store/codec.js';
import { StoreFormatError } from '../../../electron/core/store/json-file.js';
import type { ItemMeta } from '../../../electron/core/store/types.js';

const meta = (extra: Partial<ItemMeta> = {}): ItemMeta => ({
  id: '0123456789abcdef', feedId: 'feed1', identity: 'g:abc', contentHash: 'ff00', guid: 'https://n.example/1', title: 'Vote count',
  link: 'https://n.example/1', author: 'A. Reporter', published: '2024-02-09T10:00:00+05:00', updated: null,
  fetchedAt: '2024-02-09T06:00:00.000Z', sortDate: '2024-02-09T05:00:00.000Z', dateFromFetch: false, categories: ['Pakistan'], ...extra,
});

describe('codec', () => {
  it('round-trips item metadata: guid equal to link, undated items, dates in other zones', () => {
    const pool = new StringPool();
    for (const m of [meta(), meta({ guid: 'tag:n.example,2024:1' }), meta({ guid: null, published: null, sortDate: '2024-02-09T06:00:00.000Z', dateFromFetch: true })]) {
      expect(decodeItem(JSON.parse(JSON.stringify(encodeItem(m))), pool)).toEqual(m);
    }
  });

  it('round-trips analyses and keeps fields it does not know', () => {
    const a = {
      language: 'en', relevance: 0.9, electionRelated: true, countries: ['PK'], version: 2, analysedAt: '2024-02-10T00:00:00.000Z',
      statements: [{ quote: 'q', start: 1, end: 2, direct: false, speaker: null, speakerRole: null, speakerOrg: 'Ministry', speakerCountry: 'PK', aboutCountry: 'PK', topics: [], stance: 'defensive', confidence: 0.5, cue: 'said', context: 'c', extraStatementField: 7 }],
      futureField: { x: 1 },
    } as unknown as AnalysisCore;
    expect(decodeAnalysis(JSON.parse(JSON.stringify(encodeAnalysis(a))), new StringPool())).toEqual(a);
  });

  it('refuses malformed records', () => {
    const pool = new StringPool();
    expect(() => decodeItem({ id: 'x' }, pool)).toThrow(StoreFormatError);
    expect(() => decodeItem(['id', 'feed', 'i', 'h', 5, null, null, null, null, null, 'f', 0, []], pool)).toThrow(StoreFormatError);
    expect(() => decodeAnalysis(['en', 1], pool)).toThrow(StoreFormatError);
  });
});
