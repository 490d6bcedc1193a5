/**
 * Memos: stand-alone (project) or attached to one document, code or quotation. The body
 * is light markup (paragraphs, *emphasis*, **strong**) stored as written; the author is
 * the current coder. Writes are undoable steps.
 */
import type { Memo } from '../../../shared/contract/memos';
import { UserError } from '../errors';
import type { Project } from '../project/project';
import { withUndo } from '../undo/journal';

interface MemoRow {
  id: number;
  guid: string;
  title: string;
  body: string;
  author: string | null;
  document_id: number | null;
  code_id: number | null;
  quotation_id: number | null;
  created_at: string;
  modified_at: string;
}

const SELECT = `SELECT m.id, m.guid, m.title, m.body, c.name AS author, m.document_id, m.code_id, m.quotation_id, m.created_at, m.modified_at
  FROM memos m LEFT JOIN coders c ON c.id = m.author_id`;

function toMemo(r: MemoRow): Memo {
  return {
    id: r.id,
    guid: r.guid,
    title: r.title,
    body: r.body,
    author: r.author,
    target: r.document_id !== null ? 'document' : r.code_id !== null ? 'code' : r.quotation_id !== null ? 'quotation' : 'project',
    documentId: r.document_id,
    codeId: r.code_id,
    quotationId: r.quotation_id,
    createdAt: r.created_at,
    modifiedAt: r.modified_at,
  };
}

export interface MemoFilter {
  documentId?: number;
  codeId?: number;
  quotationId?: number;
  scope?: 'all' | 'project';
}

export function listMemos(p: Project, f: MemoFilter = {}): Memo[] {
  const where: string[] = [];
  const args: number[] = [];
  if (f.documentId !== undefined) { where.push('m.document_id = ?'); args.push(f.documentId); }
  if (f.codeId !== undefined) { where.push('m.code_id = ?'); args.push(f.codeId); }
  if (f.quotationId !== undefined) { where.push('m.quotation_id = ?'); args.push(f.quotationId); }
  if (f.scope === 'project') where.push('m.document_id IS NULL AND m.code_id IS NULL AND m.quotation_id IS NULL');
  const rows = p.db.prepare(`${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY m.modified_at DESC, m.id DESC`).all(...args) as MemoRow[];
  return rows.map(toMemo);
}

export function getMemo(p: Project, id: number): Memo {
  const row = p.db.prepare(`${SELECT} WHERE m.id = ?`).get(id) as MemoRow | undefined;
  if (!row) throw new UserError('not-found', `no memo with id ${id}`);
  return toMemo(row);
}

export interface NewMemo {
  title: string;
  body?: string;
  documentId?: number;
  codeId?: number;
  quotationId?: number;
}

export function createMemo(p: Project, m: NewMemo): Memo {
  const targets = [m.documentId, m.codeId, m.quotationId].filter((x) => x !== undefined);
  if (targets.length > 1) throw new UserError('bad-input', 'a memo is attached to at most one document, code or quotation', undefined, 'ett memo hör till högst ett dokument, en kod eller ett citat');
  const exists = (table: string, id: number | undefined, what: string): void => {
    if (id !== undefined && !p.db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id)) throw new UserError('not-found', `no ${what} with id ${id}`);
  };
  exists('documents', m.documentId, 'document');
  exists('codes', m.codeId, 'code');
  exists('quotations', m.quotationId, 'quotation');
  const author = p.currentCoderId();
  const now = p.now();
  const id = withUndo(p, { action: 'memos.create', text: `Write memo "${m.title.trim()}"` }, () =>
    Number(
      p.db
        .prepare(
          `INSERT INTO memos(guid, title, body, author_id, document_id, code_id, quotation_id, created_at, modified_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(p.guid(), m.title.trim(), m.body ?? '', author, m.documentId ?? null, m.codeId ?? null, m.quotationId ?? null, now, now).lastInsertRowid,
    ),
  );
  return getMemo(p, id);
}

export function updateMemo(p: Project, id: number, f: { title?: string; body?: string }): Memo {
  const memo = getMemo(p, id);
  withUndo(p, { action: 'memos.update', text: `Edit memo "${memo.title}"` }, () => {
    p.db
      .prepare('UPDATE memos SET title = ?, body = ?, modified_at = ? WHERE id = ?')
      .run(f.title?.trim() ?? memo.title, f.body ?? memo.body, p.now(), id);
  });
  return getMemo(p, id);
}

export function deleteMemo(p: Project, id: number): boolean {
  const memo = getMemo(p, id);
  withUndo(p, { action: 'memos.delete', text: `Delete memo "${memo.title}"` }, () => {
    p.db.prepare('DELETE FROM memos WHERE id = ?').run(id);
  });
  return true;
}
