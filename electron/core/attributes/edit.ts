/**
 * Editing attributes from the workspace (the per-document attribute table): values,
 * level order, create/rename/delete. Each function is one undoable step.
 */
import type { Attribute } from '../../../shared/contract/attributes';
import { UserError } from '../errors';
import type { Project } from '../project/project';
import { withUndo } from '../undo/journal';
import { type AttributeScope, ensureAttribute, setDocumentAttribute, setSpeakerAttribute } from './store';

type AttributeType = 'text' | 'number' | 'date' | 'boolean';

export function listAttributes(p: Project, scope?: AttributeScope): Attribute[] {
  const rows = p.db
    .prepare(
      `SELECT a.id, a.name, a.scope, a.type, a.position, a.question,
              (SELECT json_group_array(value) FROM (SELECT value FROM attribute_levels WHERE attribute_id = a.id ORDER BY position)) AS levels,
              CASE a.scope WHEN 'document' THEN (SELECT count(*) FROM document_attribute_values WHERE attribute_id = a.id)
                           ELSE (SELECT count(*) FROM speaker_attribute_values WHERE attribute_id = a.id) END AS used
       FROM attributes a ${scope ? 'WHERE a.scope = ?' : ''} ORDER BY a.scope, a.position, a.id`,
    )
    .all(...(scope ? [scope] : [])) as { id: number; name: string; scope: AttributeScope; type: AttributeType; position: number; question: string | null; levels: string; used: number }[];
  return rows.map((r) => ({ ...r, levels: JSON.parse(r.levels) as string[] }));
}

function attributeId(p: Project, name: string, scope: AttributeScope): number {
  const id = p.db.prepare('SELECT id FROM attributes WHERE scope = ? AND name = ?').pluck().get(scope, name) as number | undefined;
  if (id === undefined) throw new UserError('not-found', `no ${scope} attribute "${name}"`, undefined, `det finns inget ${scope === 'document' ? 'dokument' : 'talar'}attribut ”${name}”`);
  return id;
}

export function createAttribute(p: Project, name: string, scope: AttributeScope, type: AttributeType): number {
  if (p.db.prepare('SELECT 1 FROM attributes WHERE scope = ? AND name = ?').get(scope, name)) {
    throw new UserError('exists', `a ${scope} attribute named "${name}" already exists`, undefined, `det finns redan ett ${scope === 'document' ? 'dokument' : 'talar'}attribut som heter ”${name}”`);
  }
  return withUndo(p, { action: 'attributes.create', text: `Create attribute "${name}"` }, () => ensureAttribute(p, name, scope, type));
}

export function renameAttribute(p: Project, name: string, newName: string, scope: AttributeScope): number {
  const id = attributeId(p, name, scope);
  if (newName !== name && p.db.prepare('SELECT 1 FROM attributes WHERE scope = ? AND name = ?').get(scope, newName)) {
    throw new UserError('exists', `a ${scope} attribute named "${newName}" already exists`, undefined, `det finns redan ett ${scope === 'document' ? 'dokument' : 'talar'}attribut som heter ”${newName}”`);
  }
  withUndo(p, { action: 'attributes.rename', text: `Rename attribute "${name}" to "${newName}"` }, () => {
    p.db.prepare('UPDATE attributes SET name = ? WHERE id = ?').run(newName, id);
  });
  return id;
}

export function deleteAttribute(p: Project, name: string, scope: AttributeScope): boolean {
  const id = attributeId(p, name, scope);
  withUndo(p, { action: 'attributes.delete', text: `Delete attribute "${name}"` }, () => {
    p.db.prepare('DELETE FROM attributes WHERE id = ?').run(id);
  });
  return true;
}

export function setDocumentValue(p: Project, documentId: number, name: string, value: string | null): void {
  if (!p.db.prepare('SELECT 1 FROM documents WHERE id = ?').get(documentId)) throw new UserError('not-found', `no document with id ${documentId}`);
  const label = value === null ? `Clear "${name}"` : `Set "${name}" to "${value}"`;
  withUndo(p, { action: 'attributes.setValue', text: label }, () => {
    if (value === null) {
      p.db
        .prepare(`DELETE FROM document_attribute_values WHERE document_id = ? AND attribute_id = (SELECT id FROM attributes WHERE scope = 'document' AND name = ?)`)
        .run(documentId, name);
      return;
    }
    setDocumentAttribute(p, documentId, name, value);
  });
}

export function setSpeakerValue(p: Project, speakerId: number, name: string, value: string | null): void {
  if (!p.db.prepare('SELECT 1 FROM speakers WHERE id = ?').get(speakerId)) throw new UserError('not-found', `no speaker with id ${speakerId}`);
  const label = value === null ? `Clear "${name}"` : `Set "${name}" to "${value}"`;
  withUndo(p, { action: 'attributes.setSpeakerValue', text: label }, () => {
    if (value === null) {
      p.db
        .prepare(`DELETE FROM speaker_attribute_values WHERE speaker_id = ? AND attribute_id = (SELECT id FROM attributes WHERE scope = 'speaker' AND name = ?)`)
        .run(speakerId, name);
      return;
    }
    setSpeakerAttribute(p, speakerId, name, value);
  });
}

/** The given values first in the given order, then the other known values in their old order. */
export function setLevelOrder(p: Project, name: string, levels: string[], scope: AttributeScope): string[] {
  const id = attributeId(p, name, scope);
  const current = (p.db.prepare('SELECT value FROM attribute_levels WHERE attribute_id = ? ORDER BY position').pluck().all(id) as string[]);
  const known = new Set(current);
  const unknown = levels.filter((l) => !known.has(l));
  if (unknown.length) throw new UserError('bad-input', `"${name}" has no value ${unknown.map((u) => `"${u}"`).join(', ')}`, undefined, `”${name}” har inget värde ${unknown.map((u) => `”${u}”`).join(', ')}`);
  const given = [...new Set(levels)];
  const order = [...given, ...current.filter((v) => !given.includes(v))];
  withUndo(p, { action: 'attributes.setLevelOrder', text: `Reorder the values of "${name}"` }, () => {
    const set = p.db.prepare('UPDATE attribute_levels SET position = ? WHERE attribute_id = ? AND value = ?');
    order.forEach((v, i) => set.run(i + 1, id, v));
  });
  return order;
}
