// The per-day chart stacks statements by country or stance over every day of the span, so gaps show as gaps.
import { describe, expect, it } from 'vitest';
import { stackPerDay } from '../../../renderer/charts/series';

describe('stackPerDay', () => {
  it('fills days without statements and stacks counts by country', () => {
    const s = stackPerDay([
      { day: '2024-02-08', country: 'PK', stance: 'critical', count: 2 },
      { day: '2024-02-08', country: 'US', stance: 'neutral', count: 1 },
      { day: '2024-02-10', country: 'PK', stance: 'defensive', count: 3 },
    ], 'country');
    expect(s.days.map((d) => d.day)).toEqual(['2024-02-08', '2024-02-09', '2024-02-10']);
    expect(s.days.map((d) => d.total)).toEqual([3, 0, 3]);
    expect(s.keys).toEqual(['PK', 'US']);
    expect(s.max).toBe(3);
  });

  it('keeps the biggest countries and folds the rest into "other"', () => {
    const rows = ['AA', 'BB', 'CC', 'DD'].map((c, i) => ({ day: '2024-01-01', country: c, stance: 'neutral' as const, count: 10 - i }));
    const s = stackPerDay(rows, 'country', 3, 'other');
    expect(s.keys).toEqual(['AA', 'BB', 'other']);
    expect(s.days[0]!.parts).toEqual([{ key: 'AA', count: 10 }, { key: 'BB', count: 9 }, { key: 'other', count: 15 }]);
  });

  it('stacks by stance in a fixed order', () => {
    const s = stackPerDay([
      { day: '2024-01-01', country: 'PK', stance: 'neutral', count: 1 },
      { day: '2024-01-01', country: 'PK', stance: 'critical', count: 4 },
    ], 'stance');
    expect(s.keys).toEqual(['critical', 'neutral']);
    expect(s.days[0]!.total).toBe(5);
  });

  it('is empty without data', () => {
    expect(stackPerDay([], 'country')).toEqual({ keys: [], days: [], max: 0 });
  });
});
