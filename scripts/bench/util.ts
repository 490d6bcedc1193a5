/** Shared helpers for benchmark sections: timing, percentiles, temp dirs. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function time<T>(fn: () => T): { ms: number; value: T } {
  const t0 = process.hrtime.bigint();
  const value = fn();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, value };
}

export async function timeAsync<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, value };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function summarize(samples: number[]): { p50: number; p95: number; max: number; n: number } {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: round(percentile(s, 50)), p95: round(percentile(s, 95)), max: round(s[s.length - 1] ?? NaN), n: s.length };
}

/** Wall time and this thread's CPU time of `runs` runs: on a shared, busy machine the CPU time is the steadier figure. */
export function measure<T>(runs: number, fn: () => T, warmup = 0): { ms: ReturnType<typeof summarize>; cpuMs: ReturnType<typeof summarize>; value: T } {
  // runs left out of the figures (the first compiles the code on the way)
  for (let i = 0; i < warmup; i++) fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  let value!: T;
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const r = time(fn);
    const c = process.cpuUsage(c0);
    wall.push(r.ms);
    cpu.push((c.user + c.system) / 1000);
    value = r.value;
  }
  return { ms: summarize(wall), cpuMs: summarize(cpu), value };
}

export const round = (x: number, digits = 3): number => Number(x.toFixed(digits));

export function tempDir(prefix: string): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), `rodtrad-bench-${prefix}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Deterministic PRNG so every run measures the same work. */
export { mulberry32 } from '../../tests/helpers/random';
