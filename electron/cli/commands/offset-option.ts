/** A whole number of UTF-16 code units from an option (--start, --at, --delete …), or a usage error naming it. */
import { UsageError } from '../command';

export function offsetOption(name: string, v: unknown, fallback?: number): number {
  if (v === undefined && fallback !== undefined) return fallback;
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : NaN;
  if (!Number.isSafeInteger(n)) throw new UsageError(`--${name} must be a whole number of UTF-16 code units (got "${String(v)}")`);
  return n;
}
