// Pages through queryStatements on demand, so a timeline of 200,000 statements only holds what is on screen.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PollwatchApi, StatementFilter, StatementView } from '../../electron/contract/api';

export const PAGE_SIZE = 100;

export interface PagedStatements {
  /** null until the first page arrived. */
  total: number | null;
  get(index: number): StatementView | undefined;
  /** Asks for the pages covering [start, end]; loads the missing ones. */
  ensure(start: number, end: number): void;
  /** Puts a statement the API returned (after review, star, note, correction) in place without reloading. */
  replace(statement: StatementView): void;
  /** Finds a loaded statement's index. */
  indexOf(statementId: string): number;
  error: string | null;
  /** Changes whenever loaded data changes, for memoised children. */
  version: number;
}

type Api = Pick<PollwatchApi, 'queryStatements'>;

export function usePagedStatements(api: Api, filter: StatementFilter, refreshKey: number, pageSize: number = PAGE_SIZE): PagedStatements {
  const pages = useRef(new Map<number, StatementView[]>());
  const inflight = useRef(new Set<number>());
  const generation = useRef(0);
  const lastRange = useRef<[number, number]>([0, 0]);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const filterKey = JSON.stringify(filter);

  const load = useCallback((page: number, gen: number) => {
    if (inflight.current.has(page)) return;
    inflight.current.add(page);
    api.queryStatements(filter, page * pageSize, pageSize).then(
      (res) => {
        if (gen !== generation.current) return;
        inflight.current.delete(page);
        pages.current.set(page, res.statements);
        setTotal(res.total);
        setError(null);
        setVersion((v) => v + 1);
      },
      (e: unknown) => {
        if (gen !== generation.current) return;
        inflight.current.delete(page);
        setError(e instanceof Error ? e.message : String(e));
      },
    );
    // filterKey stands for filter.
  }, [api, filterKey, pageSize]);

  // A new filter starts from nothing.
  useEffect(() => {
    generation.current += 1;
    pages.current = new Map();
    inflight.current = new Set();
    setTotal(null);
    setVersion((v) => v + 1);
    load(0, generation.current);
  }, [load]);

  // New statements: reload the pages on screen, keep showing the old ones until they arrive.
  const seenRefresh = useRef(refreshKey);
  useEffect(() => {
    if (seenRefresh.current === refreshKey) return;
    seenRefresh.current = refreshKey;
    generation.current += 1;
    const gen = generation.current;
    inflight.current = new Set();
    const [a, b] = lastRange.current;
    const first = Math.floor(a / pageSize);
    const last = Math.max(first, Math.floor(b / pageSize));
    for (const p of [...pages.current.keys()]) if (p < first || p > last) pages.current.delete(p);
    for (let p = first; p <= last; p++) load(p, gen);
  }, [refreshKey]);

  const get = useCallback((index: number) => pages.current.get(Math.floor(index / pageSize))?.[index % pageSize], [pageSize]);

  const ensure = useCallback((start: number, end: number) => {
    lastRange.current = [start, end];
    const first = Math.floor(Math.max(0, start) / pageSize);
    const last = Math.floor(Math.max(0, end) / pageSize);
    for (let p = first; p <= last; p++) {
      if (!pages.current.has(p)) load(p, generation.current);
    }
  }, [load, pageSize]);

  const replace = useCallback((s: StatementView) => {
    for (const list of pages.current.values()) {
      const i = list.findIndex((x) => x.id === s.id);
      if (i >= 0) list[i] = s;
    }
    setVersion((v) => v + 1);
  }, []);

  const indexOf = useCallback((id: string) => {
    for (const [p, list] of pages.current) {
      const i = list.findIndex((x) => x.id === id);
      if (i >= 0) return p * pageSize + i;
    }
    return -1;
  }, [pageSize]);

  return { total, get, ensure, replace, indexOf, error, version };
}
