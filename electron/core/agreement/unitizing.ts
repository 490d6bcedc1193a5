/**
 * Krippendorff's unitizing α (α_u) for one continuum (Krippendorff 1995, "On the reliability of
 * unitizing contiguous data"; Krippendorff 2004, Content Analysis, 2nd ed., section 12.5): each
 * coder marks segments of a category; everything else is gap. For coders i ≠ j and each of
 * their segments/gaps g, h (b = begin, l = length):
 *   δ² = (b_g − b_h)² + (b_g + l_g − b_h − l_h)²   both marked and overlapping,
 *   δ² = l_g²   g marked and lying inside gap h (and the mirror case),
 *   δ² = 0      otherwise;
 *   D_o = Σ_{i≠j} Σ_g Σ_h δ² / (m(m−1)L²)
 *   D_e = (2/L) Σ_segments [ (N−1)(2l³ − 3l² + l)/3 + l² Σ_{gaps ≥ l} (gap − l + 1) ] / [ mL(mL−1) − Σ_segments l(l−1) ]
 * with m coders, L the continuum's length, N the number of segments of all coders. Over several
 * categories α_u = 1 − Σ D_o / Σ D_e. A coder's overlapping segments of one category are joined first.
 */

export interface Segment {
  start: number;
  end: number;
}

export interface UnitizingCategory {
  observed: number;
  expected: number;
  /** null when D_e = 0 (nobody marked anything). */
  alpha: number | null;
  segments: number;
}

/** A coder's segments of one category, sorted and joined where they overlap or touch. */
export function joinSegments(segments: Segment[], length: number): Segment[] {
  const sorted = segments
    .map((s) => ({ start: Math.max(0, s.start), end: Math.min(length, s.end) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Segment[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

interface Piece {
  b: number;
  l: number;
  marked: boolean;
}

/** Segments and the gaps between them, covering [0, length). */
function partition(segments: Segment[], length: number): Piece[] {
  const out: Piece[] = [];
  let at = 0;
  for (const s of segments) {
    if (s.start > at) out.push({ b: at, l: s.start - at, marked: false });
    out.push({ b: s.start, l: s.end - s.start, marked: true });
    at = s.end;
  }
  if (at < length) out.push({ b: at, l: length - at, marked: false });
  return out;
}

export function delta2(g: Piece, h: Piece): number {
  const d = g.b - h.b;
  if (g.marked && h.marked) return -g.l < d && d < h.l ? d * d + (d + g.l - h.l) ** 2 : 0;
  if (g.marked && !h.marked) return d >= 0 && h.l - g.l >= d ? g.l * g.l : 0;
  if (!g.marked && h.marked) return d <= 0 && g.l - h.l >= -d ? h.l * h.l : 0;
  return 0;
}

/** Σ_g Σ_h δ² over two coders' partitions; only overlapping pieces can differ from 0, so one sweep. */
function pairDisagreement(a: Piece[], b: Piece[]): number {
  let sum = 0;
  let j = 0;
  for (const g of a) {
    while (j < b.length && b[j]!.b + b[j]!.l <= g.b) j++;
    for (let k = j; k < b.length && b[k]!.b < g.b + g.l; k++) sum += delta2(g, b[k]!);
  }
  return sum;
}

/** byCoder[i]: coder i's segments of the category on a continuum [0, length). */
export function unitizingCategory(byCoder: Segment[][], length: number): UnitizingCategory {
  const m = byCoder.length;
  const L = length;
  const joined = byCoder.map((s) => joinSegments(s, L));
  const parts = joined.map((s) => partition(s, L));
  let o = 0;
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) if (i !== j) o += pairDisagreement(parts[i]!, parts[j]!);
  const observed = m < 2 || L === 0 ? 0 : o / (m * (m - 1) * L * L);

  const segs = parts.flat().filter((p) => p.marked).map((p) => p.l);
  const gaps = parts.flat().filter((p) => !p.marked).map((p) => p.l).sort((a, b) => b - a);
  // Prefix sums of the gaps (longest first): Σ_{gap ≥ l}(gap − l + 1) = S_k − k(l − 1).
  const prefix = [0];
  for (const g of gaps) prefix.push(prefix[prefix.length - 1]! + g);
  const atLeast = (l: number): number => {
    let lo = 0;
    let hi = gaps.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (gaps[mid]! >= l) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const N = segs.length;
  let num = 0;
  let lengths = 0;
  for (const l of segs) {
    const k = atLeast(l);
    num += ((N - 1) * (2 * l ** 3 - 3 * l ** 2 + l)) / 3 + l * l * (prefix[k]! - k * (l - 1));
    lengths += l * (l - 1);
  }
  const denominator = m * L * (m * L - 1) - lengths;
  const expected = L === 0 || denominator <= 0 ? 0 : ((2 / L) * num) / denominator;
  return { observed, expected, alpha: expected === 0 ? null : 1 - observed / expected, segments: N };
}

/** α_u over several categories: 1 − Σ D_o / Σ D_e. */
export function unitizingAlpha(categories: UnitizingCategory[]): number | null {
  const o = categories.reduce((s, c) => s + c.observed, 0);
  const e = categories.reduce((s, c) => s + c.expected, 0);
  return e === 0 ? null : 1 - o / e;
}
