/**
 * Managing documents after import, each one undoable step: delete (its speakers, turns,
 * quotations, links, memos and attribute values go with it and come back on undo), rename,
 * and a new document from pasted text (turns found as the importer finds them).
 */
import type { DocumentKind } from '../../../shared/contract';
import { normalizeText } from '../../../shared/text/normalize';
import { IN_LIST, listParam } from '../db/sql-list';
import { UserError } from '../errors';
import { parseTranscript } from '../import/transcript';
import type { Project } from '../project/project';
import { detectLanguage } from '../text/language';
import { withUndo } from '../undo/journal';
import { insertDocument, uniqueDocumentName } from './store';

function documentNames(p: Project, ids: number[]): Map<number, string> {
  const rows = p.db.prepare(`SELECT id, name FROM documents WHERE id ${IN_LIST}`).raw().all(listParam(ids)) as [number, string][];
  const names = new Map(rows);
  for (const id of ids) if (!names.has(id)) throw new UserError('not-found', `no document with id ${id}`);
  return names;
}

export interface DeleteResult {
  deleted: number;
  quotations: number;
  memos: number;
}

/** What deleting these documents takes with it, for the confirmation. */
export function deletionCounts(p: Project, ids: number[]): DeleteResult {
  documentNames(p, ids);
  const list = listParam(ids);
  const quotations = p.db.prepare(`SELECT count(*) FROM quotations WHERE document_id ${IN_LIST}`).pluck().get(list) as number;
  const memos = p.db
    .prepare(
      `SELECT count(*) FROM memos WHERE document_id ${IN_LIST}
         OR quotation_id IN (SELECT id FROM quotations WHERE document_id ${IN_LIST})`,
    )
    .pluck()
    .get(list, list) as number;
  return { deleted: ids.length, quotations, memos };
}

/** Deletes documents with everything attached to them, as one undoable step. */
export function deleteDocuments(p: Project, ids: number[], label?: string): DeleteResult {
  const unique = [...new Set(ids)];
  const names = documentNames(p, unique);
  const counts = deletionCounts(p, unique);
  const text = label ?? (unique.length === 1 ? `Delete document "${names.get(unique[0]!)}"` : `Delete ${unique.length} documents`);
  withUndo(p, { action: 'documents.delete', text }, () => {
    p.db.prepare(`DELETE FROM documents WHERE id ${IN_LIST}`).run(listParam(unique));
  });
  return counts;
}

function cleanName(name: string): string {
  const n = name.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!n) throw new UserError('bad-input', 'a document needs a name', undefined, 'ett dokument behöver ett namn');
  return n;
}

export function renameDocument(p: Project, id: number, name: string): { id: number; name: string } {
  const old = documentNames(p, [id]).get(id)!;
  const wanted = cleanName(name);
  if (wanted === old) return { id, name: old };
  const taken = p.db.prepare('SELECT 1 FROM documents WHERE name = ? AND id <> ?').get(wanted, id);
  if (taken) {
    throw new UserError('exists', `a document named "${wanted}" already exists; choose another name`, undefined, `det finns redan ett dokument som heter ”${wanted}”; välj ett annat namn`);
  }
  withUndo(p, { action: 'documents.rename', text: `Rename document "${old}" to "${wanted}"` }, () => {
    p.db.prepare('UPDATE documents SET name = ?, modified_at = ? WHERE id = ?').run(wanted, p.now(), id);
  });
  return { id, name: wanted };
}

/** A new document from pasted or typed text: a transcript if speaker turns are found. */
export function createDocumentFromText(p: Project, input: { name: string; text: string; kind?: DocumentKind }): { id: number; name: string; kind: DocumentKind; turns: number } {
  const text = normalizeText(input.text);
  if (!/\S/u.test(text)) throw new UserError('bad-input', 'the pasted text is empty', undefined, 'den inklistrade texten är tom');
  const parsed = input.kind === 'fieldnote' ? { turns: [], speakers: [] } : parseTranscript(text);
  const kind: DocumentKind = input.kind ?? (parsed.turns.length > 0 ? 'interview' : 'other');
  const name = uniqueDocumentName(p, cleanName(input.name));
  const id = withUndo(p, { action: 'documents.create', text: `Add document "${name}" from pasted text` }, () =>
    insertDocument(p, { name, kind, text, sourceName: null, sourceType: 'paste', language: detectLanguage(text), turns: parsed.turns, speakers: parsed.speakers }),
  );
  return { id, name, kind, turns: parsed.turns.length };
}
