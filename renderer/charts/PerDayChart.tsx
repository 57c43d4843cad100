// Statements per day as stacked SVG bars, by country or by stance (plain SVG, no chart library).
import { useState } from 'react';
import type { Facets } from '../../electron/contract/api';
import { strings } from '../strings';
import { countryName, dayLabel } from '../format';
import { stackPerDay } from './series';

const PALETTE = ['#2f6fdf', '#d9730d', '#2e9e5b', '#b5367a', '#7a5cd6', '#8a8f98', '#0f9bb0', '#c9a227'];
const STANCE_COLOURS: Record<string, string> = { critical: '#c8372d', defensive: '#d08a1a', supportive: '#2e9e5b', neutral: '#8a93a0' };

const W = 1100, H = 220, PAD_L = 36, PAD_B = 26, PAD_T = 8, PAD_R = 8;

export function PerDayChart({ perDay }: { perDay: Facets['perDay'] }) {
  const [by, setBy] = useState<'country' | 'stance'>('country');
  const series = stackPerDay(perDay, by, 7, strings.charts.other);
  const colour = (key: string, i: number): string => (by === 'stance' ? STANCE_COLOURS[key] ?? PALETTE[5]! : key === strings.charts.other ? '#a3a9b2' : PALETTE[i % PALETTE.length]!);
  const label = (key: string): string => (by === 'stance' ? strings.stance[key] ?? key : key === strings.charts.other ? key : `${countryName(key)} (${key})`);
  const n = series.days.length;
  const plotW = W - PAD_L - PAD_R, plotH = H - PAD_T - PAD_B;
  const slot = n > 0 ? plotW / n : plotW;
  const barW = Math.max(1, Math.min(28, slot * 0.8));
  const y = (v: number): number => (series.max > 0 ? (v / series.max) * plotH : 0);
  const labelEvery = Math.max(1, Math.ceil(n / 8));
  return (
    <figure className="chart" style={{ margin: 0 }} aria-labelledby="perday-title">
      <h2 id="perday-title">
        {strings.charts.perDay}
        <span role="radiogroup" aria-label={strings.charts.perDay} style={{ display: 'inline-flex', gap: 4 }}>
          <button type="button" aria-pressed={by === 'country'} onClick={() => setBy('country')}>{strings.charts.byCountry}</button>
          <button type="button" aria-pressed={by === 'stance'} onClick={() => setBy('stance')}>{strings.charts.byStance}</button>
        </span>
      </h2>
      {n === 0 ? <p className="muted">{strings.charts.empty}</p> : (
        <>
          <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${strings.charts.perDay} ${by === 'country' ? strings.charts.byCountry : strings.charts.byStance}`}>
            <line className="axis" x1={PAD_L} x2={W - PAD_R} y1={H - PAD_B} y2={H - PAD_B} stroke="currentColor" strokeOpacity={0.25} />
            <text x={PAD_L - 6} y={PAD_T + 10} textAnchor="end">{series.max}</text>
            <text x={PAD_L - 6} y={H - PAD_B} textAnchor="end">0</text>
            {series.days.map((d, i) => {
              const x = PAD_L + i * slot + (slot - barW) / 2;
              let acc = 0;
              return (
                <g key={d.day} data-day={d.day}>
                  {d.parts.map((p, k) => {
                    if (p.count === 0) return null;
                    const h = y(p.count);
                    const top = H - PAD_B - y(acc) - h;
                    acc += p.count;
                    return (
                      <rect key={p.key} x={x} y={top} width={barW} height={Math.max(h, 0.5)} fill={colour(p.key, k)} data-key={p.key} data-count={p.count}>
                        <title>{`${dayLabel(d.day)} — ${label(p.key)}: ${p.count}`}</title>
                      </rect>
                    );
                  })}
                  {i % labelEvery === 0 && <text x={x + barW / 2} y={H - 8} textAnchor="middle">{d.day.slice(5)}</text>}
                </g>
              );
            })}
          </svg>
          <div className="legend">
            {series.keys.map((k, i) => <span key={k}><i style={{ background: colour(k, i) }} />{label(k)}</span>)}
          </div>
        </>
      )}
    </figure>
  );
}
