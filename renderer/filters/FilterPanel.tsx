// The filter controls: facets with counts, kind, review state, date range, language, folder and free text.
import { useEffect, useState } from 'react';
import type { Facets, FacetValue, Folder, StatementFilter } from '../../electron/contract/api';
import { normaliseFilter } from '../../electron/contract/query-language';
import { strings } from '../strings';
import { countryName, languageName } from '../format';
import { FacetList } from './FacetList';

type ListKey = 'countries' | 'speakers' | 'orgs' | 'topics' | 'stances' | 'feedIds' | 'folderIds' | 'languages';
type ExcludeKey = keyof NonNullable<StatementFilter['exclude']>;

export interface FilterPanelProps {
  filter: StatementFilter;
  facets: Facets | null;
  folders: Folder[];
  onChange: (filter: StatementFilter) => void;
  children?: React.ReactNode;
}

const toggled = (list: string[] | undefined, v: string): string[] =>
  (list ?? []).includes(v) ? (list ?? []).filter((x) => x !== v) : [...(list ?? []), v];

const countOf = (values: FacetValue[] | undefined, ...keys: string[]): number | null => {
  const hit = values?.find((v) => keys.includes(v.value));
  return hit ? hit.count : null;
};

export function FilterPanel({ filter, facets, folders, onChange, children }: FilterPanelProps) {
  const [text, setText] = useState(filter.text ?? '');
  useEffect(() => setText(filter.text ?? ''), [filter.text]);

  const set = (patch: Partial<StatementFilter>): void => onChange(normaliseFilter({ ...filter, ...patch }));
  const toggle = (key: ListKey, v: string): void => set({ [key]: toggled(filter[key] as string[] | undefined, v) } as Partial<StatementFilter>);
  const unexclude = (key: ExcludeKey, v: string): void =>
    set({ exclude: { ...filter.exclude, [key]: (filter.exclude?.[key] ?? []).filter((x) => x !== v) } as StatementFilter['exclude'] });

  const withCountryNames = (vals: FacetValue[] = []): FacetValue[] =>
    vals.map((v) => ({ ...v, label: v.label && v.label !== v.value ? v.label : countryName(v.value) }));
  const withLanguageNames = (vals: FacetValue[] = []): FacetValue[] =>
    vals.map((v) => ({ ...v, label: v.label && v.label !== v.value ? v.label : languageName(v.value) }));
  const stanceValues = (facets?.stances ?? []).map((v) => ({ ...v, label: strings.stance[v.value] ?? v.label }));
  const count = (n: number | null): string => (n === null ? '' : ` (${n.toLocaleString('en')})`);

  const facetProps = (id: ListKey & ExcludeKey, title: string, values: FacetValue[]) => ({
    id, title, values,
    selected: (filter[id] as string[] | undefined) ?? [],
    excluded: (filter.exclude?.[id] as string[] | undefined) ?? [],
    onToggle: (v: string) => toggle(id, v),
    onUnexclude: (v: string) => unexclude(id, v),
  });

  return (
    <aside className="filters" aria-label={strings.filters.title}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline' }}>
        <h2>{strings.filters.title}</h2>
        <button type="button" className="link" onClick={() => onChange({})}>{strings.filters.clear}</button>
      </div>
      <section className="filter-group">
        <form onSubmit={(e) => { e.preventDefault(); set({ text: text.trim() || undefined }); }}>
          <label htmlFor="free-text" className="sr-only">{strings.filters.search}</label>
          <input id="free-text" type="search" dir="auto" style={{ width: '100%' }} placeholder={strings.filters.searchPlaceholder}
            value={text} onChange={(e) => setText(e.target.value)} onBlur={() => { if ((filter.text ?? '') !== text.trim()) set({ text: text.trim() || undefined }); }} />
        </form>
      </section>
      <FacetList {...facetProps('countries', strings.filters.countries, withCountryNames(facets?.countries))} />
      <FacetList {...facetProps('speakers', strings.filters.speakers, facets?.speakers ?? [])} />
      <FacetList {...facetProps('orgs', strings.filters.orgs, facets?.orgs ?? [])} />
      <FacetList {...facetProps('stances', strings.filters.stances, stanceValues)} />
      <FacetList {...facetProps('topics', strings.filters.topics, facets?.topics ?? [])} />
      <section className="filter-group">
        <h3>{strings.filters.kind}</h3>
        <div className="radio-row" role="radiogroup" aria-label={strings.filters.kind}>
          {([['any', undefined, strings.filters.any, null], ['direct', true, strings.filters.direct, countOf(facets?.direct, 'direct', 'true')],
            ['reported', false, strings.filters.reportedOnly, countOf(facets?.direct, 'reported', 'false')]] as const).map(([key, val, label, n]) => (
            <label key={key}>
              <input type="radio" name="kind" checked={filter.direct === val} onChange={() => set({ direct: val })} />
              {label}<span className="faint">{count(n)}</span>
            </label>
          ))}
        </div>
      </section>
      <section className="filter-group">
        <h3>{strings.filters.review}</h3>
        <div className="radio-row" role="radiogroup" aria-label={strings.filters.review}>
          {([['any', undefined, strings.filters.any, null], ['unreviewed', false, strings.filters.unreviewed, countOf(facets?.review, 'unreviewed')],
            ['reviewed', true, strings.filters.reviewed, countOf(facets?.review, 'reviewed')]] as const).map(([key, val, label, n]) => (
            <label key={key}>
              <input type="radio" name="review" checked={filter.reviewed === val} onChange={() => set({ reviewed: val })} />
              {label}<span className="faint">{count(n)}</span>
            </label>
          ))}
          <label>
            <input type="checkbox" checked={filter.starred === true} onChange={() => set({ starred: filter.starred ? undefined : true })} />
            {strings.filters.starred}<span className="faint">{count(countOf(facets?.review, 'starred'))}</span>
          </label>
        </div>
        <label className="facet" style={{ marginTop: 4 }}>
          <input type="checkbox" checked={filter.electionOnly === true} onChange={() => set({ electionOnly: filter.electionOnly ? undefined : true })} />
          <span className="label">{strings.filters.electionOnly}</span>
        </label>
      </section>
      <section className="filter-group">
        <h3>{strings.filters.dateRange}</h3>
        <div className="date-range">
          <label htmlFor="date-from">{strings.filters.from}</label>
          <input id="date-from" type="date" value={filter.from?.slice(0, 10) ?? ''} onChange={(e) => set({ from: e.target.value || undefined })} />
          <label htmlFor="date-to">{strings.filters.to}</label>
          <input id="date-to" type="date" value={filter.to?.slice(0, 10) ?? ''} onChange={(e) => set({ to: e.target.value || undefined })} />
        </div>
      </section>
      <FacetList {...facetProps('feedIds', strings.filters.feeds, facets?.feeds ?? [])} />
      {folders.length > 0 && (
        <FacetList
          id="folderIds"
          title={strings.filters.folders}
          values={folders.map((f) => ({ value: f.id, label: f.name, count: -1 }))}
          selected={filter.folderIds ?? []}
          onToggle={(v) => toggle('folderIds', v)}
        />
      )}
      <FacetList {...facetProps('languages', strings.filters.languages, withLanguageNames(facets?.languages))} />
      {children}
    </aside>
  );
}

