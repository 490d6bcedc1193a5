/** Krippendorff's α for any number of coders with missing values, on a units × coders table. */
import { alphaFromCoincidence, coincidenceOf, type AlphaResult, type Coincidence, type Metric, type UnitGroup, type Value } from './coincidence';

export interface AlphaReport<V extends Value = Value> extends AlphaResult {
  metric: Metric;
  coincidence: Coincidence<V>;
}

/** data[u][c]: coder c's value for unit u, null where the coder gave none. */
export function krippendorffAlpha<V extends Value>(data: (V | null)[][], metric: Metric = 'nominal'): AlphaReport<V> {
  return alphaOfGroups(data.map((values) => ({ values, count: 1 })), metric);
}

export function alphaOfGroups<V extends Value>(groups: UnitGroup<V>[], metric: Metric = 'nominal'): AlphaReport<V> {
  const coincidence = coincidenceOf(groups);
  return { ...alphaFromCoincidence(coincidence, metric), metric, coincidence };
}

/** The same table given coders × units (as Krippendorff prints his examples). */
export function transpose<T>(rows: T[][]): T[][] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  return Array.from({ length: width }, (_, u) => rows.map((r) => r[u]!));
}
