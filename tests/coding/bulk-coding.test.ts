/**
 * Coding 40,000 search hits is one undo step whose record holds the inserted rows as one part
 * per table, not one captured change per row (which made the step and its undo cost seconds);
 * undo and redo put every row back exactly, and a row changed since refuses the undo.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { Session } from '../../electron/core/api/session';
import { insertDocument } from '../../electron/core/documents/store';
import { Project } from '../../electron/core/project/project';
import { historyState, redo, undo } from '../../electron/core/undo/journal';
import { tempDir } from '../helpers/tmp';

const dir = tempDir('bulk-coding');
const HITS = 40_000;

/** One document of HITS short paragraphs, each with the word "samverkan" at a known place. */
function writeProject(name: string): { file: string; hits: { documentId: number; start: number; end: number }[] } {
  const file = path.join(dir, name);
  const lines = Array.from({ length: HITS }, (_, i) => `Mening ${i} handlar om samverkan i stadsdelen.`);
  const text = lines.join('\n\n');
  const p = Project.create(file, { name: 'Bulk' });
  let documentId = 0;
  p.transaction(() => {
    documentId = insertDocument(p, { name: 'lång', kind: 'fieldnote', text, language: 'sv' });
  });
  p.close();
  const hits: { documentId: number; start: number; end: number }[] = [];
  let at = 0;
  for (const line of lines) {
    const start = at + line.indexOf('samverkan');
    hits.push({ documentId, start, end: start + 'samverkan'.length });
    at += line.length + 2;
  }
  return { file, hits };
}

/** Every quotation, link and code row, as one digest (comparing 80,000 strings one by one is slow). */
const rowsOf = (p: Project): string =>
  createHash('sha256').update([
    ...(p.db.prepare('SELECT json_array(id, guid, document_id, start, "end", comment, coder_id, created_at, modified_at, needs_review) FROM quotations ORDER BY id').pluck().all() as string[]),
    ...(p.db.prepare('SELECT json_array(quotation_id, code_id, coder_id, created_at) FROM quotation_codes ORDER BY quotation_id, code_id').pluck().all() as string[]),
    ...(p.db.prepare('SELECT json_array(id, parent_id, name) FROM codes ORDER BY id').pluck().all() as string[]),
  ].join('\n')).digest('hex');

describe('bulk coding of search hits', () => {
  it('codes 40,000 hits as one undo step recorded per table, and undo/redo restore every row', async () => {
    const { file, hits } = writeProject('a.rodtrad');
    const s = new Session('test');
    const p = s.openProject(file);
    // the coder's own quotation of one sentence already exists: it gets the code, no duplicate
    const first = await dispatch(s, 'search.codeHits', { hits: hits.slice(0, 1), code: 'Annat', createCode: true, expand: 'sentence' });
    const before = rowsOf(p);
    const steps = p.db.prepare('SELECT count(*) FROM history').pluck().get() as number;

    const coded = await dispatch(s, 'search.codeHits', { hits, code: 'Samverkan/Alla', createCode: true, expand: 'sentence' });
    expect(coded).toMatchObject({ created: HITS - 1, linked: 1 });
    expect(coded.quotationIds[0]).toBe(first.quotationIds[0]);
    expect(p.db.prepare('SELECT count(*) FROM quotations').pluck().get()).toBe(HITS);
    expect(p.db.prepare('SELECT count(*) FROM quotation_codes WHERE code_id = ?').pluck().get(coded.codeId)).toBe(HITS);
    const after = rowsOf(p);

    // one step; its per-row changes are the two codes made for it, the rest lies in the bulk parts
    expect(p.db.prepare('SELECT count(*) FROM history').pluck().get()).toBe(steps + 1);
    const step = p.db.prepare("SELECT json_array_length(redo, '$.changes') AS changes, json_array_length(undo, '$.changes') AS undoChanges, json_array_length(redo, '$.bulk[0].rows') AS quotations, json_array_length(redo, '$.bulk[1].rows') AS links FROM history ORDER BY id DESC LIMIT 1").get();
    expect(step).toEqual({ changes: 2, undoChanges: 2, quotations: HITS - 1, links: HITS });

    expect(historyState(p)).toMatchObject({ canUndo: true, undoAction: 'search.codeHits' });
    expect(undo(p)).toMatch(/Code 40000 search hits/);
    expect(rowsOf(p)).toBe(before);
    expect(historyState(p)).toMatchObject({ canRedo: true, redoAction: 'search.codeHits', redoLabel: 'Code 40000 search hits with "Samverkan/Alla"' });
    redo(p);
    expect(rowsOf(p)).toBe(after);
    s.dispose();
  }, 120_000);

  it('refuses to undo when a bulk-made quotation changed since, and changes nothing', async () => {
    const { file, hits } = writeProject('b.rodtrad');
    const s = new Session('test');
    const p = s.openProject(file);
    const some = hits.slice(0, 500);
    const coded = await dispatch(s, 'search.codeHits', { hits: some, code: 'Samverkan', createCode: true, expand: 'word' });
    p.db.prepare("UPDATE quotations SET comment = 'ändrad' WHERE id = ?").run(coded.quotationIds[250]);
    const now = rowsOf(p);
    expect(() => undo(p)).toThrow(/cannot undo or redo/);
    expect(rowsOf(p)).toBe(now);
    s.dispose();
  }, 120_000);
});
