/**
 * Margin layout: each quotation gets a lane (a column of the margin) so that overlapping and
 * nested quotations stand side by side instead of on top of each other. Lanes are assigned
 * once per document, so a bar keeps its column across the (virtualised) blocks it spans.
 */
export interface Span {
  id: number;
  start: number;
  end: number;
}

/** Greedy interval colouring: longest-first among equal starts, lowest free lane. */
export function assignLanes<T extends Span>(spans: T[]): { lanes: Map<number, number>; laneCount: number } {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end || a.id - b.id);
  const laneEnds: number[] = [];
  const lanes = new Map<number, number>();
  for (const s of sorted) {
    let lane = laneEnds.findIndex((end) => end <= s.start);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = s.end;
    lanes.set(s.id, lane);
  }
  return { lanes, laneCount: laneEnds.length };
}

/** Quotations overlapping [from, to), found by binary search over start-sorted spans. */
export function overlapping<T extends Span>(sortedByStart: T[], maxLength: number, from: number, to: number): T[] {
  // Any span overlapping [from, to) starts after from - maxLength and before to.
  let lo = 0;
  let hi = sortedByStart.length;
  const min = from - maxLength;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sortedByStart[mid]!.start < min) lo = mid + 1;
    else hi = mid;
  }
  const out: T[] = [];
  for (let i = lo; i < sortedByStart.length && sortedByStart[i]!.start < to; i++) {
    const s = sortedByStart[i]!;
    if (s.end > from && s.start < to) out.push(s);
  }
  return out;
}

export interface Segment {
  start: number;
  end: number;
  /** Ids of the quotations covering the whole segment. */
  ids: number[];
}

/** Cuts [from, to) at every quotation boundary inside it: one segment per distinct coverage. */
export function segments(from: number, to: number, spans: Span[], extra: number[] = []): Segment[] {
  const cuts = new Set<number>([from, to, ...extra.filter((x) => x > from && x < to)]);
  for (const s of spans) {
    if (s.start > from && s.start < to) cuts.add(s.start);
    if (s.end > from && s.end < to) cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    out.push({ start: a, end: b, ids: spans.filter((s) => s.start <= a && s.end >= b).map((s) => s.id) });
  }
  return out;
}

/** Label placement: wanted tops in, non-overlapping tops out (pushed down in order). */
export function stackLabels(wanted: { id: number; top: number; height: number }[]): Map<number, number> {
  const out = new Map<number, number>();
  let bottom = -Infinity;
  for (const w of [...wanted].sort((a, b) => a.top - b.top || a.id - b.id)) {
    const top = Math.max(w.top, bottom);
    out.set(w.id, top);
    bottom = top + w.height;
  }
  return out;
}
