// Review of one statement: reviewed, star, a note, and a correction of the attribution (speaker, country, stance).
import { useEffect, useState } from 'react';
import type { Correction, Stance, StatementView } from '../../electron/contract/api';
import { strings } from '../strings';

const STANCES: Stance[] = ['critical', 'supportive', 'defensive', 'neutral'];

export interface ReviewPanelProps {
  statement: StatementView;
  onReviewed: (reviewed: boolean) => void;
  onStar: (starred: boolean) => void;
  onNote: (note: string | null) => void;
  onCorrect: (c: Correction) => void;
}

export function ReviewPanel({ statement: s, onReviewed, onStar, onNote, onCorrect }: ReviewPanelProps) {
  const [note, setNote] = useState(s.note ?? '');
  const [correcting, setCorrecting] = useState(false);
  const [speaker, setSpeaker] = useState(s.speaker ?? '');
  const [country, setCountry] = useState(s.aboutCountry ?? '');
  const [stance, setStance] = useState<Stance>(s.stance);
  useEffect(() => {
    setNote(s.note ?? '');
    setSpeaker(s.speaker ?? '');
    setCountry(s.aboutCountry ?? '');
    setStance(s.stance);
  }, [s.id, s.note, s.speaker, s.aboutCountry, s.stance]);

  return (
    <section className="review-box" aria-label={strings.review.correct}>
      <div className="row-actions">
        <button type="button" aria-pressed={s.reviewed} onClick={() => onReviewed(!s.reviewed)}>
          {s.reviewed ? strings.timeline.markUnreviewed : strings.timeline.markReviewed}
        </button>
        <button type="button" aria-pressed={s.starred} onClick={() => onStar(!s.starred)} className={s.starred ? 'star-on' : undefined}>
          {s.starred ? `★ ${strings.timeline.unstar}` : `☆ ${strings.timeline.star}`}
        </button>
        <button type="button" aria-expanded={correcting} onClick={() => setCorrecting((c) => !c)}>{strings.review.correct}</button>
      </div>
      {correcting && (
        <form
          className="correct-form"
          onSubmit={(e) => {
            e.preventDefault();
            const c: Correction = {};
            if (speaker.trim() !== (s.speaker ?? '')) c.speaker = speaker.trim() || null;
            const cc = country.trim().toUpperCase();
            if (cc !== (s.aboutCountry ?? '')) c.aboutCountry = cc || null;
            if (stance !== s.stance) c.stance = stance;
            onCorrect(c);
            setCorrecting(false);
          }}
        >
          <label htmlFor="corr-speaker">{strings.review.speaker}</label>
          <input id="corr-speaker" type="text" dir="auto" value={speaker} onChange={(e) => setSpeaker(e.target.value)} />
          <label htmlFor="corr-country">{strings.review.country}</label>
          <input id="corr-country" type="text" maxLength={2} value={country} onChange={(e) => setCountry(e.target.value)} />
          <label htmlFor="corr-stance">{strings.review.stance}</label>
          <select id="corr-stance" value={stance} onChange={(e) => setStance(e.target.value as Stance)}>
            {STANCES.map((x) => <option key={x} value={x}>{strings.stance[x]}</option>)}
          </select>
          <div className="buttons">
            <button type="submit" className="primary">{strings.review.save}</button>
            <button type="button" onClick={() => setCorrecting(false)}>{strings.review.cancel}</button>
          </div>
        </form>
      )}
      <form
        onSubmit={(e) => { e.preventDefault(); onNote(note.trim() === '' ? null : note.trim()); }}
        style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
      >
        <label htmlFor="note" className="sr-only">{strings.review.noteLabel}</label>
        <textarea id="note" dir="auto" placeholder={strings.review.notePlaceholder} value={note} onChange={(e) => setNote(e.target.value)} />
        <div><button type="submit" disabled={note.trim() === (s.note ?? '')}>{strings.review.saveNote}</button></div>
      </form>
    </section>
  );
}
