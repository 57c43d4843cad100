// @vitest-environment jsdom
// Filters live in the URL: a bookmarked address gives back the same view, and other parameters are left alone.
import { describe, expect, it } from 'vitest';
import { readFilter, readView, searchFor } from '../../renderer/url-state';

describe('url state', () => {
  it('round-trips a filter and view through the search string', () => {
    const filter = { speakers: ['Matthew Miller'], countries: ['PK'], from: '2024-02-01', to: '2024-02-29', exclude: { stances: ['neutral' as const] } };
    const search = searchFor('', filter, 'charts');
    expect(readFilter(search)).toEqual(filter);
    expect(readView(search)).toBe('charts');
  });

  it('keeps unrelated parameters and drops the view when it is the timeline', () => {
    const search = searchFor('?lang=ur&view=feeds&q=old', { topics: ['fraud'] }, 'timeline');
    const p = new URLSearchParams(search);
    expect(p.get('lang')).toBe('ur');
    expect(p.get('view')).toBeNull();
    expect(p.get('q')).toBe('topic:fraud');
  });

  it('falls back to the timeline for an unknown view', () => {
    expect(readView('?view=<script>')).toBe('timeline');
  });
});
