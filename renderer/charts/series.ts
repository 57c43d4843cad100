// Turns facets.perDay into stacked series (days × country or stance) for the per-day chart.
import type { Facets, Stance } from '../../electron/contract/api';

export interface DayStack { day: string; total: number; parts: { key: string; count: number }[] }

export interface StackedSeries { keys: string[]; days: DayStack[]; max: number }

const STANCE_ORDER: Stance[] = ['critical', 'defensive', 'supportive', 'neutral'];

/** Every day between the first and last with data (gaps become empty days), stacked by the top keys (+ "other"). */
export function stackPerDay(perDay: Facets['perDay'], by: 'country' | 'stance', maxKeys = 6, otherKey = 'other'): StackedSeries {
  const keyOf = (r: Facets['perDay'][number]): string => (by === 'country' ? r.country || '—' : r.stance);
  const totals = new Map<string, number>();
  for (const r of perDay) totals.set(keyOf(r), (totals.get(keyOf(r)) ?? 0) + r.count);
  let keys: string[];
  if (by === 'stance') keys = STANCE_ORDER.filter((s) => totals.has(s));
  else {
    const sorted = [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k]) => k);
    keys = sorted.length > maxKeys ? [...sorted.slice(0, maxKeys - 1), otherKey] : sorted;
  }
  const perDayMap = new Map<string, Map<string, number>>();
  for (const r of perDay) {
    let k = keyOf(r);
    if (!keys.includes(k)) k = otherKey;
    const m = perDayMap.get(r.day) ?? new Map<string, number>();
    m.set(k, (m.get(k) ?? 0) + r.count);
    perDayMap.set(r.day, m);
  }
  const dayList = [...perDayMap.keys()].sort();
  const days: DayStack[] = [];
  if (dayList.length > 0) {
    const start = Date.parse(`${dayList[0]}T00:00:00Z`);
    const end = Date.parse(`${dayList[dayList.length - 1]}T00:00:00Z`);
    const span = Number.isNaN(start) || Number.isNaN(end) ? -1 : Math.round((end - start) / 86_400_000);
    const allDays = span >= 0 && span <= 3660
      ? Array.from({ length: span + 1 }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10))
      : dayList;
    for (const day of allDays) {
      const m = perDayMap.get(day) ?? new Map<string, number>();
      const parts = keys.map((key) => ({ key, count: m.get(key) ?? 0 }));
      days.push({ day, total: parts.reduce((a, p) => a + p.count, 0), parts });
    }
  }
  return { keys, days, max: Math.max(0, ...days.map((d) => d.total)) };
}
