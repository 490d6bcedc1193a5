/**
 * Krippendorff's α from a coincidence matrix (Krippendorff 2011, "Computing Krippendorff's
 * Alpha-Reliability"): every unit with m_u ≥ 2 values adds 1/(m_u − 1) for each ordered pair
 * of values from different coders; α = 1 − D_o/D_e with
 *   D_o = (1/n) Σ_c Σ_k o_ck δ²_ck   and   D_e = (1/(n(n−1))) Σ_c Σ_k n_c n_k δ²_ck.
 * Units are given grouped (a unit's values and how many units have exactly those values), so
 * the same code serves a 12-unit example and 50,000 speaker turns of one pattern.
 */

export type Metric = 'nominal' | 'ordinal' | 'interval';
export type Value = string | number;

/** Units with the same values (one entry per coder, null = missing), and how many there are. */
export interface UnitGroup<V extends Value = Value> {
  values: (V | null)[];
  count: number;
}

export interface Coincidence<V extends Value = Value> {
  /** The values that occur, sorted (numbers ascending, else as text). */
  values: V[];
  /** o[c][k]: coincidences of values[c] and values[k]; symmetric. */
  matrix: number[][];
  /** n_c: how often each value is pairable. */
  totals: number[];
  /** n: all pairable values. */
  n: number;
  /** Units with at least two values (pairable units). */
  units: number;
}

export function sortValues<V extends Value>(values: Iterable<V>): V[] {
  return [...new Set(values)].sort((a, b) => (typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b))));
}

/** Per-group contributions to the coincidence matrix, as sparse [c, k, weight] triples (c, k index into values). */
export function contributions<V extends Value>(groups: UnitGroup<V>[], values: V[]): { pairs: [number, number, number][]; pairable: number }[] {
  const index = new Map<V, number>(values.map((v, i) => [v, i]));
  return groups.map((g) => {
    const counts = new Map<number, number>();
    let m = 0;
    for (const v of g.values) {
      if (v === null) continue;
      const i = index.get(v)!;
      counts.set(i, (counts.get(i) ?? 0) + 1);
      m++;
    }
    if (m < 2) return { pairs: [], pairable: 0 };
    const pairs: [number, number, number][] = [];
    for (const [c, nc] of counts) for (const [k, nk] of counts) pairs.push([c, k, (c === k ? nc * (nc - 1) : nc * nk) / (m - 1)]);
    return { pairs, pairable: m };
  });
}

export function coincidenceOf<V extends Value>(groups: UnitGroup<V>[], values?: V[]): Coincidence<V> {
  const vals = values ?? sortValues(groups.flatMap((g) => g.values.filter((v): v is V => v !== null)));
  const parts = contributions(groups, vals);
  return coincidenceFrom(vals, parts, groups.map((g) => g.count));
}

/** The matrix from contributions weighted by how often each group is taken (its count, or a bootstrap draw). */
export function coincidenceFrom<V extends Value>(values: V[], parts: { pairs: [number, number, number][]; pairable: number }[], weights: ArrayLike<number>): Coincidence<V> {
  const size = values.length;
  const matrix = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  let units = 0;
  for (let g = 0; g < parts.length; g++) {
    const w = weights[g]!;
    if (w === 0 || parts[g]!.pairable < 2) continue;
    units += w;
    for (const [c, k, x] of parts[g]!.pairs) matrix[c]![k]! += w * x;
  }
  const totals = matrix.map((row) => row.reduce((a, b) => a + b, 0));
  return { values, matrix, totals, n: totals.reduce((a, b) => a + b, 0), units };
}

/** δ²_ck for the metric (ordinal by Krippendorff's rank sums over n_g). */
export function distances<V extends Value>(c: Coincidence<V>, metric: Metric): number[][] {
  const size = c.values.length;
  const d = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      if (i === j) continue;
      if (metric === 'nominal') d[i]![j] = 1;
      else if (metric === 'interval') {
        const a = Number(c.values[i]);
        const b = Number(c.values[j]);
        d[i]![j] = (a - b) ** 2;
      } else {
        const lo = Math.min(i, j);
        const hi = Math.max(i, j);
        let s = 0;
        for (let g = lo; g <= hi; g++) s += c.totals[g]!;
        d[i]![j] = (s - (c.totals[lo]! + c.totals[hi]!) / 2) ** 2;
      }
    }
  }
  return d;
}

export interface AlphaResult {
  /** null when it is undefined: fewer than two pairable values, or no variation at all (D_e = 0). */
  alpha: number | null;
  observed: number;
  expected: number;
}

export function alphaFromCoincidence<V extends Value>(c: Coincidence<V>, metric: Metric = 'nominal'): AlphaResult {
  if (c.n < 2) return { alpha: null, observed: 0, expected: 0 };
  const d = distances(c, metric);
  let o = 0;
  let e = 0;
  for (let i = 0; i < c.values.length; i++) {
    for (let j = 0; j < c.values.length; j++) {
      o += c.matrix[i]![j]! * d[i]![j]!;
      e += c.totals[i]! * c.totals[j]! * d[i]![j]!;
    }
  }
  const observed = o / c.n;
  const expected = e / (c.n * (c.n - 1));
  return { alpha: expected === 0 ? null : 1 - observed / expected, observed, expected };
}
