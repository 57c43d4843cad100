// One filter group of facet values with counts beside them: tick to include, shows what the query excludes.
import { useState } from 'react';
import type { FacetValue } from '../../electron/contract/api';
import { strings } from '../strings';

const SHOWN = 8;

export interface FacetListProps {
  id: string;
  title: string;
  values: FacetValue[];
  selected: string[];
  excluded?: string[];
  onToggle: (value: string) => void;
  onUnexclude?: (value: string) => void;
}

export function FacetList({ id, title, values, selected, excluded = [], onToggle, onUnexclude }: FacetListProps) {
  const [expanded, setExpanded] = useState(false);
  const [find, setFind] = useState('');
  // Selected values stay visible even when no statement has them under the current filter.
  const all: FacetValue[] = [...values];
  for (const v of [...selected, ...excluded]) if (!all.some((x) => x.value === v)) all.push({ value: v, label: v, count: values.length ? 0 : -1 });
  const needle = find.trim().toLowerCase();
  const matching = needle ? all.filter((v) => v.label.toLowerCase().includes(needle) || v.value.toLowerCase().includes(needle)) : all;
  const pinned = matching.filter((v) => selected.includes(v.value) || excluded.includes(v.value));
  const rest = matching.filter((v) => !pinned.includes(v));
  const shown = expanded ? rest : rest.slice(0, Math.max(0, SHOWN - pinned.length));
  const hidden = rest.length - shown.length;
  if (all.length === 0) return null;
  return (
    <section className="filter-group" aria-labelledby={`fg-${id}`} data-facet={id}>
      <h3 id={`fg-${id}`}>{title}</h3>
      {all.length > 12 && (
        <input className="facet-filter" type="search" aria-label={strings.filters.find(title)} placeholder={strings.filters.findPlaceholder} value={find} onChange={(e) => setFind(e.target.value)} />
      )}
      {[...pinned, ...shown].map((v) => {
        const isExcluded = excluded.includes(v.value);
        return (
          <label key={v.value} className={`facet${isExcluded ? ' excluded' : ''}`} title={v.label !== v.value ? `${v.label} (${v.value})` : v.label}>
            <input
              type="checkbox"
              checked={selected.includes(v.value)}
              onChange={() => (isExcluded && onUnexclude ? onUnexclude(v.value) : onToggle(v.value))}
            />
            <span className="label" dir="auto">{isExcluded ? `− ${v.label}` : v.label}</span>
            {v.count >= 0 && <span className="count">{v.count.toLocaleString('en')}</span>}
          </label>
        );
      })}
      {hidden > 0 && <button type="button" className="link" onClick={() => setExpanded(true)}>{strings.filters.more(hidden)}</button>}
      {expanded && rest.length > SHOWN && <button type="button" className="link" onClick={() => setExpanded(false)}>{strings.filters.less}</button>}
    </section>
  );
}
