/** Attribute values on documents and speakers; each attribute keeps its values' order of first appearance. */
import type { Project } from '../project/project';

export type AttributeScope = 'document' | 'speaker';

export function ensureAttribute(p: Project, name: string, scope: AttributeScope = 'document', type: 'text' | 'number' | 'date' | 'boolean' = 'text'): number {
  const row = p.db.prepare('SELECT id FROM attributes WHERE scope = ? AND name = ?').get(scope, name) as { id: number } | undefined;
  if (row) return row.id;
  const position = (p.db.prepare('SELECT coalesce(max(position), 0) + 1 AS n FROM attributes').get() as { n: number }).n;
  return Number(
    p.db.prepare('INSERT INTO attributes(guid, name, scope, type, position) VALUES (?, ?, ?, ?, ?)').run(p.guid(), name, scope, type, position)
      .lastInsertRowid,
  );
}

/** Records value in the attribute's level list if new, after the values already seen. */
export function ensureLevel(p: Project, attributeId: number, value: string): void {
  p.db
    .prepare(
      `INSERT OR IGNORE INTO attribute_levels(attribute_id, value, position)
       VALUES (?, ?, (SELECT coalesce(max(position), 0) + 1 FROM attribute_levels WHERE attribute_id = ?))`,
    )
    .run(attributeId, value, attributeId);
}

export function setDocumentAttribute(p: Project, documentId: number, name: string, value: string): void {
  const aid = ensureAttribute(p, name, 'document');
  ensureLevel(p, aid, value);
  p.db
    .prepare(
      `INSERT INTO document_attribute_values(document_id, attribute_id, value) VALUES (?, ?, ?)
       ON CONFLICT(document_id, attribute_id) DO UPDATE SET value = excluded.value`,
    )
    .run(documentId, aid, value);
}

export function setSpeakerAttribute(p: Project, speakerId: number, name: string, value: string): void {
  const aid = ensureAttribute(p, name, 'speaker');
  ensureLevel(p, aid, value);
  p.db
    .prepare(
      `INSERT INTO speaker_attribute_values(speaker_id, attribute_id, value) VALUES (?, ?, ?)
       ON CONFLICT(speaker_id, attribute_id) DO UPDATE SET value = excluded.value`,
    )
    .run(speakerId, aid, value);
}

/** The values of an attribute in their kept order (HT16, VT17, HT17 … not alphabetical). */
export function attributeLevels(p: Project, name: string, scope: AttributeScope = 'document'): string[] {
  return (
    p.db
      .prepare(
        `SELECT l.value FROM attribute_levels l JOIN attributes a ON a.id = l.attribute_id
         WHERE a.name = ? AND a.scope = ? ORDER BY l.position`,
      )
      .all(name, scope) as { value: string }[]
  ).map((r) => r.value);
}
