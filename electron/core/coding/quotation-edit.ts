/**
 * The user-facing quotation actions, each one undoable step: create (snapped to words),
 * resize, comment, delete, apply and remove codes, code a whole speaker turn. The plain
 * createQuotation (quotations.ts) stays outside the journal for bulk work.
 */
import type { Quotation } from '../../../shared/contract';
import { cachedStatement } from '../db/driver';
import { UserError } from '../errors';
import type { Project } from '../project/project';
import { withUndo } from '../undo/journal';
import { createQuotation, getQuotation } from './quotations';
import { isHighSurrogate, isLowSurrogate, snapToWords } from './snap';

function documentText(p: Project, documentId: number): string {
  const text = p.db.prepare('SELECT text FROM documents WHERE id = ?').pluck().get(documentId) as string | undefined;
  if (text === undefined) throw new UserError('not-found', `no document with id ${documentId}`);
  return text;
}

function checkCodes(p: Project, codeIds: number[]): string[] {
  const names: string[] = [];
  const get = p.db.prepare('SELECT name FROM codes WHERE id = ?').pluck();
  for (const id of codeIds) {
    const name = get.get(id) as string | undefined;
    if (name === undefined) throw new UserError('not-found', `no code with id ${id}`);
    names.push(name);
  }
  return names;
}

const quoted = (names: string[]): string => names.map((n) => `"${n}"`).join(', ');

function span(p: Project, documentId: number, start: number, end: number, snap: 'word' | 'none'): { start: number; end: number } {
  const text = documentText(p, documentId);
  if (start > text.length || end > text.length) {
    throw new UserError('bad-input', `quotation ${start}-${end} does not lie within the document (0-${text.length})`, undefined, `citatet ${start}–${end} ligger inte inom dokumentet (0–${text.length})`);
  }
  // Refused, not swapped: a reversed range is a mistake in the caller, and guessing hides it.
  if (end < start) {
    throw new UserError('bad-input', `quotation ${start}-${end} ends before it starts; give the start offset first`, undefined, `citatet ${start}–${end} slutar innan det börjar; ange startpositionen först`);
  }
  if (snap === 'none') for (const at of [start, end]) refuseSplitPair(text, at);
  const s = snap === 'word' ? snapToWords(text, start, end) : { start, end };
  if (s.end <= s.start) throw new UserError('bad-input', `quotation ${start}-${end} is empty`, undefined, `citatet ${start}–${end} är tomt`);
  if (snap === 'word' && !/\S/u.test(text.slice(s.start, s.end))) throw new UserError('bad-input', `quotation ${start}-${end} holds only white space`, undefined, `citatet ${start}–${end} innehåller bara blanksteg`);
  return s;
}

/** An exact offset must not fall between the two halves of a surrogate pair (an emoji, say): the text either side would export as U+FFFD. */
export function refuseSplitPair(text: string, at: number): void {
  if (at > 0 && at < text.length && isLowSurrogate(text.charCodeAt(at)) && isHighSurrogate(text.charCodeAt(at - 1))) {
    throw new UserError(
      'bad-input',
      `offset ${at} splits a character (the two UTF-16 halves of "${text.slice(at - 1, at + 1)}"); use ${at - 1} or ${at + 1}`,
      undefined,
      `position ${at} delar ett tecken (de två UTF-16-halvorna av ”${text.slice(at - 1, at + 1)}”); använd ${at - 1} eller ${at + 1}`,
    );
  }
}

export interface QuotationInput {
  documentId: number;
  start: number;
  end: number;
  codeIds?: number[];
  comment?: string | null;
  snap?: 'word' | 'none';
}

export function createQuotationUndoable(p: Project, q: QuotationInput): Quotation {
  const s = span(p, q.documentId, q.start, q.end, q.snap ?? 'word');
  const names = checkCodes(p, q.codeIds ?? []);
  const label = names.length ? `Code a new quotation with ${quoted(names)}` : 'Create quotation';
  const id = withUndo(p, { action: 'quotations.create', text: label }, () =>
    createQuotation(p, { documentId: q.documentId, start: s.start, end: s.end, codeIds: q.codeIds, comment: q.comment ?? null }),
  );
  return getQuotation(p, id);
}

export function updateQuotation(
  p: Project,
  id: number,
  f: { start?: number; end?: number; comment?: string | null; snap?: 'word' | 'none'; reviewed?: boolean },
): Quotation {
  const q = getQuotation(p, id);
  const resize = f.start !== undefined || f.end !== undefined;
  const s = resize ? span(p, q.documentId, f.start ?? q.start, f.end ?? q.end, f.snap ?? 'word') : q;
  const label = resize ? (f.comment !== undefined ? 'Resize quotation and edit its comment' : 'Resize quotation') : f.comment !== undefined ? 'Edit quotation comment' : 'Mark quotation as reviewed';
  // Resizing is looking at it too: a flagged quotation the user has adjusted is reviewed.
  const review = f.reviewed || resize ? 0 : q.needsReview ? 1 : 0;
  withUndo(p, { action: 'quotations.update', text: label }, () => {
    p.db
      .prepare('UPDATE quotations SET start = ?, "end" = ?, comment = ?, needs_review = ?, modified_at = ? WHERE id = ?')
      .run(s.start, s.end, f.comment !== undefined ? f.comment : q.comment, review, p.now(), id);
  });
  return getQuotation(p, id);
}

