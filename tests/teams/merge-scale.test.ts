/**
 * Merging ten generated coder copies of the 144-interview corpus (make-corpus's defaults: ~11,000
 * words each; 2,000 overlapping quotations per coder, plus the master's own coding in every
 * copy): the union is exact, counted here independently with plain SQL over the copies' rows and
 * a JS set; no link is duplicated; every quotation keeps its coder. The copies are made cheaply
 * (a file copy each, then one transaction of inserts through the core), so the whole test runs
 * in well under half a minute. The benchmark times the same merge (scripts/bench/teams.ts).
 */
import Database from 'better-sqlite3-multiple-ciphers';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeProjects } from '../../electron/core/teams/merge';
import { DEFAULTS, makeCorpus } from '../../scripts/make-corpus.mjs';
import { buildCorpusProject } from '../../scripts/bench/corpus';
import { generateCoderCopies } from '../../scripts/bench/team-copies';
import { tempDir } from '../helpers/tmp';
import { codings, quotationsOf, sha256 } from './helpers';

describe('merge of 10 coder copies', () => {
  it('is the exact union: no duplicate links, every quotation with its coder, inputs unchanged', () => {
    const dir = tempDir('rodtrad-merge-scale');
    const corpus = makeCorpus(path.join(dir, 'texts'), DEFAULTS);
    expect(corpus.files).toBe(144);
    const master = path.join(dir, 'master.rodtrad');
    buildCorpusProject(path.join(dir, 'texts'), master, { name: 'master', quotations: 200 });
    const copies = generateCoderCopies(master, dir, { coders: 10, quotations: 2000 });
    expect(copies).toHaveLength(10);
    const hashes = copies.map(sha256);

    const out = path.join(dir, 'merged.rodtrad');
    const report = mergeProjects(out, copies);
    expect(copies.map(sha256)).toEqual(hashes);

    // Independently: every copy's coding decisions, as plain rows, joined as a set.
    const expected = new Set<string>();
    const expectedQuotes = new Set<string>();
    for (const c of copies) {
      for (const x of codings(c)) expected.add(x);
      for (const x of quotationsOf(c)) expectedQuotes.add(x);
    }
    const merged = codings(out);
    expect(merged.length).toBe(expected.size);
    expect(merged).toEqual([...expected].sort());
    expect(quotationsOf(out)).toEqual([...expectedQuotes].sort());
    // Each copy brought its coder's 2,000 quotations (fewer only where the coder made one range
    // twice: that is one quotation); the master's 200 (GUIDs shared) came once.
    const ownRanges = copies.map((c) => new Set(quotationsOf(c).filter((q) => q.includes('|Kodare'))).size);
    expect(ownRanges.every((n) => n > 1950 && n <= 2000)).toBe(true);
    const db = new Database(out, { readonly: true });
    try {
      const perCoder = db.prepare('SELECT k.name, count(*) AS n FROM quotations q JOIN coders k ON k.id = q.coder_id GROUP BY k.name ORDER BY k.name').raw().all() as [string, number][];
      expect(perCoder.filter(([n]) => n.startsWith('Kodare')).map(([, n]) => n)).toEqual(ownRanges);
      const duplicates = db
        .prepare(
          `SELECT count(*) FROM (SELECT q.document_id, q.start, q."end", l.code_id, l.coder_id FROM quotation_codes l JOIN quotations q ON q.id = l.quotation_id
           GROUP BY 1, 2, 3, 4, 5 HAVING count(*) > 1)`,
        )
        .pluck()
        .get();
      expect(duplicates).toBe(0);
      expect(db.prepare('SELECT count(*) FROM quotations WHERE coder_id IS NULL').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
    expect(report.totals.links).toBe(expected.size);
    expect(report.sources.map((s) => s.matched.quotationsByGuid)).toEqual([0, ...Array.from({ length: 9 }, () => 200)]);
    expect(report.conflicts).toEqual([]);
  });
});
