/** The document margin's layout: lanes for overlapping quotations, text segments, label stacking. */
import { describe, expect, it } from 'vitest';
import { assignLanes, overlapping, segments, stackLabels } from '../../renderer/src/coding/margin';
import { mulberry32 } from '../../scripts/bench/util';

describe('margin layout', () => {
  it('never puts two overlapping quotations in the same lane, and reuses lanes when free', () => {
    const rnd = mulberry32(3);
    const spans = Array.from({ length: 400 }, (_, id) => {
      const start = Math.floor(rnd() * 10_000);
      return { id: id + 1, start, end: start + 1 + Math.floor(rnd() * 400) };
    });
    const { lanes, laneCount } = assignLanes(spans);
    for (const a of spans)
      for (const b of spans)
        if (a.id < b.id && a.start < b.end && b.start < a.end) expect(lanes.get(a.id)).not.toBe(lanes.get(b.id));
    // The lane count equals the deepest overlap (greedy interval colouring is optimal).
    let deepest = 0;
    for (const p of spans) deepest = Math.max(deepest, spans.filter((s) => s.start <= p.start && s.end > p.start).length);
    expect(laneCount).toBe(deepest);
  });

  it('puts a nested quotation beside its outer one', () => {
    const { lanes } = assignLanes([
      { id: 1, start: 0, end: 100 },
      { id: 2, start: 20, end: 40 },
      { id: 3, start: 100, end: 120 },
    ]);
    expect(lanes.get(1)).toBe(0);
    expect(lanes.get(2)).toBe(1);
    expect(lanes.get(3)).toBe(0);
  });

  it('finds the quotations overlapping a block, as a full scan would', () => {
    const rnd = mulberry32(9);
    const spans = Array.from({ length: 300 }, (_, id) => {
      const start = Math.floor(rnd() * 5000);
      return { id: id + 1, start, end: start + 1 + Math.floor(rnd() * 700) };
    }).sort((a, b) => a.start - b.start);
    const maxLength = Math.max(...spans.map((s) => s.end - s.start));
    for (let from = 0; from < 5600; from += 137) {
      const to = from + 90;
      const expected = spans.filter((s) => s.start < to && s.end > from).map((s) => s.id);
      expect(overlapping(spans, maxLength, from, to).map((s) => s.id)).toEqual(expected);
    }
  });

  it('cuts a block into segments at every boundary, each with its covering quotations', () => {
    const segs = segments(10, 60, [
      { id: 1, start: 0, end: 30 },
      { id: 2, start: 20, end: 50 },
    ], [40]);
    expect(segs).toEqual([
      { start: 10, end: 20, ids: [1] },
      { start: 20, end: 30, ids: [1, 2] },
      { start: 30, end: 40, ids: [2] },
      { start: 40, end: 50, ids: [2] },
      { start: 50, end: 60, ids: [] },
    ]);
    // Segments tile the block exactly.
    expect(segs.map((s) => s.end - s.start).reduce((a, b) => a + b, 0)).toBe(50);
  });

  it('stacks labels so they do not overlap, keeping their order', () => {
    const tops = stackLabels([
      { id: 1, top: 0, height: 17 },
      { id: 2, top: 5, height: 34 },
      { id: 3, top: 80, height: 17 },
    ]);
    expect(tops.get(1)).toBe(0);
    expect(tops.get(2)).toBe(17);
    expect(tops.get(3)).toBe(80);
  });
});