export function deleteQuotation(p: Project, id: number): boolean {
  getQuotation(p, id);
  withUndo(p, { action: 'quotations.delete', text: 'Delete quotation' }, () => {
    p.db.prepare('DELETE FROM quotations WHERE id = ?').run(id);
  });
  return true;
}

function linkSql(p: Project) {
  return {
    link: cachedStatement(p.db, 'INSERT OR IGNORE INTO quotation_codes(quotation_id, code_id, coder_id, created_at) VALUES (?, ?, ?, ?)'),
    exists: cachedStatement(p.db, 'SELECT 1 FROM quotations WHERE id = ?', { pluck: true }),
  };
}

/** Applies codes; the hot path of a coding day, so it prepares once and reads little. */
export function addCodes(p: Project, quotationId: number, codeIds: number[]): void {
  const s = linkSql(p);
  if (!s.exists.get(quotationId)) throw new UserError('not-found', `no quotation with id ${quotationId}`);
  const names = checkCodes(p, codeIds);
  const coder = p.currentCoderId();
  const now = p.now();
  withUndo(p, { action: 'quotations.addCodes', text: `Apply ${names.length > 1 ? 'codes' : 'code'} ${quoted(names)}` }, () => {
    for (const c of codeIds) s.link.run(quotationId, c, coder, now);
  });
}

export function removeCode(p: Project, quotationId: number, codeId: number): void {
  const [name] = checkCodes(p, [codeId]);
  const gone = withUndo(p, { action: 'quotations.removeCode', text: `Remove code "${name}"` }, () =>
    p.db.prepare('DELETE FROM quotation_codes WHERE quotation_id = ? AND code_id = ?').run(quotationId, codeId).changes,
  );
  if (gone === 0 && !linkSql(p).exists.get(quotationId)) throw new UserError('not-found', `no quotation with id ${quotationId}`);
}

/** Codes a whole speaker turn, reusing a quotation that spans exactly the turn's text. */
export function codeTurn(p: Project, turnId: number, codeIds: number[]): Quotation {
  const turn = p.db
    .prepare('SELECT t.document_id, t.start, t."end", s.label FROM turns t LEFT JOIN speakers s ON s.id = t.speaker_id WHERE t.id = ?')
    .get(turnId) as { document_id: number; start: number; end: number; label: string | null } | undefined;
  if (!turn) throw new UserError('not-found', `no speaker turn with id ${turnId}`);
  const text = documentText(p, turn.document_id);
  let start = turn.label ? afterLabel(text, turn.start, turn.end, turn.label) : turn.start;
  let end = turn.end;
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  if (end <= start) throw new UserError('bad-input', `speaker turn ${turnId} has no text`, undefined, `repliken ${turnId} har ingen text`);
  const names = checkCodes(p, codeIds);
  const coder = p.currentCoderId();
  const id = withUndo(p, { action: 'quotations.codeTurn', text: `Code speaker turn with ${quoted(names)}` }, () => {
    // Only the current coder's own quotation is reused: another coder's stays theirs, so
    // each coder's work can be compared and merged.
    const existing = p.db
      .prepare('SELECT id FROM quotations WHERE document_id = ? AND start = ? AND "end" = ? AND coder_id IS ? ORDER BY id LIMIT 1')
      .pluck()
      .get(turn.document_id, start, end, coder) as number | undefined;
    if (existing === undefined) return createQuotation(p, { documentId: turn.document_id, start, end, codeIds, coderId: coder });
    const now = p.now();
    for (const c of codeIds) linkSql(p).link.run(existing, c, coder, now);
    return existing;
  });
  return getQuotation(p, id);
}

/**
 * Where the spoken text of a turn begins: after "Label:" (with an optional time before or
 * after the label, or Markdown bold) when the turn opens with its speaker label.
 */
export function afterLabel(text: string, start: number, end: number, label: string): number {
  const head = text.slice(start, Math.min(end, start + label.length + 40));
  const at = head.indexOf(label);
  if (at < 0 || !/^[\s*[\]()\d:.,]*$/u.test(head.slice(0, at))) return start;
  const colon = head.indexOf(':', at + label.length);
  if (colon < 0 || !/^[\s*[\]()\d:.,]*$/u.test(head.slice(at + label.length, colon))) return start;
  let i = colon + 1;
  while (i < head.length && (head[i] === '*' || /\s/u.test(head[i]!))) i++;
  return i < head.length ? start + i : start;
}
