// Items newest first (sortDate descending, then id), kept sorted in memory: new items are merged in when the list is
// next read, so storing a poll does not re-sort the whole archive.
import type { ItemMeta } from './types.js';

export const newestFirst = (a: ItemMeta, b: ItemMeta): number =>
  a.sortDate < b.sortDate ? 1 : a.sortDate > b.sortDate ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

export class ItemOrder {
  private sorted: ItemMeta[] = [];
  private added: ItemMeta[] = [];
  private needsSort = false;
  private needsPrune = false;

  constructor(private readonly alive: (m: ItemMeta) => boolean) {}

  /** Replaces the contents: `sorted` newest first when `inOrder`, else in any order. */
  load(items: ItemMeta[], inOrder: boolean): void {
    this.sorted = items;
    this.added = [];
    this.needsSort = !inOrder;
    this.needsPrune = false;
  }

  add(meta: ItemMeta): void {
    this.added.push(meta);
  }

  /** An item's sortDate changed. */
  moved(): void {
    this.needsSort = true;
  }

  /** Items were removed. */
  removed(): void {
    this.needsPrune = true;
  }

  list(): readonly ItemMeta[] {
    if (this.needsPrune) {
      this.sorted = this.sorted.filter(this.alive);
      this.added = this.added.filter(this.alive);
      this.needsPrune = false;
    }
    if (this.needsSort) {
      this.sorted = this.sorted.concat(this.added).sort(newestFirst);
      this.added = [];
      this.needsSort = false;
    } else if (this.added.length) {
      this.sorted = mergeNewestFirst(this.sorted, this.added.sort(newestFirst));
      this.added = [];
    }
    return this.sorted;
  }
}

export function isSorted(list: readonly ItemMeta[]): boolean {
  for (let i = 1; i < list.length; i++) if (newestFirst(list[i - 1]!, list[i]!) > 0) return false;
  return true;
}

/** Merges two lists that are each newest first. */
export function mergeNewestFirst(a: ItemMeta[], b: ItemMeta[]): ItemMeta[] {
  const out = new Array<ItemMeta>(a.length + b.length);
  let i = 0, j = 0, k = 0;
  while (i < a.length && j < b.length) out[k++] = newestFirst(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}
