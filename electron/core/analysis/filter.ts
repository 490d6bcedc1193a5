/**
 * Resolves a DocumentFilter to the set of document ids it keeps. Used by every analysis
 * (theme tables, matrices, co-occurrence, term reports, frequency tables), so a filter means
 * the same thing everywhere: kinds OR'ed, groups OR'ed, values of one attribute OR'ed,
 * and all of these AND'ed together.
 */
import { IN_LIST, listParam } from '../db/sql-list';
import type { DocumentFilter } from '../../../shared/contract/filter';
import { UserError } from '../errors';
import { wording } from '../../../shared/wording';
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
    // id order is project order; ORDER BY position would walk every document's text (documents/store.ts)
    .prepare(`SELECT d.id FROM documents d ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY d.id`)
    .pluck()
    .all(...args) as number[];
  return { ids, set: new Set(ids), all: where.length === 0 };
}

/** A short human description ("termin = HT16 eller VT17; typ: fältanteckning") for captions, notes and provenance pages. */
export function describeFilter(f: DocumentFilter | undefined, lang: 'sv' | 'en' = 'sv'): string {
  if (isEmptyFilter(f)) return '';
  return wording(lang).filter({ kinds: f!.kinds, groups: f!.groups, where: f!.where, documents: f!.documentIds?.length });
}
