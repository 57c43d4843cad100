// Saved searches: save the current filter (optionally with a notification on new matches), apply, delete.
import { useState } from 'react';
import type { SavedSearch, StatementFilter } from '../../electron/contract/api';
import { formatQuery } from '../../electron/contract/query-language';
import { strings } from '../strings';

export interface SavedSearchesProps {
  searches: SavedSearch[];
  /** New matches per saved search since it was last seen (from 'new-statements' events). */
  unseen: Record<string, number>;
  onApply: (s: SavedSearch) => void;
  onSave: (name: string, notify: boolean) => void;
  onDelete: (s: SavedSearch) => void;
  currentFilter: StatementFilter;
}

export function SavedSearches({ searches, unseen, onApply, onSave, onDelete, currentFilter }: SavedSearchesProps) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [notify, setNotify] = useState(true);
  const query = formatQuery(currentFilter);
  return (
    <section className="filter-group" aria-labelledby="saved-title">
      <h3 id="saved-title">{strings.saved.title}</h3>
      {searches.length === 0 && <p className="faint" style={{ margin: '0 0 4px', fontSize: 12.5 }}>{strings.saved.none}</p>}
      <ul className="saved-list">
        {searches.map((s) => (
          <li key={s.id}>
            <button type="button" className="link name" title={formatQuery(s.filter)} onClick={() => onApply(s)} dir="auto">{s.name}</button>
            {s.notify && <span className="faint" title={strings.saved.notify} style={{ fontSize: 11 }}>{strings.saved.notifies}</span>}
            {(unseen[s.id] ?? 0) > 0 && <span className="badge">{unseen[s.id]}</span>}
            <button type="button" className="link danger" aria-label={`${strings.saved.delete} ${s.name}`} onClick={() => onDelete(s)}>✕</button>
          </li>
        ))}
      </ul>
      {!open && <button type="button" onClick={() => setOpen(true)} disabled={query === ''} title={query}>{strings.saved.save}</button>}
      {open && (
        <form
          className="save-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!name.trim()) return;
            onSave(name.trim(), notify);
            setName('');
            setOpen(false);
          }}
        >
          <input type="text" dir="auto" aria-label={strings.saved.namePlaceholder} placeholder={strings.saved.namePlaceholder} value={name}
            onChange={(e) => setName(e.target.value)} autoFocus />
          <label className="facet"><input type="checkbox" checked={notify} onChange={(e) => setNotify(e.target.checked)} /> {strings.saved.notify}</label>
          <div style={{ display: 'flex', gap: 6 }}>
            <button type="submit" className="primary" disabled={!name.trim()}>{strings.saved.save}</button>
            <button type="button" onClick={() => setOpen(false)}>{strings.feeds.cancel}</button>
          </div>
        </form>
      )}
    </section>
  );
}
