// The article beside the timeline: the item's text offline with the statement highlighted, or its sandboxed feed HTML.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Correction, ItemView, PollwatchApi, StatementView } from '../../electron/contract/api';
import { strings } from '../strings';
import { dateTimeLabel } from '../format';
import { paragraphsWithMarks } from './highlight';
import { SandboxedHtml } from './SandboxedHtml';
import { ReviewPanel } from './ReviewPanel';

export interface ArticleViewProps {
  api: Pick<PollwatchApi, 'getItem'>;
  itemId: string;
  /** The statement to highlight and review (the timeline's current copy). */
  statement: StatementView | null;
  onClose: () => void;
  onReviewed: (s: StatementView, reviewed: boolean) => void;
  onStar: (s: StatementView, starred: boolean) => void;
  onNote: (s: StatementView, note: string | null) => void;
  onCorrect: (s: StatementView, c: Correction) => void;
}

export function ArticleView({ api, itemId, statement, onClose, onReviewed, onStar, onNote, onCorrect }: ArticleViewProps) {
  const [item, setItem] = useState<ItemView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tab, setTab] = useState<'text' | 'html'>('text');
  const bodyRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    setItem(null);
    setError(null);
    api.getItem(itemId).then(
      (it) => { if (live) setItem(it); },
      (e: unknown) => { if (live) setError(e instanceof Error ? e.message : String(e)); },
    );
    return () => { live = false; };
  }, [api, itemId]);

  const currentId = statement?.id ?? null;
  const paragraphs = useMemo(
    () => (item ? paragraphsWithMarks(item.text, item.statements.map((s) => ({ id: s.id, start: s.start, end: s.end })), currentId) : []),
    [item, currentId],
  );

  useEffect(() => {
    if (tab !== 'text') return;
    const el = bodyRef.current?.querySelector('mark.current');
    if (el && 'scrollIntoView' in el) (el as HTMLElement).scrollIntoView({ block: 'center' });
  }, [paragraphs, tab]);

  const lang = item?.language && item.language !== 'und' ? item.language : undefined;
  return (
    <aside className="article" aria-label={item?.title ?? strings.article.text}>
      <header>
        <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
          <h2 dir="auto" style={{ flex: 1 }}>{item?.title ?? statement?.itemTitle ?? ''}</h2>
          <button type="button" onClick={onClose} aria-label={strings.article.close} title={`${strings.article.close} (Esc)`}>✕</button>
        </div>
        {item && (
          <div className="byline">
            <span dir="auto">{item.feedTitle}</span>
            {item.author && <span dir="auto">{strings.article.by} {item.author}</span>}
            <span>{item.published ? `${strings.article.published} ${dateTimeLabel(item.published)}` : `${strings.article.fetched} ${dateTimeLabel(item.fetchedAt)}`}</span>
            <span>{strings.article.statements(item.statements.length)}</span>
            {item.link && /^https?:/i.test(item.link) && (
              <a href={item.link} target="_blank" rel="noopener noreferrer">{strings.article.openOriginal} ↗</a>
            )}
          </div>
        )}
        <div className="article-tabs">
          <button type="button" aria-pressed={tab === 'text'} onClick={() => setTab('text')}>{strings.article.text}</button>
          <button type="button" aria-pressed={tab === 'html'} onClick={() => setTab('html')}>{strings.article.html}</button>
        </div>
      </header>
      {error && <div className="notice error" role="alert">{strings.errors.generic} {error}</div>}
      {!item && !error && <p className="empty">{strings.article.loading}</p>}
      {item && tab === 'text' && (
        <div className="article-body" ref={bodyRef} lang={lang}>
          {item.fulltextError && <p className="muted">{strings.article.fulltextError} {item.fulltextError}</p>}
          {paragraphs.map((p) => (
            <p key={p.start} dir="auto">
              {p.pieces.map((piece, i) => piece.statementId
                ? <mark key={i} className={piece.current ? 'current' : undefined} data-statement-id={piece.statementId}>{piece.text}</mark>
                : <span key={i}>{piece.text}</span>)}
            </p>
          ))}
        </div>
      )}
      {item && tab === 'html' && (item.html
        ? <SandboxedHtml html={item.html} lang={lang ?? null} />
        : <p className="empty">{strings.article.noHtml}</p>)}
      {statement && (
        <ReviewPanel
          statement={statement}
          onReviewed={(r) => onReviewed(statement, r)}
          onStar={(v) => onStar(statement, v)}
          onNote={(n) => onNote(statement, n)}
          onCorrect={(c) => onCorrect(statement, c)}
        />
      )}
    </aside>
  );
}
