/**
 * What the term report and the frequency tables share: resolving code references to ids with
 * their sub-trees, document attribute values of a set of documents, and ranking.
 */
import { UserError } from '../errors';
import { joinCodePath, splitCodePath } from '../coding/codes';
import type { Project } from '../project/project';

export interface CodeInfo {
  id: number;
  parentId: number | null;
  name: string;
  path: string;
  color: string;
  /** Depth-first position in the tree (sibling order), for stable tie-breaks. */
  order: number;
}

/** Every code with its path, in tree order; one query. */
export function loadCodes(p: Project): Map<number, CodeInfo> {
  const rows = p.db.prepare('SELECT id, parent_id, name, color FROM codes ORDER BY position, id').all() as { id: number; parent_id: number | null; name: string; color: string }[];
  const children = new Map<number | null, typeof rows>();
  for (const r of rows) {
    const list = children.get(r.parent_id);
    if (list) list.push(r);
    else children.set(r.parent_id, [r]);
  }
  const out = new Map<number, CodeInfo>();
  let order = 0;
  const visit = (parent: number | null, names: string[]): void => {
    for (const r of children.get(parent) ?? []) {
      const path = [...names, r.name];
      out.set(r.id, { id: r.id, parentId: r.parent_id, name: r.name, path: joinCodePath(path), color: r.color, order: order++ });
      visit(r.id, path);
    }
  };
  visit(null, []);
  return out;
}

/** Resolves ids and paths ("A/B/C") to code ids, in the order given; unknown ones are a UserError naming them. */
export function resolveCodeRefs(codes: Map<number, CodeInfo>, refs: readonly (number | string)[] | undefined, fallback: () => number[]): number[] {
  if (!refs || refs.length === 0) return fallback();
  const byPath = new Map<string, number>();
  for (const c of codes.values()) byPath.set(joinCodePath(splitCodePath(c.path)), c.id);
  const out: number[] = [];
  for (const ref of refs) {
    let id: number | undefined;
    if (typeof ref === 'number') id = codes.has(ref) ? ref : undefined;
    else id = byPath.get(joinCodePath(splitCodePath(ref))) ?? (/^\d+$/.test(ref) && codes.has(Number(ref)) ? Number(ref) : undefined);
    if (id === undefined) throw new UserError('not-found', `no code ${typeof ref === 'number' ? `with id ${ref}` : `"${ref}"`}`, undefined, `det finns ingen kod ${typeof ref === 'number' ? `med id ${ref}` : `”${ref}”`}`);
    if (!out.includes(id)) out.push(id);
  }
  return out;
}

export function topLevelCodes(codes: Map<number, CodeInfo>): number[] {
  return [...codes.values()].filter((c) => c.parentId === null).map((c) => c.id);
}

/** For each chosen code, the ids whose quotations count for it (itself, and its sub-codes when asked). */
export function subtreeMap(codes: Map<number, CodeInfo>, chosen: readonly number[], includeSubcodes: boolean): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const c of codes.values()) {
    if (c.parentId === null) continue;
    const list = children.get(c.parentId);
    if (list) list.push(c.id);
    else children.set(c.parentId, [c.id]);
  }
  // code id → the chosen codes it counts for (a sub-code may count for several chosen ancestors)
  const countsFor = new Map<number, number[]>();
  for (const root of chosen) {
    const stack = [root];
    while (stack.length) {
      const id = stack.pop()!;
      const list = countsFor.get(id);
      if (list) list.push(root);
      else countsFor.set(id, [root]);
      if (includeSubcodes) stack.push(...(children.get(id) ?? []));
    }
  }
  return countsFor;
}

/** The value of one document attribute for every document that has one (empty values count as none). */
export function attributeValues(p: Project, name: string): Map<number, string> {
  const attr = p.db.prepare("SELECT id FROM attributes WHERE scope = 'document' AND name = ?").get(name) as { id: number } | undefined;
  if (!attr) throw new UserError('not-found', `no document attribute "${name}"`, undefined, `det finns inget dokumentattribut ”${name}”`);
  const rows = p.db.prepare('SELECT document_id AS doc, value FROM document_attribute_values WHERE attribute_id = ?').all(attr.id) as { doc: number; value: string }[];
  const out = new Map<number, string>();
  for (const r of rows) if (r.value.trim() !== '') out.set(r.doc, r.value);
  return out;
}

/**
 * The values in order: `wanted` first (as given), then the attribute's kept level order, then
 * any value seen that is not a level. Only values in `present` unless `keepAbsent` lists them.
 */
export function orderedValues(levels: readonly string[], present: Iterable<string>, wanted?: readonly string[]): string[] {
  const seen = new Set(present);
  const out: string[] = [];
  const add = (v: string): void => {
    if (!out.includes(v)) out.push(v);
  };
  for (const v of wanted ?? []) add(v);
  for (const v of levels) if (seen.has(v)) add(v);
  for (const v of seen) add(v);
  return out;
}

/** Competition ranking of scores, highest first: 10, 8, 8, 3 → 1, 2, 2, 4. */
export function competitionRanks(scores: readonly number[]): number[] {
  return scores.map((s) => 1 + scores.filter((t) => t > s).length);
}

/**
 * Distinct (code, document) pairs of all coding: the one scan a term report needs. Kept per
 * connection and reused while the database is unchanged: total_changes() moves with every
 * write on this connection, PRAGMA data_version with every commit by another one (a worker).
 */
const pairCache = new WeakMap<object, { key: string; pairs: [number, number][] }>();

export function codeDocumentPairs(p: Project): [number, number][] {
  const key = `${p.db.prepare('SELECT total_changes()').pluck().get() as number}:${p.db.pragma('data_version', { simple: true }) as number}`;
  const hit = pairCache.get(p.db);
  if (hit && hit.key === key) return hit.pairs;
  const pairs = p.db
    .prepare('SELECT DISTINCT qc.code_id AS code, q.document_id AS doc FROM quotation_codes qc JOIN quotations q ON q.id = qc.quotation_id')
    .raw()
    .all() as [number, number][];
  pairCache.set(p.db, { key, pairs });
  return pairs;
}
