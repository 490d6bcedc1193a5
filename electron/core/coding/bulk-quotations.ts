/**
 * Tens of thousands of quotations linked to one code in one go (code all search hits): ids
 * assigned up front, one prepared INSERT run per row (measured faster here than multi-row
 * INSERTs of 500 rows, whose binding of 4,000 parameters cost more than the statement runs),
 * and the undo step records the rows as one part per table (insertInBulk) instead of one
 * captured row per insert.
 * Inside the caller's transaction and recorded step; spans are checked by the caller.
 */
import { insertInBulk } from '../undo/journal';
import type { Project } from '../project/project';

export interface Span {
  documentId: number;
  start: number;
  end: number;
}

export interface BulkCodingResult {
  /** Per span, in order: the quotation made for it or the coder's existing one. */
  quotationIds: number[];
  created: number;
  /** Existing quotations that got the code now (they did not have it). */
  linked: number;
}

/** Spans are in document order (several runs of one document only cost a re-read). */
export function codeSpansInBulk(p: Project, spans: Span[], codeId: number, coderId: number | null): BulkCodingResult {
  const now = p.now();
  // Only the current coder's own quotation of a span is reused: another coder's stays theirs.
  // Read per document (one query each, spans come sorted by document), not looked up per span.
  const ofDocument = p.db.prepare('SELECT start, "end", min(id) FROM quotations WHERE document_id = ? AND coder_id IS ? GROUP BY start, "end"').raw();
  let doc = -1;
  let known = new Map<string, number>();
  const quotationIds: number[] = [];
  const fresh: { id: number; span: Span }[] = [];
  const reused: number[] = [];
  let next = (p.db.prepare('SELECT coalesce(max(id), 0) FROM quotations').pluck().get() as number) + 1;
  for (const s of spans) {
    if (s.documentId !== doc) {
      doc = s.documentId;
      known = new Map((ofDocument.all(doc, coderId) as [number, number, number][]).map(([start, end, id]) => [`${start}:${end}`, id]));
    }
    const old = known.get(`${s.start}:${s.end}`);
    if (old !== undefined) {
      reused.push(old);
      quotationIds.push(old);
    } else {
      fresh.push({ id: next, span: s });
      quotationIds.push(next++);
    }
  }
  insertInBulk(p, 'quotations', () => {
    const quote = p.db.prepare('INSERT INTO quotations(id, guid, document_id, start, "end", comment, coder_id, created_at, modified_at) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?)');
    for (const f of fresh) quote.run(f.id, p.guid(), f.span.documentId, f.span.start, f.span.end, coderId, now, now);
    return fresh.map((f) => f.id);
  });
  let linked = 0;
  insertInBulk(p, 'quotation_codes', () => {
    const link = p.db.prepare('INSERT OR IGNORE INTO quotation_codes(quotation_id, code_id, coder_id, created_at) VALUES (?, ?, ?, ?)');
    for (const f of fresh) link.run(f.id, codeId, coderId, now);
    const added: number[][] = [];
    for (const id of new Set(reused)) {
      if (link.run(id, codeId, coderId, now).changes > 0) added.push([id, codeId]);
    }
    linked = added.length;
    return [...fresh.map((f) => [f.id, codeId]), ...added];
  });
  return { quotationIds, created: fresh.length, linked };
}
