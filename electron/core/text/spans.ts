/** Spans in text order (turns, passages): finding the one at a position by binary search. */

/** The index of the last span starting at or before `pos` (spans sorted by start), or -1. */
export function lastStartingAtOrBefore(spans: readonly { start: number }[], pos: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start <= pos) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
