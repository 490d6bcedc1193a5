/**
 * A seeded bootstrap interval for α: units are drawn with replacement (as many as there are),
 * α is computed for each draw, and the interval is the percentiles of those α values. Units
 * with the same values are drawn together as multinomial counts (sequential binomials: exact
 * by inversion while the expected count is small, the normal approximation above that), so a
 * corpus of 50,000 speaker turns costs a handful of draws per sample, not 50,000. The same
 * seed gives the same interval.
 */
import { mulberry32 } from '../../../shared/random/mulberry32';
import { alphaFromCoincidence, coincidenceFrom, contributions, sortValues, type Metric, type UnitGroup, type Value } from './coincidence';

function normal(rnd: () => number): number {
  // Box–Muller; 1 − u keeps the logarithm finite.
  return Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
}

export function binomial(n: number, p: number, rnd: () => number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - binomial(n, 1 - p, rnd);
  const mean = n * p;
  if (n <= 40) {
    let k = 0;
    for (let i = 0; i < n; i++) if (rnd() < p) k++;
    return k;
  }
  if (mean < 30) {
    // Inversion: walk the cumulative distribution from 0.
    const q = 1 - p;
    let prob = Math.pow(q, n);
    let cum = prob;
    const u = rnd();
    let k = 0;
    while (u > cum && k < n) {
      prob *= ((n - k) / (k + 1)) * (p / q);
      cum += prob;
      k++;
    }
    return k;
  }
  const x = Math.round(mean + Math.sqrt(mean * (1 - p)) * normal(rnd));
  return Math.min(n, Math.max(0, x));
}

export interface Interval {
  low: number;
  high: number;
  level: number;
  samples: number;
  seed: number;
}

export function alphaInterval<V extends Value>(
  groups: UnitGroup<V>[],
  options: { metric?: Metric; samples?: number; seed?: number; level?: number } = {},
): Interval | null {
  const metric = options.metric ?? 'nominal';
  const samples = options.samples ?? 1000;
  const seed = options.seed ?? 1;
  const level = options.level ?? 0.95;
  // α depends on a unit only through its multiset of values, so units are pooled by it first
  // (ten coders' 0/1 patterns become at most 66 kinds): fewer draws, the same distribution.
  const pooled = new Map<string, UnitGroup<V>>();
  for (const g of groups) {
    const present = g.values.filter((v): v is V => v !== null);
    if (g.count <= 0 || present.length < 2) continue;
    const sorted = present.map((v) => [typeof v, String(v), v] as const).sort((a, b) => (a[0] + a[1] < b[0] + b[1] ? -1 : a[0] + a[1] > b[0] + b[1] ? 1 : 0)).map((x) => x[2]);
    const key = JSON.stringify(sorted);
    const known = pooled.get(key);
    if (known) known.count += g.count;
    else pooled.set(key, { values: sorted, count: g.count });
  }
  const kept = [...pooled.values()];
  const total = kept.reduce((s, g) => s + g.count, 0);
  if (total === 0) return null;
  const values = sortValues(kept.flatMap((g) => g.values.filter((v): v is V => v !== null)));
  const parts = contributions(kept, values);
  const rnd = mulberry32(seed);
  const weights = new Float64Array(kept.length);
  const alphas: number[] = [];
  for (let s = 0; s < samples; s++) {
    let left = total;
    let mass = total;
    for (let g = 0; g < kept.length; g++) {
      const draw = g === kept.length - 1 ? left : binomial(left, kept[g]!.count / mass, rnd);
      weights[g] = draw;
      left -= draw;
      mass -= kept[g]!.count;
    }
    const a = alphaFromCoincidence(coincidenceFrom(values, parts, weights), metric).alpha;
    // A draw with no variation has no α; it counts as full agreement only if the data have none either.
    if (a !== null) alphas.push(a);
  }
  if (alphas.length === 0) return null;
  alphas.sort((a, b) => a - b);
  const at = (q: number): number => alphas[Math.min(alphas.length - 1, Math.max(0, Math.round(q * (alphas.length - 1))))]!;
  return { low: at((1 - level) / 2), high: at(1 - (1 - level) / 2), level, samples, seed };
}
