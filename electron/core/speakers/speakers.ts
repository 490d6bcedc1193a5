/**
 * Speakers after import: listing them across documents, marking the interviewer, naming
 * them, and "auto-code by speaker": one code per speaker (or per value of a speaker
 * attribute such as roll) under a parent code, and a quotation per turn — one undoable step.
 */
import { IN_LIST, listParam } from '../db/sql-list';
import type { Params, Result } from '../../../shared/contract';
import type { SpeakerRow } from '../../../shared/contract/import';
import { codeByPath, createCode } from '../coding/codes';
import { createQuotation } from '../coding/quotations';
import { UserError } from '../errors';
import type { Project } from '../project/project';
import { withUndo } from '../undo/journal';

export type { SpeakerRow };

export function listAllSpeakers(p: Project, documentId?: number): SpeakerRow[] {
  const rows = p.db
    .prepare(
      `SELECT s.id, s.document_id AS documentId, d.name AS documentName, s.label, s.name, s.is_interviewer AS isInterviewer,
              (SELECT count(*) FROM turns t WHERE t.speaker_id = s.id) AS turns
       FROM speakers s JOIN documents d ON d.id = s.document_id
       ${documentId === undefined ? '' : 'WHERE s.document_id = ?'}
       ORDER BY d.position, d.id, s.id`,
    )
    .all(...(documentId === undefined ? [] : [documentId])) as (Omit<SpeakerRow, 'isInterviewer' | 'attributes'> & { isInterviewer: number })[];
  const values = p.db
    .prepare(
      `SELECT v.speaker_id AS sid, a.name, v.value FROM speaker_attribute_values v JOIN attributes a ON a.id = v.attribute_id ORDER BY a.position, a.id`,
    )
    .all() as { sid: number; name: string; value: string }[];
  const attrs = new Map<number, Record<string, string>>();
  for (const v of values) {
    let rec = attrs.get(v.sid);
    if (!rec) attrs.set(v.sid, (rec = {}));
    rec[v.name] = v.value;
  }
  return rows.map((r) => ({ ...r, isInterviewer: r.isInterviewer === 1, attributes: attrs.get(r.id) ?? {} }));
}

export function updateSpeaker(p: Project, id: number, change: { name?: string | null; isInterviewer?: boolean }): void {
  const row = p.db.prepare('SELECT id FROM speakers WHERE id = ?').get(id);
  if (!row) throw new UserError('not-found', `no speaker with id ${id}`);
  p.transaction(() => {
    if (change.name !== undefined) p.db.prepare('UPDATE speakers SET name = ? WHERE id = ?').run(change.name?.trim() || null, id);
    if (change.isInterviewer !== undefined) p.db.prepare('UPDATE speakers SET is_interviewer = ? WHERE id = ?').run(change.isInterviewer ? 1 : 0, id);
  });
}

/** The contract's options as a caller may write them (by and includeInterviewer have defaults). */
export type AutocodeOptions = Params<'speakers.autocode'>;
export type AutocodeResult = Result<'speakers.autocode'>;

export function autocodeSpeakers(p: Project, o: AutocodeOptions): AutocodeResult {
  const attribute = o.attribute ?? 'roll';
  const parentPath = o.parent ?? (o.by === 'speaker' ? 'Talare' : attribute.charAt(0).toUpperCase() + attribute.slice(1));
  const docFilter = o.documentIds?.length ? `AND t.document_id ${IN_LIST}` : '';
  const turns = p.db
    .prepare(
      `SELECT t.document_id AS doc, t.start, t."end" AS end, s.label, s.name, s.is_interviewer AS interviewer,
              (SELECT v.value FROM speaker_attribute_values v JOIN attributes a ON a.id = v.attribute_id
               WHERE v.speaker_id = s.id AND a.scope = 'speaker' AND a.name = ?) AS value
       FROM turns t LEFT JOIN speakers s ON s.id = t.speaker_id
       WHERE 1 = 1 ${docFilter}
       ORDER BY t.document_id, t.start`,
    )
    .all(attribute, ...(o.documentIds?.length ? [listParam(o.documentIds)] : [])) as { doc: number; start: number; end: number; label: string | null; name: string | null; interviewer: number | null; value: string | null }[];
  if (o.by === 'attribute') {
    const exists = p.db.prepare(`SELECT 1 FROM attributes WHERE scope = 'speaker' AND name = ?`).get(attribute);
    if (!exists) throw new UserError('not-found', `no speaker attribute "${attribute}"; give speakers a ${attribute} first (rodtrad speakers … --set)`);
  }
  return withUndo(p, { action: 'speakers.autocode', text: `Auto-code by ${o.by === 'speaker' ? 'speaker' : attribute}` }, () => {
    const parentId = codeByPath(p, parentPath, { create: true });
    const codeIds = new Map<string, number>();
    const counts = new Map<string, number>();
    const find = p.db.prepare('SELECT id FROM codes WHERE parent_id = ? AND name = ?').pluck();
    const already = p.db.prepare(
      `SELECT 1 FROM quotations q JOIN quotation_codes qc ON qc.quotation_id = q.id WHERE q.document_id = ? AND q.start = ? AND q."end" = ? AND qc.code_id = ?`,
    );
    let quotations = 0;
    let skipped = 0;
    for (const t of turns) {
      if (t.label === null || (t.interviewer === 1 && o.includeInterviewer === false) || t.end <= t.start) {
        skipped++;
        continue;
      }
      const key = o.by === 'speaker' ? (t.name?.trim() || t.label) : t.value;
      if (!key) {
        skipped++;
        continue;
      }
      let codeId = codeIds.get(key);
      if (codeId === undefined) {
        codeId = (find.get(parentId, key) as number | undefined) ?? createCode(p, { name: key, parentId });
        codeIds.set(key, codeId);
      }
      // running it twice must not double the coding
      if (!already.get(t.doc, t.start, t.end, codeId)) {
        createQuotation(p, { documentId: t.doc, start: t.start, end: t.end, codeIds: [codeId] });
        quotations++;
      }
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return {
      parentId,
      codes: [...codeIds].map(([name, id]) => ({ id, name, quotations: counts.get(name) ?? 0 })),
      quotations,
      skippedTurns: skipped,
    };
  });
}

