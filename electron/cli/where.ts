/**
 * The CLI's `--where` syntax. It is the CLI's own way of writing a DocumentFilter (the UI
 * builds one with its controls), so it lives with the CLI; the core only sees the filter.
 */
import type { DocumentFilter } from '../../shared/contract/filter';
import { UserError } from '../core/errors';

/** Keys of `--where` that select kinds and groups rather than attribute values. */
const KIND_KEYS = new Set(['kind', 'typ']);
const GROUP_KEYS = new Set(['group', 'dokumentgrupp']);

/**
 * Parses CLI `--where` options ("termin=HT16", "termin=VT17,HT17", "kind=fieldnote",
 * "group=Stadsdel A") into a filter. Repeating an attribute ORs its values.
 */
export function parseWhere(items: readonly string[], base: DocumentFilter = {}): DocumentFilter {
  const out: DocumentFilter = { ...base, where: { ...(base.where ?? {}) } };
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new UserError('bad-input', `--where "${item}" is not of the form attribute=value`);
    const key = item.slice(0, eq).trim();
    const values = item
      .slice(eq + 1)
      .split(',')
      .map((v) => v.trim())
      .filter((v) => v.length > 0);
    if (values.length === 0) throw new UserError('bad-input', `--where "${item}" has no value`);
    if (KIND_KEYS.has(key)) {
      const kinds = ['interview', 'fieldnote', 'survey', 'memo', 'other'] as const;
      for (const v of values) {
        const k = kinds.find((x) => x === v);
        if (!k) throw new UserError('bad-input', `--where ${key}=${v}: kind must be one of ${kinds.join(', ')}`);
        out.kinds = [...(out.kinds ?? []), k];
      }
    } else if (GROUP_KEYS.has(key)) {
      out.groups = [...(out.groups ?? []), ...values];
    } else {
      out.where![key] = [...(out.where![key] ?? []), ...values];
    }
  }
  if (Object.keys(out.where!).length === 0) delete out.where;
  return out;
}
