// Timeline pages: newest first, stable order, paging and totals; the index stays right as items change.
import { describe, expect, it } from 'vitest';
import type { StatementView } from '../../../electron/contract/api.js';
import type { QueryContext } from '../../../electron/core/query/filter.js';
import { queryStatements, StatementIndex } from '../../../electron/core/query/search.js';
import { generateStatements, statement } from './statements.js';

const ctx: QueryContext = { folderOfFeed: new Map(), folderParents: new Map() };
const ids = (l: StatementView[]) => l.map((s) => s.id);

describe('queryStatements', () => {
  const a1 = statement({ id: 'a.1', itemId: 'a', date: '2024-02-09T10:00:00.000Z', start: 50 });
  const a0 = statement({ id: 'a.0', itemId: 'a', date: '2024-02-09T10:00:00.000Z', start: 0 });
  const b0 = statement({ id: 'b.0', itemId: 'b', date: '2024-02-09T10:00:00.000Z', start: 0 });
  const older = statement({ id: 'c.0', itemId: 'c', date: '2024-02-08T23:00:00.000Z' });
  const offset = statement({ id: 'd.0', itemId: 'd', date: '2024-02-09T12:00:00+05:00' }); // 07:00Z: before a and b
  const newest = statement({ id: 'e.0', itemId: 'e', date: '2024-03-01T00:00:00.000Z', stance: 'critical' });

  it('lists newest first, then by item, then by position in the item', () => {
    const page = queryStatements([older, a1, b0, offset, newest, a0], {}, 0, 10, ctx);
    expect(ids(page.statements)).toEqual(['e.0', 'a.0', 'a.1', 'b.0', 'd.0', 'c.0']);
    expect(page.total).toBe(6);
  });

  it('pages through the matches and counts them all', () => {
    const all = [older, a1, b0, offset, newest, a0];
    const p1 = queryStatements(all, { stances: ['neutral'] }, 0, 2, ctx);
    const p2 = queryStatements(all, { stances: ['neutral'] }, 2, 2, ctx);
    const p3 = queryStatements(all, { stances: ['neutral'] }, 4, 2, ctx);
    expect(p1.total).toBe(5);
    expect(p1.offset).toBe(0);
    expect([...ids(p1.statements), ...ids(p2.statements), ...ids(p3.statements)]).toEqual(['a.0', 'a.1', 'b.0', 'd.0', 'c.0']);
    expect(p3.statements).toHaveLength(1);
    expect(queryStatements(all, {}, 10, 5, ctx)).toEqual({ total: 6, offset: 10, statements: [] });
    expect(queryStatements(all, {}, -3, 1, ctx).statements).toEqual([newest]);
  });
});

