// One statement in the timeline: quote, speaker with role and organisation, countries, source and time, stance, topics.
import type { StatementView } from '../../electron/contract/api';
import { strings } from '../strings';
import { countryName, timeLabel } from '../format';
import { StanceTag } from './StanceTag';

/** Below this confidence the row says how unsure the extraction is. */
export const LOW_CONFIDENCE = 0.6;

export interface StatementRowProps {
  statement: StatementView;
  selected: boolean;
  onSelect: () => void;
  onOpen: () => void;
  onToggleReviewed: () => void;
  onToggleStar: () => void;
}

export function StatementRow({ statement: s, selected, onSelect, onOpen, onToggleReviewed, onToggleStar }: StatementRowProps) {
  const who = [s.speakerRole, s.speakerOrg !== s.speaker ? s.speakerOrg : null].filter((x): x is string => !!x);
  const pct = Math.round(s.confidence * 100);
  return (
    <article
      className={`row${selected ? ' selected' : ''}${s.reviewed ? ' reviewed' : ''}`}
      data-statement-id={s.id}
      aria-selected={selected}
      onClick={onSelect}
      onDoubleClick={onOpen}
    >
      <div className={`quote ${s.direct ? 'direct' : 'reported'}`} lang={s.language && s.language !== 'und' ? s.language : undefined}>
        {s.direct
          ? <q dir="auto">{s.quote}</q>
          : <><span className="kind">{strings.timeline.reported}</span><span dir="auto">{s.quote}</span></>}
      </div>
      <div className="who">
        <span className="speaker" dir="auto">{s.speaker ?? strings.timeline.unknownSpeaker}</span>
        {who.length > 0 && <span className="muted" dir="auto">{who.join(', ')}</span>}
        {s.speakerCountry && <span className="country" title={countryName(s.speakerCountry)}>{s.speakerCountry}</span>}
        {s.aboutCountry && (
          <span className="muted">
            {strings.timeline.about} <span title={s.aboutCountry}>{countryName(s.aboutCountry)}</span>
          </span>
        )}
        {s.corrected && <span className="faint">({strings.timeline.corrected})</span>}
      </div>
      <div className="meta">
        <StanceTag stance={s.stance} />
        {s.topics.map((t) => <span key={t} className="tag topic" dir="auto">{t}</span>)}
        <span dir="auto">{s.feedTitle}</span>
        <span title={s.dateFromFetch ? strings.timeline.dateFromFetch : undefined}>
          {timeLabel(s.date)}{s.dateFromFetch ? '*' : ''}
        </span>
        {s.confidence < LOW_CONFIDENCE && <span className="low-conf">{strings.timeline.lowConfidence(pct)}</span>}
        {s.reviewed && <span className="health-ok">✓ {strings.timeline.reviewed}</span>}
      </div>
      {s.note && <div className="note" dir="auto">{s.note}</div>}
      <div className="actions">
        <button
          type="button"
          aria-pressed={s.starred}
          aria-label={s.starred ? strings.timeline.unstar : strings.timeline.star}
          title={s.starred ? strings.timeline.unstar : strings.timeline.star}
          className={s.starred ? 'star-on' : undefined}
          onClick={(e) => { e.stopPropagation(); onToggleStar(); }}
        >{s.starred ? '★' : '☆'}</button>
        <button
          type="button"
          aria-pressed={s.reviewed}
          aria-label={s.reviewed ? strings.timeline.markUnreviewed : strings.timeline.markReviewed}
          title={`${s.reviewed ? strings.timeline.markUnreviewed : strings.timeline.markReviewed} (r)`}
          className={s.reviewed ? 'review-done' : undefined}
          onClick={(e) => { e.stopPropagation(); onToggleReviewed(); }}
        >✓</button>
        <button type="button" title={`${strings.timeline.open} (o)`} onClick={(e) => { e.stopPropagation(); onOpen(); }}>{strings.timeline.openShort}</button>
      </div>
    </article>
  );
}
