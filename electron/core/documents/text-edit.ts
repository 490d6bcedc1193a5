/**
 * Correcting a document's text (a mis-heard word in a transcript) without losing the coding:
 * quotations before and after the edit keep their words (their offsets move with the text),
 * a quotation whose own words changed is flagged for review (one whose words were all
 * deleted goes, with its links), and speaker turns follow. One undoable step.
 *
 * Offsets are UTF-16 code units into the stored NFC text. The edited text is normalised
 * again (an inserted combining mark composes with the letter before it), so the span that
 * really changed is found by comparing old and new text around the requested edit.
 */
import { normalizeText } from '../../../shared/text/normalize';
import { refuseSplitPair } from '../coding/quotation-edit';
import { UserError } from '../errors';
import type { Project } from '../project/project';
import { withUndo } from '../undo/journal';

export interface TextEdit {
  /** Where the edit starts (UTF-16 offset into the current text). */
  at: number;
  /** How many UTF-16 code units to delete from there. */
  deleteCount: number;
  /** Text to insert there (normalised to NFC with \n line ends). */
  insert: string;
}

export interface TextEditResult {
  chars: number;
  /** Quotations moved along with the text, their words unchanged. */
  shifted: number;
  /** Quotations whose own words changed, now flagged for review. */
  flagged: number[];
  /** Quotations whose words were all deleted, removed with their links. */
  removed: number[];
}

/** The span of the old text [start, oldEnd) that became [start, newEnd) in the new text. */
export interface Change {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** The old text with the edit applied, normalised, and the span that really changed. */
export function applyEdit(old: string, e: TextEdit): { text: string; change: Change } | null {
  const end = e.at + e.deleteCount;
  if (e.at > old.length || end > old.length) {
    throw new UserError('bad-input', `the edit ${e.at}+${e.deleteCount} lies outside the text (0-${old.length})`, undefined, `ändringen ${e.at}+${e.deleteCount} ligger utanför texten (0–${old.length})`);
  }
  refuseSplitPair(old, e.at);
  refuseSplitPair(old, end);
  const text = normalizeText(old.slice(0, e.at) + e.insert + old.slice(end));
  if (text === old) return null;
  // The changed span lies at or around the requested one: its start no later than `at`, its
  // end no earlier than `at + deleteCount` (normalisation can only widen it).
  let start = 0;
  const maxStart = Math.min(e.at, text.length);
  while (start < maxStart && old.charCodeAt(start) === text.charCodeAt(start)) start++;
  let suffix = 0;
  const maxSuffix = Math.min(old.length - end, text.length - start);
  while (suffix < maxSuffix && old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
  return { text, change: { start, oldEnd: old.length - suffix, newEnd: text.length - suffix } };
}

export type SpanFate = { kind: 'same' | 'shifted' | 'changed'; start: number; end: number } | { kind: 'gone' };

/**
 * Where a quotation [start, end) lies after the change. Text inserted exactly at a
 * quotation's edge is outside it: its own words stay as they were.
 */
export function mapQuotation(start: number, end: number, c: Change): SpanFate {
  const delta = c.newEnd - c.oldEnd;
  if (end <= c.start) return { kind: 'same', start, end };
  if (start >= c.oldEnd) return { kind: delta === 0 ? 'same' : 'shifted', start: start + delta, end: end + delta };
  const s = start <= c.start ? start : c.start;
  const e = end >= c.oldEnd ? end + delta : c.newEnd;
  return e > s ? { kind: 'changed', start: s, end: e } : { kind: 'gone' };
}

/**
 * Where a speaker turn lies after the change. Unlike a quotation, a turn takes in text typed
 * at its end (the user is adding to what that speaker said).
 */
export function mapTurn(start: number, end: number, c: Change): { start: number; end: number } {
  const delta = c.newEnd - c.oldEnd;
  const pureInsert = c.start === c.oldEnd;
  const s = start < c.start || (start === c.start && !pureInsert) ? start : start >= c.oldEnd ? start + delta : c.start;
  const e = end < c.start || (end === c.start && !pureInsert) ? end : end >= c.oldEnd ? end + delta : c.newEnd;
  return { start: s, end: Math.max(s, e) };
}

export function editDocumentText(p: Project, documentId: number, edit: TextEdit): TextEditResult {
  const doc = p.db.prepare('SELECT name, text FROM documents WHERE id = ?').get(documentId) as { name: string; text: string } | undefined;
  if (!doc) throw new UserError('not-found', `no document with id ${documentId}`);
  const applied = applyEdit(doc.text, edit);
  if (!applied) return { chars: doc.text.length, shifted: 0, flagged: [], removed: [] };
  const { text, change } = applied;
  const result: TextEditResult = { chars: text.length, shifted: 0, flagged: [], removed: [] };
  withUndo(p, { action: 'documents.editText', text: `Correct the text of "${doc.name}"` }, () => {
    const now = p.now();
    p.db.prepare('UPDATE documents SET text = ?, chars = ?, modified_at = ? WHERE id = ?').run(text, text.length, now, documentId);
    const quotations = p.db.prepare('SELECT id, start, "end" FROM quotations WHERE document_id = ? AND "end" > ?').all(documentId, change.start) as { id: number; start: number; end: number }[];
    const move = p.db.prepare('UPDATE quotations SET start = ?, "end" = ? WHERE id = ?');
    const flag = p.db.prepare('UPDATE quotations SET start = ?, "end" = ?, needs_review = 1, modified_at = ? WHERE id = ?');
    const drop = p.db.prepare('DELETE FROM quotations WHERE id = ?');
    for (const q of quotations) {
      const fate = mapQuotation(q.start, q.end, change);
      if (fate.kind === 'gone') {
        drop.run(q.id);
        result.removed.push(q.id);
      } else if (fate.kind === 'changed') {
        flag.run(fate.start, fate.end, now, q.id);
        result.flagged.push(q.id);
      } else if (fate.kind === 'shifted') {
        move.run(fate.start, fate.end, q.id);
        result.shifted++;
      }
    }
    const turns = p.db.prepare('SELECT id, start, "end" FROM turns WHERE document_id = ? AND "end" >= ?').all(documentId, change.start) as { id: number; start: number; end: number }[];
    const moveTurn = p.db.prepare('UPDATE turns SET start = ?, "end" = ? WHERE id = ?');
    const dropTurn = p.db.prepare('DELETE FROM turns WHERE id = ?');
    for (const t of turns) {
      const m = mapTurn(t.start, t.end, change);
      // a turn whose text was deleted entirely is gone; an empty turn before the edit stays
      if (m.end === m.start && t.end > t.start) dropTurn.run(t.id);
      else if (m.start !== t.start || m.end !== t.end) moveTurn.run(m.start, m.end, t.id);
    }
  });
  return result;
}
