/**
 * Generated coder copies of a master project, for the merge test and the teams benchmark:
 * each coder codes `quotations` passages drawn from one shared, seeded pool of passages on
 * speaker turns, so coders overlap (the same range, often the same code) the way a team does;
 * some boundaries are shifted a little and some codes differ, so agreement is not perfect.
 */
import { createQuotation } from '../../electron/core/coding/quotations';
import { Project } from '../../electron/core/project/project';
import { makeCoderCopies } from '../../electron/core/teams/copies';
import { mulberry32 } from './util';

export interface CopiesOptions {
  coders: number;
  quotations: number;
  seed?: number;
}

export function generateCoderCopies(master: string, outDir: string, o: CopiesOptions): string[] {
  const m = Project.open(master);
  let paths: string[];
  let pool: { doc: number; start: number; end: number; code: number }[];
  let codes: number[];
  let lengths: Map<number, number>;
  try {
    const names = Array.from({ length: o.coders }, (_, i) => `Kodare ${String(i + 1).padStart(2, '0')}`);
    paths = makeCoderCopies(m, outDir, names).map((c) => c.path);
    codes = m.db.prepare('SELECT id FROM codes WHERE id NOT IN (SELECT parent_id FROM codes WHERE parent_id IS NOT NULL) ORDER BY id').pluck().all() as number[];
    lengths = new Map(m.db.prepare('SELECT id, chars FROM documents').raw().all() as [number, number][]);
    const turns = m.db.prepare('SELECT document_id, start, "end" FROM turns WHERE speaker_id IS NOT NULL AND "end" - start > 60 ORDER BY id').raw().all() as [number, number, number][];
    const rnd = mulberry32(o.seed ?? 14);
    pool = Array.from({ length: Math.ceil(o.quotations * 1.5) }, () => {
      const [doc, s, e] = turns[Math.floor(rnd() * turns.length)]!;
      const start = s + Math.floor(rnd() * Math.max(1, (e - s) / 3));
      return { doc, start, end: Math.min(e, start + 30 + Math.floor(rnd() * 300)), code: codes[Math.floor(rnd() * codes.length)]! };
    });
  } finally {
    m.close();
  }
  paths.forEach((file, k) => {
    const p = Project.open(file);
    const rnd = mulberry32((o.seed ?? 14) * 1000 + k);
    const coder = p.currentCoderId();
    // A sample of the pool without replacement (partial Fisher–Yates).
    const order = pool.map((_, i) => i);
    p.transaction(() => {
      for (let i = 0; i < o.quotations; i++) {
        const j = i + Math.floor(rnd() * (order.length - i));
        [order[i], order[j]] = [order[j]!, order[i]!];
        const q = pool[order[i]!]!;
        const jitter = rnd() < 0.15 ? Math.floor(rnd() * 31) - 15 : 0;
        const start = Math.max(0, q.start + jitter);
        const end = Math.min(lengths.get(q.doc)!, Math.max(start + 1, q.end + jitter));
        const code = rnd() < 0.2 ? codes[Math.floor(rnd() * codes.length)]! : q.code;
        createQuotation(p, { documentId: q.doc, start, end, codeIds: [code], coderId: coder });
      }
    });
    p.close();
  });
  return paths;
}
