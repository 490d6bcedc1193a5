/** Option parsing shared by `table`, `matrix` and `cooccur`. */
import path from 'node:path';
import { UsageError } from '../command';

export function listOption(v: unknown): string[] {
  return Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : [];
}

/** The export format from --out's extension. */
export function formatFromOut(out: unknown, allowed: readonly string[]): { out: string; format: string } {
  if (typeof out !== 'string' || !out) throw new UsageError(`--out FILE is required (${allowed.map((a) => `.${a}`).join(', ')})`);
  const ext = path.extname(out).slice(1).toLowerCase();
  if (!allowed.includes(ext)) throw new UsageError(`--out must end in ${allowed.map((a) => `.${a}`).join(', ')} (got "${out}")`);
  return { out: path.resolve(out), format: ext };
}

export function langOption(v: unknown): 'sv' | 'en' {
  if (v === undefined) return 'sv';
  if (v === 'sv' || v === 'en') return v;
  throw new UsageError(`--lang must be sv or en (got "${String(v)}")`);
}

export function choice<T extends string>(name: string, v: unknown, allowed: readonly T[], fallback: T): T {
  if (v === undefined) return fallback;
  if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
  throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got "${String(v)}")`);
}
