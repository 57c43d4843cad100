// The whole screen: top bar (views, query, status), filters, timeline / charts / feeds, the article, keyboard review.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type {
  AppStatus, Correction, Facets, Feed, Folder, OpmlImportReport, PollwatchBridge, PollwatchEvent, SavedSearch, StatementFilter, StatementView,
} from '../electron/contract/api';
import { normaliseFilter } from '../electron/contract/query-language';
import { strings } from './strings';
import { ApiError } from './api';
import { readFilter, readView, writeUrl, type View } from './url-state';
import { usePagedStatements } from './timeline/usePagedStatements';
import { Timeline } from './timeline/Timeline';
import { ExportMenu } from './timeline/ExportMenu';
import { FilterPanel } from './filters/FilterPanel';
import { QueryBar } from './filters/QueryBar';
import { SavedSearches } from './filters/SavedSearches';
import { ArticleView } from './article/ArticleView';
import { FeedsScreen } from './feeds/FeedsScreen';
import { FirstRun } from './feeds/FirstRun';
import { ChartsScreen } from './charts/ChartsScreen';
import { StatusIndicator } from './StatusIndicator';
import { HelpOverlay } from './HelpOverlay';
import { Toasts, type Toast } from './Toasts';
import { askNotificationPermission, notifySavedSearch } from './notify';

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function App({ api }: { api: PollwatchBridge }) {
  const [view, setViewState] = useState<View>(() => readView(window.location.search));
  const [filter, setFilterState] = useState<StatementFilter>(() => readFilter(window.location.search));
  const [queryErrors, setQueryErrors] = useState<string[]>([]);
  const [status, setStatus] = useState<AppStatus | null>(null);
  const [connected, setConnected] = useState(true);
  const [forbidden, setForbidden] = useState(false);
  const [feeds, setFeeds] = useState<Feed[]>([]);
  const [folders, setFolders] = useState<Folder[]>([]);
  const [facets, setFacets] = useState<Facets | null>(null);
  const [saved, setSaved] = useState<SavedSearch[]>([]);
  const [unseen, setUnseen] = useState<Record<string, number>>({});
  const [refreshKey, setRefreshKey] = useState(0);
  const [selected, setSelected] = useState(0);
  const [articleOpen, setArticleOpen] = useState(false);
  const [help, setHelp] = useState(false);
  const [toasts, setToasts] = useState<Toast[]>([]);
  const [opmlReport, setOpmlReport] = useState<OpmlImportReport | null>(null);
  const queryRef = useRef<HTMLInputElement>(null);
  const toastId = useRef(0);
  const paged = usePagedStatements(api, filter, refreshKey);
  const filterKey = JSON.stringify(filter);

  const toast = useCallback((text: string, kind: Toast['kind'] = 'info', action?: Toast['action']) => {
    const id = ++toastId.current;
    setToasts((t) => [...t.slice(-3), { id, text, kind, action }]);
    setTimeout(() => setToasts((t) => t.filter((x) => x.id !== id)), kind === 'error' ? 12_000 : 8_000);
  }, []);
  const fail = useCallback((e: unknown) => toast(message(e), 'error'), [toast]);

  const setFilter = useCallback((f: StatementFilter) => {
    const next = normaliseFilter(f);
    setFilterState(next);
    setSelected(0);
    writeUrl(next, view, true);
  }, [view]);
  const setView = useCallback((v: View) => {
    setViewState(v);
    writeUrl(filter, v, true);
  }, [filter]);

  // A desktop notification's click opens app://…#/statement/<id>: show that statement's item with its article open.
  useEffect(() => {
    const openFromHash = (): void => {
      const m = /^#\/statement\/([^/]+)$/.exec(window.location.hash);
      if (!m) return;
      const itemId = decodeURIComponent(m[1]!).split('.')[0]!;
      history.replaceState(history.state, '', window.location.pathname + window.location.search);
      setFilter({ itemId });
      setArticleOpen(true);
    };
    openFromHash();
    window.addEventListener('hashchange', openFromHash);
    return () => window.removeEventListener('hashchange', openFromHash);
  }, [setFilter]);

  useEffect(() => {
    const onPop = (): void => {
      setFilterState(readFilter(window.location.search));
      setViewState(readView(window.location.search));
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const loadStatus = useCallback(() => {
    api.status().then(
      (s) => { setStatus(s); setConnected(true); },
      (e: unknown) => { setConnected(false); if (e instanceof ApiError && e.code === 'forbidden') setForbidden(true); },
    );
  }, [api]);
  const loadFeeds = useCallback(() => {
    Promise.all([api.listFeeds(), api.listFolders()]).then(([f, d]) => { setFeeds(f); setFolders(d); }, fail);
    loadStatus();
  }, [api, fail, loadStatus]);
  const loadSaved = useCallback(() => { api.listSavedSearches().then(setSaved, fail); }, [api, fail]);

  useEffect(() => { loadFeeds(); loadSaved(); }, [loadFeeds, loadSaved]);
  useEffect(() => {
    const t = setInterval(loadStatus, 30_000);
    return () => clearInterval(t);
  }, [loadStatus]);

  useEffect(() => {
    let live = true;
    api.facets(filter).then((f) => { if (live) setFacets(f); }, (e: unknown) => { if (live) fail(e); });
    return () => { live = false; };
    // filterKey stands for filter
  }, [api, filterKey, refreshKey, fail]);

  // Events: many arrive while polling, so the timeline and facets reload at most about once a second.
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const scheduleRefresh = useCallback(() => {
    if (refreshTimer.current) return;
    refreshTimer.current = setTimeout(() => { refreshTimer.current = null; setRefreshKey((k) => k + 1); loadStatus(); }, 800);
  }, [loadStatus]);
  const statusRef = useRef(status);
  statusRef.current = status;
  const savedRef = useRef(saved);
  savedRef.current = saved;
  useEffect(() => api.onEvent((e: PollwatchEvent) => {
    switch (e.type) {
      case 'poll-progress':
        setStatus((s) => (s ? { ...s, poll: e.progress, online: e.progress.offline ? false : s.online } : s));
        if (!e.progress.running) { loadFeeds(); scheduleRefresh(); }
        break;
      case 'online':
        setStatus((s) => (s ? { ...s, online: e.online } : s));
        break;
      case 'analysis-progress':
        setStatus((s) => (s ? { ...s, analysisPending: e.pending } : s));
        scheduleRefresh();
        break;
      case 'feeds-changed':
        loadFeeds();
        break;
      case 'new-statements':
        scheduleRefresh();
        for (const m of e.savedSearchMatches) {
          if (m.count <= 0) continue;
          setUnseen((u) => ({ ...u, [m.id]: (u[m.id] ?? 0) + m.count }));
          const search = savedRef.current.find((s) => s.id === m.id);
          const apply = (): void => { if (search) { setFilter(search.filter); setViewState('timeline'); } };
          toast(strings.saved.newMatches(m.name, m.count), 'info', search ? { label: strings.filters.apply, run: apply } : undefined);
          if (statusRef.current?.mode !== 'electron' && (search?.notify ?? true)) notifySavedSearch(m.name, m.count, apply);
        }
        break;
    }
  }), [api, loadFeeds, scheduleRefresh, toast, setFilter]);

  // Review actions keep the list stable: the changed statement is replaced where it is.
  const update = useCallback((p: Promise<StatementView>) => { p.then(paged.replace, fail); }, [paged.replace, fail]);
  const total = paged.total ?? 0;
  const current = paged.get(selected) ?? null;
  const select = useCallback((i: number) => setSelected(Math.max(0, Math.min(i, Math.max(0, total - 1)))), [total]);

  const markReviewed = useCallback((s: StatementView, moveOn: boolean) => {
    update(api.setReviewed(s.id, !s.reviewed));
    if (moveOn && !s.reviewed) select(selected + 1);
  }, [api, update, select, selected]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      const target = e.target as HTMLElement | null;
      const typing = target?.closest?.('input:not([type=checkbox]):not([type=radio]):not([type=file]), textarea, select, [contenteditable="true"]');
      if (typing) {
        if (e.key === 'Escape') (target as HTMLElement).blur();
        return;
      }
      if (e.key === 'Escape') {
        if (help) setHelp(false);
        else if (articleOpen) setArticleOpen(false);
        return;
      }
      if (e.key === '?') { e.preventDefault(); setHelp(true); return; }
      if (help) return;
      if (e.key === '/') { e.preventDefault(); if (view === 'feeds') setView('timeline'); setTimeout(() => queryRef.current?.focus(), 0); return; }
      if (view !== 'timeline') return;
      const onButton = target?.closest?.('button, a');
      switch (e.key) {
        case 'j': e.preventDefault(); select(selected + 1); break;
        case 'k': e.preventDefault(); select(selected - 1); break;
        case 'r': if (current) { e.preventDefault(); markReviewed(current, true); } break;
        case 's': if (current) { e.preventDefault(); update(api.setStarred(current.id, !current.starred)); } break;
        case 'o':
        case 'Enter':
          if (current && !(e.key === 'Enter' && onButton)) { e.preventDefault(); setArticleOpen(true); }
          break;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [api, help, articleOpen, view, setView, select, selected, current, markReviewed, update]);

  const firstRun = status !== null && status.feedCount === 0 && feeds.length === 0;
  const showFilters = view !== 'feeds' && !firstRun;
  const showArticle = view === 'timeline' && articleOpen && current !== null && !firstRun;
  const bodyClass = `body${showFilters ? '' : ' no-filters'}${showArticle ? ' with-article' : ''}`;

  const onSaveSearch = (name: string, notify: boolean): void => {
    if (notify && status?.mode !== 'electron') void askNotificationPermission();
    api.saveSearch(name, filter, notify).then(() => loadSaved(), fail);
  };

  const header = useMemo(() => (
    <nav className="tabs" aria-label={strings.nav.label}>
      {(['timeline', 'charts', 'feeds'] as View[]).map((v) => (
        <button key={v} type="button" aria-current={view === v ? 'page' : undefined} onClick={() => setView(v)}>{strings.nav[v]}</button>
      ))}
    </nav>
  ), [view, setView]);

  return (
    <div className="app">
      <header className="topbar">
        <div className="brand"><span className="brand-mark" aria-hidden="true" />{strings.appName}</div>
        {header}
        {view !== 'feeds' && !firstRun
          ? <QueryBar ref={queryRef} filter={filter} onApply={setFilter} onErrors={setQueryErrors} />
          : <span className="spacer" />}
        <StatusIndicator status={status} connected={connected} />
        <button type="button" className="help-btn" aria-label={strings.help.title} title={`${strings.help.title} (?)`} onClick={() => setHelp(true)}>?</button>
      </header>
      {forbidden && <div className="query-errors" role="alert">{strings.status.noToken}</div>}
      {queryErrors.length > 0 && (
        <div className="query-errors" role="alert">
          {queryErrors.join(' · ')} <button type="button" className="link" onClick={() => setQueryErrors([])}>{strings.errors.dismiss}</button>
        </div>
      )}
      <div className={bodyClass}>
        {showFilters && (
          <FilterPanel filter={filter} facets={facets} folders={folders} onChange={setFilter}>
            <SavedSearches
              searches={saved}
              unseen={unseen}
              currentFilter={filter}
              onApply={(s) => {
                setFilter(s.filter);
                setUnseen((u) => ({ ...u, [s.id]: 0 }));
                api.markSavedSearchSeen(s.id).then(() => loadSaved(), fail);
              }}
              onSave={onSaveSearch}
              onDelete={(s) => api.deleteSavedSearch(s.id).then(() => loadSaved(), fail)}
            />
          </FilterPanel>
        )}
        <main className="main">
          {view === 'timeline' && (firstRun
            ? <FirstRun api={api} onDone={loadFeeds} onImported={(r) => { setOpmlReport(r); setView('feeds'); loadFeeds(); }} onError={fail} />
            : (
              <>
                <div className="toolbar">
                  <span className="count" data-testid="statement-count">{paged.total === null ? strings.timeline.loading : strings.timeline.count(total)}</span>
                  {paged.error && <span className="health-error">{paged.error}</span>}
                  <span className="spacer" />
                  <ExportMenu api={api} filter={filter} onError={fail} />
                </div>
                <Timeline
                  paged={paged}
                  selectedIndex={selected}
                  onSelect={select}
                  onOpen={() => setArticleOpen(true)}
                  onToggleReviewed={(s) => markReviewed(s, false)}
                  onToggleStar={(s) => update(api.setStarred(s.id, !s.starred))}
                />
              </>
            ))}
          {view === 'charts' && (
            <ChartsScreen facets={facets} onPickSpeaker={(sp) => { setFilter({ ...filter, speakers: [sp] }); setView('timeline'); }} />
          )}
          {view === 'feeds' && <FeedsScreen api={api} feeds={feeds} folders={folders} reload={loadFeeds} onError={fail} report={opmlReport} onReport={setOpmlReport} desktop={status?.mode === 'electron'} storeProblems={status?.storeProblems ?? []} />}
        </main>
        {showArticle && current && (
          <ArticleView
            api={api}
            itemId={current.itemId}
            statement={current}
            onClose={() => setArticleOpen(false)}
            onReviewed={(s, r) => update(api.setReviewed(s.id, r))}
            onStar={(s, v) => update(api.setStarred(s.id, v))}
            onNote={(s, n) => update(api.setNote(s.id, n))}
            onCorrect={(s, c: Correction) => { if (Object.keys(c).length) update(api.correct(s.id, c)); }}
          />
        )}
      </div>
      {help && <HelpOverlay onClose={() => setHelp(false)} />}
      <Toasts toasts={toasts} onDismiss={(id) => setToasts((t) => t.filter((x) => x.id !== id))} />
    </div>
  );
}
