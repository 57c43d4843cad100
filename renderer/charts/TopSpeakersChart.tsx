// The speakers with most statements under the current filter, as horizontal SVG bars.
import type { FacetValue } from '../../electron/contract/api';
import { strings } from '../strings';

const W = 1100, ROW = 24, LABEL_W = 220, PAD_R = 40;

export function TopSpeakersChart({ speakers, limit = 12, onPick }: { speakers: FacetValue[]; limit?: number; onPick?: (speaker: string) => void }) {
  const top = [...speakers].sort((a, b) => b.count - a.count).slice(0, limit);
  const max = Math.max(1, ...top.map((s) => s.count));
  const H = top.length * ROW + 4;
  return (
    <figure className="chart" style={{ margin: 0 }} aria-labelledby="speakers-title">
      <h2 id="speakers-title">{strings.charts.topSpeakers}</h2>
      {top.length === 0 ? <p className="muted">{strings.charts.empty}</p> : (
        <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={strings.charts.topSpeakers}>
          {top.map((s, i) => {
            const w = ((W - LABEL_W - PAD_R) * s.count) / max;
            const yy = i * ROW + 2;
            return (
              <g key={s.value} data-speaker={s.value} style={{ cursor: onPick ? 'pointer' : undefined }} onClick={() => onPick?.(s.value)}>
                <text x={LABEL_W - 8} y={yy + 15} textAnchor="end" style={{ fontSize: 12 }}>
                  {s.label.length > 32 ? `${s.label.slice(0, 31)}…` : s.label}
                </text>
                <rect x={LABEL_W} y={yy + 3} width={Math.max(w, 1)} height={ROW - 8} rx={3} fill="#2f6fdf" />
                <text x={LABEL_W + w + 6} y={yy + 15}>{s.count}</text>
                <title>{`${s.label}: ${s.count}`}</title>
              </g>
            );
          })}
        </svg>
      )}
    </figure>
  );
}
