// The view and its filter live in the URL (?q=<query>&view=feeds), so a view can be bookmarked and shared.
import type { StatementFilter } from '../electron/contract/api';
import { filterFromSearchParams, filterToSearchParams } from '../electron/contract/query-language';

export type View = 'timeline' | 'charts' | 'feeds';
const VIEWS: View[] = ['timeline', 'charts', 'feeds'];

export function readView(search: string): View {
  const v = new URLSearchParams(search).get('view');
  return (VIEWS as string[]).includes(v ?? '') ? (v as View) : 'timeline';
}

export function readFilter(search: string): StatementFilter {
  return filterFromSearchParams(new URLSearchParams(search));
}

/** The search string for a filter and view; other parameters already in the URL are kept. */
export function searchFor(current: string, filter: StatementFilter, view: View): string {
  const params = new URLSearchParams(current);
  params.delete('q');
  params.delete('view');
  for (const [k, v] of filterToSearchParams(filter)) params.set(k, v);
  if (view !== 'timeline') params.set('view', view);
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** Writes the filter and view into the address bar without reloading (keeps the hash). */
export function writeUrl(filter: StatementFilter, view: View, push: boolean): void {
  const search = searchFor(window.location.search, filter, view);
  if (search === window.location.search) return;
  const url = window.location.pathname + search + window.location.hash;
  if (push) window.history.pushState(null, '', url);
  else window.history.replaceState(null, '', url);
}