describe('StatementIndex', () => {
  const group = (l: StatementView[]) => {
    const m = new Map<string, StatementView[]>();
    for (const s of l) m.set(s.itemId, [...(m.get(s.itemId) ?? []), s]);
    return m;
  };

  it('answers like a fresh query after items are added, replaced and removed', () => {
    const all = generateStatements(1500, 7);
    const items = group(all);
    const index = new StatementIndex();
    for (const [id, l] of items) index.upsertItem(id, l);
    expect(index.size).toBe(1500);
    const f = { countries: ['PK', 'IN'], text: 'vote' };
    expect(index.query(f, 0, 50, ctx)).toEqual(queryStatements(all, f, 0, 50, ctx));

    // Single changes after the first query patch the sorted order in place.
    const [firstId, firstList] = [...items][0]!;
    const changed = firstList.map((s) => ({ ...s, date: '2025-06-01T00:00:00.000Z', stance: 'critical' as const }));
    index.upsertItem(firstId, changed);
    const [secondId] = [...items][1]!;
    index.removeItem(secondId);
    const now = [...changed, ...all.filter((s) => s.itemId !== firstId && s.itemId !== secondId)];
    expect(index.size).toBe(now.length);
    expect(index.query({}, 0, 5000, ctx)).toEqual(queryStatements(now, {}, 0, 5000, ctx));
    expect(index.query({}, 0, changed.length, ctx).statements).toEqual(changed);
    expect(index.all()).toEqual(queryStatements(now, {}, 0, 5000, ctx).statements);
  });

  it('stays right after a burst of changes larger than it patches', () => {
    const all = generateStatements(2000, 9);
    const items = [...group(all)];
    expect(items.length).toBeGreaterThan(150); // each replacement is two changes: more than the 256 it patches
    const index = new StatementIndex();
    for (const [id, l] of items) index.upsertItem(id, l);
    index.query({}, 0, 1, ctx);
    const moved = new Map<string, StatementView[]>();
    for (const [id, l] of items) {
      const next = l.map((s) => ({ ...s, date: '2023-01-01T00:00:00.000Z' }));
      moved.set(id, next);
      index.upsertItem(id, next);
    }
    const now = items.flatMap(([id, l]) => moved.get(id) ?? l);
    expect(index.query({}, 0, 5000, ctx)).toEqual(queryStatements(now, {}, 0, 5000, ctx));
  });

  it('replaces one statement, e.g. after it is starred', () => {
    const s1 = statement({ id: 'x.1', itemId: 'x', start: 0 });
    const s2 = statement({ id: 'x.2', itemId: 'x', start: 10 });
    const index = new StatementIndex();
    index.upsertItem('x', [s1, s2]);
    expect(index.query({ starred: true }, 0, 10, ctx).total).toBe(0);
    expect(index.updateStatement({ ...s2, starred: true })).toBe(true);
    expect(ids(index.query({ starred: true }, 0, 10, ctx).statements)).toEqual(['x.2']);
    expect(index.updateStatement(statement({ id: 'nope', itemId: 'x' }))).toBe(false);
    expect(index.idsOfItem('x')).toEqual(['x.1', 'x.2']);
    expect(index.itemIds()).toEqual(['x']);
    index.upsertItem('x', []);
    expect(index.size).toBe(0);
    expect(index.itemIds()).toEqual([]);
  });

  it('queries a separate list the same way (new statements against saved searches)', () => {
    const index = new StatementIndex();
    const fresh = [statement({ id: 'n.0', itemId: 'n', stance: 'critical' }), statement({ id: 'n.1', itemId: 'n', start: 5 })];
    const page = index.queryIn(fresh, { q: 'stance:critical' }, 0, 1, ctx);
    expect(page.total).toBe(1);
    expect(page.statements[0]!.id).toBe('n.0');
  });
});

describe('StatementIndex remembered matches', () => {
  it('answers a repeated filter with fresh results after the statements change', () => {
    const index = new StatementIndex();
    index.upsertItem('a', [statement({ id: 'a.0', itemId: 'a', stance: 'critical' })]);
    expect(index.query({ stances: ['critical'] }, 0, 10, ctx).total).toBe(1);
    index.upsertItem('b', [statement({ id: 'b.0', itemId: 'b', stance: 'critical' })]);
    expect(index.query({ stances: ['critical'] }, 0, 10, ctx).total).toBe(2);
    index.removeItem('a');
    expect(ids(index.query({ stances: ['critical'] }, 0, 10, ctx).statements)).toEqual(['b.0']);
  });

  it('follows a feed moved to another folder', () => {
    const index = new StatementIndex();
    index.upsertItem('a', [statement({ id: 'a.0', itemId: 'a', feedId: 'f1' })]);
    const inAsia: QueryContext = { folderOfFeed: new Map([['f1', 'asia']]), folderParents: new Map([['asia', null], ['europe', null]]) };
    const inEurope: QueryContext = { folderOfFeed: new Map([['f1', 'europe']]), folderParents: inAsia.folderParents };
    expect(index.query({ folderIds: ['asia'] }, 0, 10, inAsia).total).toBe(1);
    expect(index.query({ folderIds: ['asia'] }, 0, 10, inEurope).total).toBe(0);
    expect(index.query({ q: 'folder:asia' }, 0, 10, inAsia).total).toBe(1);
    expect(index.query({ q: 'folder:asia' }, 0, 10, inEurope).total).toBe(0);
  });

  it('pages through a remembered filter consistently', () => {
    const all = generateStatements(1500, 11);
    const index = new StatementIndex();
    const m = new Map<string, StatementView[]>();
    for (const s of all) m.set(s.itemId, [...(m.get(s.itemId) ?? []), s]);
    for (const [id, l] of m) index.upsertItem(id, l);
    const f = { languages: ['en'] };
    const pages = [0, 1, 2, 3].map((i) => index.query(f, i * 100, 100, ctx));
    expect(pages.flatMap((p) => p.statements)).toEqual(queryStatements(all, f, 0, 400, ctx).statements);
    expect(new Set(pages.map((p) => p.total)).size).toBe(1);
  });
});
