/**
 * The quotations behind a co-occurrence cell (see QuotationQuery.cooccur): those carrying
 * code A or B directly that overlap a quotation of the other, share a speaker turn with one,
 * or share a document with one. Counted as the co-occurrence table counts, without roll-up.
 */
import type { Project } from '../project/project';

interface Q {
  id: number;
  doc: number;
  start: number;
  end: number;
}

export function cooccurringQuotationIds(p: Project, a: number, b: number, by: 'overlap' | 'turn' | 'document'): number[] {
  const of = (code: number): Q[] =>
    p.db
      .prepare('SELECT q.id, q.document_id AS doc, q.start, q."end" AS "end" FROM quotations q JOIN quotation_codes qc ON qc.quotation_id = q.id WHERE qc.code_id = ? ORDER BY q.document_id, q.start')
      .all(code) as Q[];
  const qa = of(a);
  if (a === b) return qa.map((q) => q.id);
  const qb = of(b);
  const byDoc = (list: Q[]): Map<number, Q[]> => {
    const m = new Map<number, Q[]>();
    for (const q of list) {
      const l = m.get(q.doc);
      if (l) l.push(q);
      else m.set(q.doc, [q]);
    }
    return m;
  };
  const da = byDoc(qa);
  const db = byDoc(qb);
  const keep = new Set<number>();
  const turnsOf = p.db.prepare('SELECT start, "end" FROM turns WHERE document_id = ? ORDER BY start, id').raw();
  for (const [doc, as] of da) {
    const bs = db.get(doc);
    if (!bs) continue;
    if (by === 'document') {
      for (const q of [...as, ...bs]) keep.add(q.id);
    } else if (by === 'overlap') {
      // The same quotation carrying both codes overlaps itself, as in the table.
      for (const x of as) for (const y of bs) if (x.id === y.id || (x.start < y.end && y.start < x.end)) keep.add(x.id).add(y.id);
    } else {
      const turns = turnsOf.all(doc) as [number, number][];
      const touched = (q: Q): number[] => turns.flatMap(([s, e], i) => (s < q.end && e > q.start ? [i] : []));
      const ta = new Map(as.map((q) => [q, touched(q)]));
      const tb = new Map(bs.map((q) => [q, touched(q)]));
      const turnsA = new Set([...ta.values()].flat());
      const turnsB = new Set([...tb.values()].flat());
      for (const [q, ts] of ta) if (ts.some((t) => turnsB.has(t))) keep.add(q.id);
      for (const [q, ts] of tb) if (ts.some((t) => turnsA.has(t))) keep.add(q.id);
    }
  }
  return [...keep];
}
