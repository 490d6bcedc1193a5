/** Option parsing shared by the commands that export tables and lists. */
import path from 'node:path';
import { UsageError, type OptionSpec } from '../command';
import { PSEUDONYMISE_OPTIONS } from '../export-privacy';

/** What every export command takes: the document filter, the language, the file, and the pseudonyms. */
export const EXPORT_OPTIONS: OptionSpec = {
  ...PSEUDONYMISE_OPTIONS,
  where: { type: 'string', multiple: true },
  lang: { type: 'string' },
  out: { type: 'string' },
};

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
