/**
 * Changing the code tree: create, update, move, merge, split, delete. Each function is one
 * undoable step (withUndo) and checks its input before writing, so a refused change leaves
 * nothing half-done. Sibling positions are kept as 0..n-1 after every change.
 */
import { IN_LIST, listParam } from '../db/sql-list';
import { UserError } from '../errors';
import type { Project } from '../project/project';
import { withUndo } from '../undo/journal';
import { createCode, subtreeIds } from './codes';

interface CodeRow {
  id: number;
  parent_id: number | null;
  name: string;
  position: number;
}

export function getCode(p: Project, id: number): CodeRow {
  const row = p.db.prepare('SELECT id, parent_id, name, position FROM codes WHERE id = ?').get(id) as CodeRow | undefined;
  if (!row) throw new UserError('not-found', `no code with id ${id}`);
  return row;
}

function siblings(p: Project, parentId: number | null, except?: number): CodeRow[] {
  return (
    p.db
      .prepare('SELECT id, parent_id, name, position FROM codes WHERE coalesce(parent_id, 0) = coalesce(?, 0) ORDER BY position, id')
      .all(parentId) as CodeRow[]
  ).filter((r) => r.id !== except);
}

/** Writes positions 0..n-1 in the given order, touching only rows whose position changes. */
function renumber(p: Project, ordered: { id: number; position: number }[]): void {
  const set = p.db.prepare('UPDATE codes SET position = ? WHERE id = ?');
  ordered.forEach((r, i) => {
    if (r.position !== i) set.run(i, r.id);
  });
}

function nameClash(p: Project, parentId: number | null, name: string, except?: number): boolean {
  const row = p.db.prepare('SELECT id FROM codes WHERE coalesce(parent_id, 0) = coalesce(?, 0) AND name = ?').get(parentId, name) as
    | { id: number }
    | undefined;
  return row !== undefined && row.id !== except;
}

export interface CodeFields {
  name?: string;
  definition?: string | null;
  inclusion?: string | null;
  exclusion?: string | null;
  color?: string;
}

export function createCodeUndoable(p: Project, c: CodeFields & { name: string; parentId?: number | null; position?: number }): number {
  const parentId = c.parentId ?? null;
  if (parentId !== null) getCode(p, parentId);
  return withUndo(p, { action: 'codes.create', text: `Create code "${c.name.trim().normalize('NFC')}"` }, () => {
    const id = createCode(p, { name: c.name, parentId, definition: c.definition ?? null, color: c.color });
    if (c.inclusion != null || c.exclusion != null) {
      p.db.prepare('UPDATE codes SET inclusion = ?, exclusion = ? WHERE id = ?').run(c.inclusion ?? null, c.exclusion ?? null, id);
    }
    if (c.position !== undefined) {
      const list = siblings(p, parentId, id);
      const at = Math.min(c.position, list.length);
      renumber(p, [...list.slice(0, at), { id, position: -1 }, ...list.slice(at)]);
    }
    return id;
  });
}

export function updateCode(p: Project, id: number, f: CodeFields): void {
  const code = getCode(p, id);
  const name = f.name?.trim().normalize('NFC');
  if (name !== undefined && name !== code.name && nameClash(p, code.parent_id, name, id)) {
    throw new UserError('exists', `a code named "${name}" already exists at that level`, undefined, `det finns redan en kod som heter ”${name}” på den nivån`);
  }
  const sets: string[] = [];
  const args: unknown[] = [];
  const put = (column: string, value: unknown): void => {
    sets.push(`${column} = ?`);
    args.push(value);
  };
  if (name !== undefined) put('name', name);
  if (f.definition !== undefined) put('definition', f.definition);
  if (f.inclusion !== undefined) put('inclusion', f.inclusion);
  if (f.exclusion !== undefined) put('exclusion', f.exclusion);
  if (f.color !== undefined) put('color', f.color);
  if (sets.length === 0) return;
  const what = name !== undefined && name !== code.name ? `Rename code "${code.name}" to "${name}"` : `Edit code "${code.name}"`;
  withUndo(p, { action: 'codes.update', text: what }, () => {
    p.db.prepare(`UPDATE codes SET ${sets.join(', ')} WHERE id = ?`).run(...args, id);
  });
}

export function moveCode(p: Project, id: number, parentId: number | null, position: number): void {
  const code = getCode(p, id);
  if (parentId !== null) {
    getCode(p, parentId);
    if (subtreeIds(p, id).includes(parentId)) throw new UserError('bad-input', `cannot move "${code.name}" into itself or one of its sub-codes`, undefined, `”${code.name}” kan inte flyttas in i sig själv eller en av sina underkoder`);
  }
  if (parentId !== code.parent_id && nameClash(p, parentId, code.name)) {
    throw new UserError('exists', `a code named "${code.name}" already exists at that level`, undefined, `det finns redan en kod som heter ”${code.name}” på den nivån`);
  }
  withUndo(p, { action: 'codes.move', text: `Move code "${code.name}"` }, () => {
    if (parentId !== code.parent_id) {
      renumber(p, siblings(p, code.parent_id, id));
      p.db.prepare('UPDATE codes SET parent_id = ? WHERE id = ?').run(parentId, id);
    }
    const list = siblings(p, parentId, id);
    const at = Math.min(position, list.length);
    renumber(p, [...list.slice(0, at), { id, position: parentId !== code.parent_id ? -1 : code.position }, ...list.slice(at)]);
  });
}

/**
 * Moves everything of source into target: links (no duplicates), memos, sub-codes (merged
 * into a same-named sub-code of the target when there is one), then deletes source.
 */
