// The charts screen: statements per day (by country or stance) and top speakers, for the current filter.
import type { Facets } from '../../electron/contract/api';
import { strings } from '../strings';
import { PerDayChart } from './PerDayChart';
import { TopSpeakersChart } from './TopSpeakersChart';

export function ChartsScreen({ facets, onPickSpeaker }: { facets: Facets | null; onPickSpeaker: (speaker: string) => void }) {
  if (!facets) return <div className="charts"><p className="empty">{strings.timeline.loading}</p></div>;
  return (
    <div className="charts">
      <PerDayChart perDay={facets.perDay} />
      <TopSpeakersChart speakers={facets.speakers} onPick={onPickSpeaker} />
    </div>
  );
}
