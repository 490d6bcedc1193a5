/**
 * Attribute values on documents and speakers; each attribute keeps its values' order of first
 * appearance. The statements are cached: these run per value (an attribute sheet for 1,440
 * interviews sets thousands), and a statement prepared per call holds native memory until
 * the garbage collector, which does not see it, gets round to it (75 MB for that sheet).
 */
import { cachedStatement } from '../db/driver';
import type { Project } from '../project/project';

export type AttributeScope = 'document' | 'speaker';

export function ensureAttribute(p: Project, name: string, scope: AttributeScope = 'document', type: 'text' | 'number' | 'date' | 'boolean' = 'text'): number {
  const row = cachedStatement(p.db, 'SELECT id FROM attributes WHERE scope = ? AND name = ?').get(scope, name) as { id: number } | undefined;
  if (row) return row.id;
  const position = (cachedStatement(p.db, 'SELECT coalesce(max(position), 0) + 1 AS n FROM attributes').get() as { n: number }).n;
  return Number(
    cachedStatement(p.db, 'INSERT INTO attributes(guid, name, scope, type, position) VALUES (?, ?, ?, ?, ?)').run(p.guid(), name, scope, type, position)
      .lastInsertRowid,
  );
}

/** Keeps the question a survey column asked with its attribute (a question already kept stays). */
export function setAttributeQuestion(p: Project, attributeId: number, question: string): void {
  cachedStatement(p.db, 'UPDATE attributes SET question = ? WHERE id = ? AND question IS NULL').run(question, attributeId);
}

/** The question a document attribute stands for, or null. */
export function attributeQuestion(p: Project, name: string): string | null {
  return (cachedStatement(p.db, "SELECT question FROM attributes WHERE scope = 'document' AND name = ?").pluck().get(name) as string | null | undefined) ?? null;
}

/** Records value in the attribute's level list if new, after the values already seen. */
export function ensureLevel(p: Project, attributeId: number, value: string): void {
  cachedStatement(
    p.db,
    `INSERT OR IGNORE INTO attribute_levels(attribute_id, value, position)
     VALUES (?, ?, (SELECT coalesce(max(position), 0) + 1 FROM attribute_levels WHERE attribute_id = ?))`,
  ).run(attributeId, value, attributeId);
}

export function setDocumentAttribute(p: Project, documentId: number, name: string, value: string): void {
  const aid = ensureAttribute(p, name, 'document');
  ensureLevel(p, aid, value);
  cachedStatement(
    p.db,
    `INSERT INTO document_attribute_values(document_id, attribute_id, value) VALUES (?, ?, ?)
     ON CONFLICT(document_id, attribute_id) DO UPDATE SET value = excluded.value`,
  ).run(documentId, aid, value);
}

export function setSpeakerAttribute(p: Project, speakerId: number, name: string, value: string): void {
  const aid = ensureAttribute(p, name, 'speaker');
  ensureLevel(p, aid, value);
  cachedStatement(
    p.db,
    `INSERT INTO speaker_attribute_values(speaker_id, attribute_id, value) VALUES (?, ?, ?)
     ON CONFLICT(speaker_id, attribute_id) DO UPDATE SET value = excluded.value`,
  ).run(speakerId, aid, value);
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
