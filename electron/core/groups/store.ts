/** Document groups (sets): named lists of documents, usable as filters. Writes are undoable. */
import type { DocumentGroup } from '../../../shared/contract/attributes';
import { UserError } from '../errors';
import type { Project } from '../project/project';
import { withUndo } from '../undo/journal';

export function listGroups(p: Project): DocumentGroup[] {
  const rows = p.db
    .prepare(
      `SELECT g.id, g.guid, g.name, g.position,
              (SELECT json_group_array(document_id) FROM (SELECT m.document_id FROM document_group_members m JOIN documents d ON d.id = m.document_id
                                                           WHERE m.group_id = g.id ORDER BY d.position, d.id)) AS members
       FROM document_groups g ORDER BY g.position, g.id`,
    )
    .all() as { id: number; guid: string; name: string; position: number; members: string }[];
  return rows.map(({ members, ...g }) => ({ ...g, documentIds: JSON.parse(members) as number[] }));
}

function groupName(p: Project, id: number): string {
  const name = p.db.prepare('SELECT name FROM document_groups WHERE id = ?').pluck().get(id) as string | undefined;
  if (name === undefined) throw new UserError('not-found', `no document group with id ${id}`);
  return name;
}

function checkName(p: Project, name: string, except?: number): void {
  const id = p.db.prepare('SELECT id FROM document_groups WHERE name = ?').pluck().get(name) as number | undefined;
  if (id !== undefined && id !== except) throw new UserError('exists', `a document group named "${name}" already exists`, undefined, `det finns redan en dokumentgrupp som heter ”${name}”`);
}

function checkDocuments(p: Project, ids: number[]): void {
  const has = p.db.prepare('SELECT 1 FROM documents WHERE id = ?');
  for (const id of ids) if (!has.get(id)) throw new UserError('not-found', `no document with id ${id}`);
}

function writeMembers(p: Project, groupId: number, documentIds: number[]): void {
  p.db.prepare('DELETE FROM document_group_members WHERE group_id = ?').run(groupId);
  const add = p.db.prepare('INSERT OR IGNORE INTO document_group_members(group_id, document_id) VALUES (?, ?)');
  for (const d of documentIds) add.run(groupId, d);
}

export function createGroup(p: Project, name: string, documentIds: number[] = []): number {
  checkName(p, name);
  checkDocuments(p, documentIds);
  return withUndo(p, { action: 'groups.create', text: `Create document group "${name}"` }, () => {
    const position = p.db.prepare('SELECT coalesce(max(position), -1) + 1 FROM document_groups').pluck().get() as number;
    const id = Number(p.db.prepare('INSERT INTO document_groups(guid, name, position) VALUES (?, ?, ?)').run(p.guid(), name, position).lastInsertRowid);
    writeMembers(p, id, documentIds);
    return id;
  });
}

export function renameGroup(p: Project, id: number, name: string): void {
  const old = groupName(p, id);
  checkName(p, name, id);
  withUndo(p, { action: 'groups.rename', text: `Rename document group "${old}" to "${name}"` }, () => {
    p.db.prepare('UPDATE document_groups SET name = ? WHERE id = ?').run(name, id);
  });
}

export function deleteGroup(p: Project, id: number): boolean {
  const name = groupName(p, id);
  withUndo(p, { action: 'groups.delete', text: `Delete document group "${name}"` }, () => {
    p.db.prepare('DELETE FROM document_groups WHERE id = ?').run(id);
  });
  return true;
}

export function setGroupMembers(p: Project, id: number, documentIds: number[]): number {
  const name = groupName(p, id);
  checkDocuments(p, documentIds);
  withUndo(p, { action: 'groups.setMembers', text: `Change the documents of "${name}"` }, () => writeMembers(p, id, documentIds));
  return new Set(documentIds).size;
}
