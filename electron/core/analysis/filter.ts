/**
 * Resolves a DocumentFilter to the set of document ids it keeps. Used by every analysis
 * (theme tables, matrices, co-occurrence, term reports, frequency tables), so a filter means
 * the same thing everywhere: kinds OR'ed, groups OR'ed, values of one attribute OR'ed,
 * and all of these AND'ed together.
 */
import { IN_LIST, listParam } from '../db/sql-list';
import type { DocumentFilter } from '../../../shared/contract/filter';
import { UserError } from '../errors';
import type { Project } from '../project/project';

export type { DocumentFilter };

export interface ResolvedFilter {
  /** The documents kept, in document order. */
  ids: number[];
  /** The same ids as a set, for membership tests in hot loops. */
  set: Set<number>;
  /** True when the filter keeps every document (nothing to narrow). */
  all: boolean;
}

export function isEmptyFilter(f: DocumentFilter | undefined): boolean {
  return (
    !f ||
    ((f.kinds?.length ?? 0) === 0 && (f.groups?.length ?? 0) === 0 && Object.keys(f.where ?? {}).length === 0 && f.documentIds === undefined)
  );
}

export function resolveFilter(p: Project, f: DocumentFilter | undefined): ResolvedFilter {
  const where: string[] = [];
  const args: unknown[] = [];
  if (f?.kinds && f.kinds.length > 0) {
    where.push(`d.kind ${IN_LIST}`);
    args.push(listParam(f.kinds));
  }
  if (f?.groups && f.groups.length > 0) {
    const known = new Set((p.db.prepare('SELECT name FROM document_groups').pluck().all() as string[]));
    const missing = f.groups.filter((g) => !known.has(g));
    if (missing.length > 0) throw new UserError('not-found', `no document group ${missing.map((m) => `"${m}"`).join(', ')}`, undefined, `det finns ingen dokumentgrupp ${missing.map((m) => `”${m}”`).join(', ')}`);
    where.push(
      `d.id IN (SELECT m.document_id FROM document_group_members m JOIN document_groups g ON g.id = m.group_id
                WHERE g.name ${IN_LIST})`,
    );
    args.push(listParam(f.groups));
  }
  for (const [name, values] of Object.entries(f?.where ?? {})) {
    const attr = p.db.prepare("SELECT id FROM attributes WHERE scope = 'document' AND name = ?").get(name) as { id: number } | undefined;
    if (!attr) throw new UserError('not-found', `no document attribute "${name}"`, undefined, `det finns inget dokumentattribut ”${name}”`);
    if (values.length === 0) continue;
    where.push(
      `d.id IN (SELECT document_id FROM document_attribute_values WHERE attribute_id = ? AND value ${IN_LIST})`,
    );
    args.push(attr.id, listParam(values));
  }
  if (f?.documentIds) {
    where.push(`d.id ${IN_LIST}`);
    args.push(listParam(f.documentIds));
  }
  const ids = p.db
    .prepare(`SELECT d.id FROM documents d ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY d.position, d.id`)
    .pluck()
    .all(...args) as number[];
  return { ids, set: new Set(ids), all: where.length === 0 };
}

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

/** A short human description ("termin = HT16 eller VT17; typ: fieldnote") for captions and logs. */
export function describeFilter(f: DocumentFilter | undefined, lang: 'sv' | 'en' = 'sv'): string {
  if (isEmptyFilter(f)) return '';
  const or = lang === 'sv' ? ' eller ' : ' or ';
  const parts: string[] = [];
  if (f!.kinds?.length) parts.push(`${lang === 'sv' ? 'typ' : 'kind'}: ${f!.kinds.join(or)}`);
  if (f!.groups?.length) parts.push(`${lang === 'sv' ? 'grupp' : 'group'}: ${f!.groups.join(or)}`);
  for (const [k, v] of Object.entries(f!.where ?? {})) if (v.length) parts.push(`${k} = ${v.join(or)}`);
  if (f!.documentIds) parts.push(`${f!.documentIds.length} ${lang === 'sv' ? 'dokument' : 'documents'}`);
  return parts.join('; ');
}
