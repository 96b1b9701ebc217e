/**
 * Sorted, bounded, duplicate-free string lists. Keeping the *smallest* N values (rather than the
 * first N seen) makes accumulation order-independent, so merging worker results is associative,
 * commutative and deterministic.
 */

function lowerBound(list: string[], value: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Inserts value into the sorted list, keeping at most `limit` smallest values. Mutates list. */
export function insertBounded(list: string[], value: string, limit: number): void {
  if (list.length >= limit && value >= list[list.length - 1]) return;
  const at = lowerBound(list, value);
  if (list[at] === value) return;
  list.splice(at, 0, value);
  if (list.length > limit) list.pop();
}

/** The `limit` smallest distinct values of both sorted lists. */
export function mergeBounded(a: readonly string[], b: readonly string[], limit: number): string[] {
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (out.length < limit && (i < a.length || j < b.length)) {
    let next: string;
    if (j >= b.length || (i < a.length && a[i] <= b[j])) next = a[i++];
    else next = b[j++];
    if (out.length === 0 || out[out.length - 1] !== next) out.push(next);
  }
  return out;
}

/** Sorted union of two sorted lists (unbounded). */
export function mergeSorted(a: readonly string[], b: readonly string[]): string[] {
  return mergeBounded(a, b, Number.POSITIVE_INFINITY);
}
