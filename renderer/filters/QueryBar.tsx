// The query box for power users, kept in sync with the filter controls (it always shows the current filter's query).
import { forwardRef, useEffect, useState } from 'react';
import type { StatementFilter } from '../../electron/contract/api';
import { formatQuery, parseQuery } from '../../electron/contract/query-language';
import { strings } from '../strings';

export interface QueryBarProps {
  filter: StatementFilter;
  onApply: (filter: StatementFilter) => void;
  onErrors: (errors: string[]) => void;
}

export const QueryBar = forwardRef<HTMLInputElement, QueryBarProps>(function QueryBar({ filter, onApply, onErrors }, ref) {
  const canonical = formatQuery(filter);
  const [text, setText] = useState(canonical);
  useEffect(() => setText(canonical), [canonical]);
  return (
    <form
      className="querybar"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        const { filter: parsed, errors } = parseQuery(text);
        onErrors(errors);
        onApply(parsed);
        setText(formatQuery(parsed));
      }}
    >
      <label htmlFor="query" className="sr-only">{strings.filters.query}</label>
      <input
        id="query"
        ref={ref}
        type="text"
        dir="auto"
        spellCheck={false}
        autoComplete="off"
        placeholder={strings.filters.queryPlaceholder}
        title={strings.filters.queryHelp}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => { if (e.key === 'Escape') { setText(canonical); (e.target as HTMLInputElement).blur(); } }}
      />
      <button type="submit">{strings.filters.apply}</button>
    </form>
  );
});
