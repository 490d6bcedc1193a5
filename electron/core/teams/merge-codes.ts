/**
 * Codes of one input into the merged project: by GUID first, then by path (the same code made
 * independently in two copies); otherwise a new code under its (mapped) parent. A code whose
 * path or notes differ from the kept version is reported. Code trees are small, so this runs
 * in JS over one read of each side.
 */
import type { Db } from '../db/driver';
import { joinCodePath, type CodeRow as StoredCodeRow } from '../coding/codes';
import { RULES, type MergeConflict } from './report';

/** Every column a merged code carries over. */
interface CodeRow extends StoredCodeRow {
  inclusion: string | null;
  exclusion: string | null;
  created_at: string;
}

const COLUMNS = 'id, guid, parent_id, name, definition, inclusion, exclusion, color, position, created_at';

function pathOf(rows: Map<number, CodeRow>, id: number): string[] {
  const names: string[] = [];
  for (let r = rows.get(id); r; r = r.parent_id === null ? undefined : rows.get(r.parent_id)) names.unshift(r.name);
  return names;
}

/** Parents before children, siblings in position order. */
function treeOrder(rows: CodeRow[]): CodeRow[] {
  const children = new Map<number | null, CodeRow[]>();
  for (const r of rows) {
    const list = children.get(r.parent_id);
    if (list) list.push(r);
    else children.set(r.parent_id, [r]);
  }
  const out: CodeRow[] = [];
  const visit = (parent: number | null): void => {
    for (const r of (children.get(parent) ?? []).sort((a, b) => a.position - b.position || a.id - b.id)) {
      out.push(r);
      visit(r.id);
    }
  };
  visit(null);
  return out;
}

export interface CodeMergeResult {
  added: number;
  byGuid: number;
  byPath: number;
}

/** Fills temp.map_code(src_id, out_id) for the attached input `src`. */
export function mergeCodes(db: Db, source: string, origin: Map<string, string>, conflicts: MergeConflict[]): CodeMergeResult {
  const firstSourceOf = (guid: string): string => origin.get(guid) ?? source;
  const srcRows = db.prepare(`SELECT ${COLUMNS} FROM src.codes`).all() as CodeRow[];
  const src = new Map(srcRows.map((r) => [r.id, r]));
  const outRows = db.prepare(`SELECT ${COLUMNS} FROM main.codes`).all() as CodeRow[];
  const out = new Map(outRows.map((r) => [r.id, r]));
  const outByGuid = new Map(outRows.map((r) => [r.guid, r]));
  const key = (parent: number | null, name: string): string => `${parent ?? 0}\u0000${name}`;
  const outBySibling = new Map(outRows.map((r) => [key(r.parent_id, r.name), r]));
  const insert = db.prepare('INSERT INTO main.codes(guid, parent_id, name, definition, inclusion, exclusion, color, position, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const map = db.prepare('INSERT INTO temp.map_code(src_id, out_id) VALUES (?, ?)');
  const mapped = new Map<number, number>();
  const result: CodeMergeResult = { added: 0, byGuid: 0, byPath: 0 };
  for (const r of treeOrder(srcRows)) {
    const parent = r.parent_id === null ? null : (mapped.get(r.parent_id) ?? null);
    let target = outByGuid.get(r.guid);
    if (target) {
      result.byGuid++;
      const kept = joinCodePath(pathOf(out, target.id));
      const here = joinCodePath(pathOf(src, r.id));
      if (kept !== here) {
        conflicts.push({ entity: 'code', what: kept, guid: r.guid, sources: [firstSourceOf(r.guid), source], detail: `renamed or moved: "${here}" in ${source}`, rule: RULES.firstKept });
      } else if (target.definition !== r.definition || target.inclusion !== r.inclusion || target.exclusion !== r.exclusion || target.color !== r.color) {
        conflicts.push({ entity: 'code', what: kept, guid: r.guid, sources: [firstSourceOf(r.guid), source], detail: 'definition, inclusion, exclusion or colour differ', rule: RULES.firstKept });
      }
    } else if ((target = outBySibling.get(key(parent, r.name)))) {
      result.byPath++;
      conflicts.push({ entity: 'code', what: joinCodePath(pathOf(out, target.id)), guid: r.guid, sources: [firstSourceOf(target.guid), source], detail: `a different GUID (${r.guid}) with the same path`, rule: RULES.matchedByPath });
    } else {
      const id = Number(insert.run(r.guid, parent, r.name, r.definition, r.inclusion, r.exclusion, r.color, r.position, r.created_at).lastInsertRowid);
      target = { ...r, id, parent_id: parent };
      out.set(id, target);
      outByGuid.set(r.guid, target);
      outBySibling.set(key(parent, r.name), target);
      origin.set(r.guid, source);
      result.added++;
    }
    mapped.set(r.id, target.id);
    map.run(r.id, target.id);
  }
  return result;
}
