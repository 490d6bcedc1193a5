/**
 * Two-coder figures on units both coded: Cohen's κ (Cohen 1960) with its confusion table,
 * percent agreement, and Holsti's coefficient 2M/(N₁+N₂) (Holsti 1969) on the codings made.
 */
import { sortValues, type Value } from './coincidence';

export interface KappaResult<V extends Value = Value> {
  /** null when chance agreement is 1 (both coders used one and the same value throughout). */
  kappa: number | null;
  observed: number;
  expected: number;
  /** Units both coders coded. */
  n: number;
  values: V[];
  /** confusion[i][j]: units coder A gave values[i] and coder B values[j]. */
  confusion: number[][];
}

/** pairs: [coder A's value, coder B's value, how many units]; pairs with a missing value are left out. */
export function cohenKappa<V extends Value>(pairs: [V | null, V | null, number][]): KappaResult<V> {
  const kept = pairs.filter((p): p is [V, V, number] => p[0] !== null && p[1] !== null && p[2] > 0);
  const values = sortValues(kept.flatMap(([a, b]) => [a, b]));
  const index = new Map<V, number>(values.map((v, i) => [v, i]));
  const confusion = values.map(() => new Array<number>(values.length).fill(0));
  let n = 0;
  for (const [a, b, w] of kept) {
    confusion[index.get(a)!]![index.get(b)!]! += w;
    n += w;
  }
  if (n === 0) return { kappa: null, observed: 0, expected: 0, n, values, confusion };
  let po = 0;
  let pe = 0;
  for (let i = 0; i < values.length; i++) {
    po += confusion[i]![i]!;
    const row = confusion[i]!.reduce((s, x) => s + x, 0);
    const col = confusion.reduce((s, r) => s + r[i]!, 0);
    pe += (row / n) * (col / n);
  }
  po /= n;
  return { kappa: pe === 1 ? null : (po - pe) / (1 - pe), observed: po, expected: pe, n, values, confusion };
}

/** Share of units with two or more values on which every value is the same; null without such units. */
export function percentAgreement<V extends Value>(groups: { values: (V | null)[]; count: number }[]): { agreement: number | null; units: number } {
  let units = 0;
  let agree = 0;
  for (const g of groups) {
    const present = g.values.filter((v) => v !== null);
    if (present.length < 2) continue;
    units += g.count;
    if (present.every((v) => v === present[0])) agree += g.count;
  }
  return { agreement: units === 0 ? null : agree / units, units };
}

/**
 * Holsti's 2M/(N₁+N₂) for presence coding: N₁ and N₂ are the units each coder coded (of those
 * both coded in), M those both coded. Unlike percent agreement, units neither coded do not count
 * as agreement. null when neither coder coded any unit.
 */
export function holsti(pairs: [boolean | null, boolean | null, number][]): { holsti: number | null; m: number; n1: number; n2: number } {
  let m = 0;
  let n1 = 0;
  let n2 = 0;
  for (const [a, b, w] of pairs) {
    if (a === null || b === null) continue;
    if (a) n1 += w;
    if (b) n2 += w;
    if (a && b) m += w;
  }
  return { holsti: n1 + n2 === 0 ? null : (2 * m) / (n1 + n2), m, n1, n2 };
}
