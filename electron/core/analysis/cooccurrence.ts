/**
 * Code × code co-occurrence, three ways:
 * - overlap: pairs (quotation of A, quotation of B) whose spans overlap; one quotation carrying
 *   both codes is one pair. The diagonal is the code's number of quotations.
 * - turn: speaker turns touched by quotations of both codes (diagonal: turns touched by the code).
 * - document: documents with quotations of both (diagonal: documents with the code).
 * Codes count as linked directly (no roll-up to parents: a parent trivially co-occurs with its children).
 */
import { CooccurrenceRequest } from '../../../shared/contract/tables';
import type { Cooccurrence, CooccurrenceRequest as CooccurrenceRequestInput } from '../../../shared/contract/tables';
import { UserError } from '../errors';
import type { Project } from '../project/project';
import { loadCodingIndex } from './coding-index';
import type { IndexedQuotation } from './coding-index';
import { resolveFilter } from './filter';

export function buildCooccurrence(p: Project, input: CooccurrenceRequestInput): Cooccurrence {
  const req = CooccurrenceRequest.parse(input);
  const filter = resolveFilter(p, req.filter);
  const index = loadCodingIndex(p, filter.all ? null : filter.set);
  const wanted = req.codeIds ? new Set(req.codeIds) : null;
  if (wanted) for (const id of wanted) if (!index.byId.has(id)) throw new UserError('not-found', `no code with id ${id}`);
  const codes = index.codes.filter((c) => !wanted || wanted.has(c.id));
  const pos = new Map(codes.map((c, i) => [c.id, i]));
  const K = codes.length;
  const m = new Int32Array(K * K);
  const add = (a: number, b: number): void => {
    m[a * K + b]!++;
  };
  /** Positions of the shown codes on a quotation. */
  const shown = (q: IndexedQuotation): number[] => {
    const out: number[] = [];
    for (const c of q.codes) {
      const i = pos.get(c);
      if (i !== undefined) out.push(i);
    }
    return out;
  };
  /** For a bag of code positions seen together once (a turn, a document): +1 per pair and on the diagonal. */
  const countSet = (set: Set<number>): void => {
    const arr = [...set];
    for (const a of arr) for (const b of arr) add(a, b);
  };

  const byDoc = new Map<number, IndexedQuotation[]>();
  for (const q of index.quotations) {
    const l = byDoc.get(q.documentId);
    if (l) l.push(q);
    else byDoc.set(q.documentId, [q]);
  }

  if (req.by === 'overlap') {
    for (const qs of byDoc.values()) {
      // index.quotations is in start order within a document.
      const codesOf = qs.map(shown);
      for (let i = 0; i < qs.length; i++) {
        const x = qs[i]!;
        const cx = codesOf[i]!;
        for (const a of cx) for (const b of cx) add(a, b); // the quotation with itself (diagonal once per code)
        for (let j = i + 1; j < qs.length; j++) {
          const y = qs[j]!;
          if (y.start >= x.end) break;
          const cy = codesOf[j]!;
          for (const a of cx)
            for (const b of cy)
              if (a !== b) {
                add(a, b);
                add(b, a);
              }
        }
      }
    }
  } else if (req.by === 'document') {
    for (const qs of byDoc.values()) {
      const set = new Set<number>();
      for (const q of qs) for (const c of shown(q)) set.add(c);
      countSet(set);
    }
  } else {
    const turnsOf = p.db.prepare('SELECT start, "end" FROM turns WHERE document_id = ? ORDER BY start, id').raw();
    for (const [doc, qs] of byDoc) {
      const turns = turnsOf.all(doc) as [number, number][];
      if (turns.length === 0) continue;
      const perTurn = new Map<number, Set<number>>();
      for (const q of qs) {
        const cs = shown(q);
        if (cs.length === 0) continue;
        // First turn that ends after the quotation starts, then every turn that starts before it ends.
        let lo = 0;
        let hi = turns.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (turns[mid]![1] <= q.start) lo = mid + 1;
          else hi = mid;
        }
        for (let t = lo; t < turns.length && turns[t]![0] < q.end; t++) {
          if (turns[t]![1] <= q.start) continue;
          let set = perTurn.get(t);
          if (!set) perTurn.set(t, (set = new Set()));
          for (const c of cs) set.add(c);
        }
      }
      for (const set of perTurn.values()) countSet(set);
    }
  }
  const counts: number[][] = [];
  for (let a = 0; a < K; a++) counts.push(Array.from(m.subarray(a * K, a * K + K)));
  return { by: req.by, codes: codes.map((c) => ({ codeId: c.id, name: c.name, path: c.path, depth: c.depth })), counts };
}
