// The virtualised timeline: statements newest first, grouped under day headings, loaded page by page as they scroll in.
import { useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { StatementView } from '../../electron/contract/api';
import { strings } from '../strings';
import { dayKey, dayLabel } from '../format';
import type { PagedStatements } from './usePagedStatements';
import { StatementRow } from './StatementRow';

export interface TimelineProps {
  paged: PagedStatements;
  selectedIndex: number;
  onSelect: (index: number) => void;
  onOpen: (statement: StatementView) => void;
  onToggleReviewed: (statement: StatementView) => void;
  onToggleStar: (statement: StatementView) => void;
}

export function Timeline({ paged, selectedIndex, onSelect, onOpen, onToggleReviewed, onToggleStar }: TimelineProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = paged.total ?? 0;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 104,
    overscan: 6,
    getItemKey: (i) => paged.get(i)?.id ?? `slot-${i}`,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (count > 0) paged.ensure(Math.max(0, first - 20), Math.min(count - 1, last + 20));
  }, [first, last, count, paged]);

  useEffect(() => {
    if (selectedIndex >= 0 && selectedIndex < count) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, count, virtualizer]);

  // The day of the first row on screen stays visible at the top while scrolling through a long day.
  const offset = virtualizer.scrollOffset ?? 0;
  const topItem = items.find((v) => v.end > offset) ?? items[0];
  const topStatement = topItem ? paged.get(topItem.index) : undefined;
  const topDay = topStatement ? dayKey(topStatement.date) : null;

  if (paged.total === 0) return <div className="scroller"><p className="empty">{strings.timeline.empty}</p></div>;

  return (
    <div className="scroller" ref={scrollRef} role="feed" aria-busy={paged.total === null} aria-label={strings.timeline.list}>
      {topDay && (
        <div className="floating-day" aria-hidden="true">
          <div className="day-header" data-testid="current-day">{dayLabel(topDay)}</div>
        </div>
      )}
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}>
        {items.map((v) => {
          const s = paged.get(v.index);
          const prev = v.index > 0 ? paged.get(v.index - 1) : undefined;
          const day = s ? dayKey(s.date) : null;
          const showDay = s !== undefined && (v.index === 0 || (prev !== undefined && dayKey(prev.date) !== day));
          return (
            <div
              key={v.key}
              data-index={v.index}
              ref={virtualizer.measureElement}
              style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${v.start}px)` }}
            >
              {showDay && day && <h2 className="day-header">{dayLabel(day)}</h2>}
              {s
                ? <StatementRow
                    statement={s}
                    selected={v.index === selectedIndex}
                    onSelect={() => onSelect(v.index)}
                    onOpen={() => { onSelect(v.index); onOpen(s); }}
                    onToggleReviewed={() => onToggleReviewed(s)}
                    onToggleStar={() => onToggleStar(s)}
                  />
                : <div className="placeholder-row" aria-label={strings.timeline.loading} />}
            </div>
          );
        })}
      </div>
      {paged.total === null && <p className="empty">{strings.timeline.loading}</p>}
    </div>
  );
}