function mergeInto(p: Project, sourceId: number, targetId: number, tally: { links: number; deleted: number }): void {
  const moved = p.db
    .prepare(
      `INSERT OR IGNORE INTO quotation_codes(quotation_id, code_id, coder_id, created_at)
       SELECT quotation_id, ?, coder_id, created_at FROM quotation_codes WHERE code_id = ?`,
    )
    .run(targetId, sourceId).changes;
  tally.links += moved;
  p.db.prepare('UPDATE memos SET code_id = ? WHERE code_id = ?').run(targetId, sourceId);
  for (const child of siblings(p, sourceId)) {
    const same = p.db.prepare('SELECT id FROM codes WHERE parent_id = ? AND name = ?').get(targetId, child.name) as { id: number } | undefined;
    if (same) mergeInto(p, child.id, same.id, tally);
    else {
      const end = siblings(p, targetId).length;
      p.db.prepare('UPDATE codes SET parent_id = ?, position = ? WHERE id = ?').run(targetId, end, child.id);
    }
  }
  const src = getCode(p, sourceId);
  p.db.prepare('DELETE FROM codes WHERE id = ?').run(sourceId);
  renumber(p, siblings(p, src.parent_id));
  tally.deleted++;
}

export function mergeCodes(p: Project, sourceIds: number[], targetId: number): { targetId: number; linksMoved: number; deleted: number } {
  const target = getCode(p, targetId);
  const sources = [...new Set(sourceIds)].filter((s) => s !== targetId);
  if (sources.length === 0) throw new UserError('bad-input', 'merge needs at least one code other than the target', undefined, 'sammanslagningen behöver minst en kod utöver den som de slås ihop till');
  const names: string[] = [];
  for (const s of sources) {
    const code = getCode(p, s);
    names.push(code.name);
    if (subtreeIds(p, s).includes(targetId)) {
      throw new UserError('bad-input', `cannot merge "${code.name}" into "${target.name}", which lies below it`, undefined, `”${code.name}” kan inte slås ihop med ”${target.name}”, som ligger under den`);
    }
  }
  const tally = { links: 0, deleted: 0 };
  withUndo(p, { action: 'codes.merge', text: `Merge ${names.map((n) => `"${n}"`).join(', ')} into "${target.name}"` }, () => {
    for (const s of sources) {
      // An earlier source may have been merged away with its parent (same-named sub-codes).
      if (p.db.prepare('SELECT 1 FROM codes WHERE id = ?').get(s)) mergeInto(p, s, targetId, tally);
    }
  });
  return { targetId, linksMoved: tally.links, deleted: tally.deleted };
}

export function splitCode(
  p: Project,
  id: number,
  parts: { name: string; quotationIds: number[] }[],
  placement: 'children' | 'siblings' = 'children',
): number[] {
  const code = getCode(p, id);
  const parentId = placement === 'children' ? id : code.parent_id;
  const linked = new Set(
    (p.db.prepare('SELECT quotation_id AS q FROM quotation_codes WHERE code_id = ?').all(id) as { q: number }[]).map((r) => r.q),
  );
  const claimed = new Set<number>();
  const newNames = new Set<string>();
  for (const part of parts) {
    const name = part.name.trim().normalize('NFC');
    if (newNames.has(name) || nameClash(p, parentId, name)) throw new UserError('exists', `a code named "${name}" already exists at that level`, undefined, `det finns redan en kod som heter ”${name}” på den nivån`);
    newNames.add(name);
    for (const q of part.quotationIds) {
      if (!linked.has(q)) throw new UserError('bad-input', `quotation ${q} is not coded with "${code.name}"`, undefined, `citatet ${q} är inte kodat med ”${code.name}”`);
      if (claimed.has(q)) throw new UserError('bad-input', `quotation ${q} is listed in more than one part`, undefined, `citatet ${q} finns i mer än en del`);
      claimed.add(q);
    }
  }
  return withUndo(p, { action: 'codes.split', text: `Split code "${code.name}"` }, () => {
    const ids: number[] = [];
    const copy = p.db.prepare(
      `INSERT OR IGNORE INTO quotation_codes(quotation_id, code_id, coder_id, created_at)
       SELECT quotation_id, ?, coder_id, created_at FROM quotation_codes WHERE quotation_id = ? AND code_id = ?`,
    );
    const unlink = p.db.prepare('DELETE FROM quotation_codes WHERE quotation_id = ? AND code_id = ?');
    let position = code.position;
    for (const part of parts) {
      const newId = createCode(p, { name: part.name, parentId });
      if (placement === 'siblings') {
        const list = siblings(p, parentId, newId);
        const at = Math.min(++position, list.length);
        renumber(p, [...list.slice(0, at), { id: newId, position: -1 }, ...list.slice(at)]);
      }
      for (const q of part.quotationIds) {
        copy.run(newId, q, id);
        unlink.run(q, id);
      }
      ids.push(newId);
    }
    return ids;
  });
}

export function deleteCode(p: Project, id: number): { codes: number; links: number } {
  const code = getCode(p, id);
  const ids = subtreeIds(p, id);
  const links = (
    p.db.prepare(`SELECT count(*) AS n FROM quotation_codes WHERE code_id ${IN_LIST}`).get(listParam(ids)) as { n: number }
  ).n;
  withUndo(p, { action: 'codes.delete', text: `Delete code "${code.name}"` }, () => {
    p.db.prepare('DELETE FROM codes WHERE id = ?').run(id);
    renumber(p, siblings(p, code.parent_id));
  });
  return { codes: ids.length, links };
}
