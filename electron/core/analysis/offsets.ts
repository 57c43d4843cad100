// Binary search over sorted text offsets, shared by the stages that index an item's words once and look up by position.

/** First index in an ascending array whose value is ≥ x (a.length when none). */
export function lowerBound(a: readonly number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! < x) lo = mid + 1; else hi = mid;
  }
  return lo;
}
