/**
 * From a number to its quotations (tables.drill): the quotations behind a matrix cell, a
 * co-occurrence cell, a term report's "k av n" (and the n − k without) and a theme-table count
 * are exactly those the number counts, computed here from what the fixture coded; and
 * `rodtrad quotes` with the returned arguments selects the same set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { Session } from '../../electron/core/api/session';
import { rodtrad } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';
import { buildFixture, type Fixture } from './fixture';

const dir = tempDir('analysis-drill');
let f: Fixture;
let session: Session;
const call = <M extends Parameters<typeof dispatch>[1]>(m: M, params: Parameters<typeof dispatch<M>>[2]) => dispatch(session, m, params);

/** code id → itself and every code below it */
let subtree: (id: number) => Set<number>;

beforeAll(() => {
  f = buildFixture(dir, { documents: 12, quotations: 260, seed: 16 });
  session = new Session('test', f.p);
  const parent = new Map((f.p.db.prepare('SELECT id, parent_id FROM codes').raw().all() as [number, number | null][]));
  subtree = (id) => new Set([...parent.keys()].filter((c) => {
    for (let x: number | null = c; x !== null; x = parent.get(x) ?? null) if (x === id) return true;
    return false;
  }));
});
afterAll(() => session.closeProject());

const ids = (rows: { id: number }[]): number[] => rows.map((r) => r.id).sort((a, b) => a - b);

function cliIds(args: string[]): number[] {
  const r = rodtrad(['quotes', f.p.file, ...args, '--json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return ids((JSON.parse(r.stdout) as { rows: { id: number }[] }).rows);
}

/** A top-level code with quotations in several documents (a busy theme). */
function busyTopCode(): number {
  const tops = f.p.db.prepare('SELECT id FROM codes WHERE parent_id IS NULL').pluck().all() as number[];
  const docsOf = (c: number): number => new Set(f.quotes.filter((q) => q.codes.some((x) => subtree(c).has(x))).map((q) => q.documentId)).size;
  return tops.sort((a, b) => docsOf(b) - docsOf(a))[0]!;
}

describe('tables.drill', () => {
  it('opens a matrix cell: the quotations of the code and its sub-codes in the column, as many as the cell says', async () => {
    const code = busyTopCode();
    const m = await call('tables.matrix', { cols: 'termin', cells: 'count' });
    const row = m.rows.findIndex((r) => r.codeId === code);
    for (const [ci, col] of m.columns.entries()) {
      const d = await call('tables.drill', { from: 'matrix', request: { cols: 'termin' }, codeId: code, column: col.key });
      const want = f.quotes.filter((q) => q.codes.some((c) => subtree(code).has(c)) && f.docs.find((x) => x.id === q.documentId)!.termin === col.key).map((q) => q.id).sort((a, b) => a - b);
      expect(ids(d.rows)).toEqual(want);
      expect(d.total).toBe(m.values[row]![ci]);
      expect(cliIds(d.cli)).toEqual(want);
      for (const r of d.rows) expect(r.attributes.termin).toBe(col.key);
    }
  });

  it('opens a term report "k av n": the k interviews with their quotations and, apart, the n − k without', async () => {
    const code = busyTopCode();
    const report = await call('reports.term', { term: 'termin', group: 'grupp', codes: [code] });
    for (const [i, term] of report.terms.entries()) {
      for (const group of [undefined, ...report.groups]) {
        const cell = group ? report.rows[0]!.terms[i]!.groups[group]! : report.rows[0]!.terms[i]!;
        const d = await call('tables.drill', { from: 'term', request: { term: 'termin', group: 'grupp', codes: [code] }, codeId: code, term, ...(group ? { group } : {}) });
        expect(d.documents.length).toBe(cell.k);
        expect(d.documents.length + d.without.length).toBe(cell.n);
        const inCell = f.docs.filter((x) => x.kind === 'interview' && x.termin === term && (!group || x.grupp === group));
        const want = f.quotes.filter((q) => inCell.some((x) => x.id === q.documentId) && q.codes.some((c) => subtree(code).has(c))).map((q) => q.id).sort((a, b) => a - b);
        expect(ids(d.rows)).toEqual(want);
        expect(new Set(d.without.map((x) => x.documentId))).toEqual(new Set(inCell.map((x) => x.id).filter((id) => !want.some((q) => f.quotes.find((x) => x.id === q)!.documentId === id))));
        for (const x of d.without) expect(x.quotations).toBe(0);
        expect(d.title).toContain(`${cell.k} av ${cell.n}`);
        expect(d.cli).toContain('kind=interview');
        // The CLI as a process is slow: one term is enough to show it selects the same.
        if (i === 0) expect(cliIds(d.cli)).toEqual(want);
      }
    }
  });

  it('opens a theme-table count: as many quotations as the count, within the table filter', async () => {
    const spec = { caption: '', sections: [{ path: (f.p.db.prepare('SELECT name FROM codes WHERE id = ?').pluck().get(busyTopCode()) as string), columns: false }], options: { counts: 'quotes' as const, filter: { where: { grupp: ['chef'] } } } };
    const t = await call('tables.themeTable', { spec });
    const bullets = t.sections[0]!.columns[0]!.items;
    expect(bullets.length).toBeGreaterThan(0);
    for (const b of bullets) {
      const d = await call('tables.drill', { from: 'theme', request: { spec }, codeId: b.codeId });
      expect(d.total).toBe(b.count.quotations);
      expect(d.documents.length).toBe(b.count.documents);
      for (const r of d.rows) expect(r.attributes.grupp).toBe('chef');
      expect(cliIds(d.cli)).toEqual(ids(d.rows));
    }
  });

  it('opens a co-occurrence cell: the quotations of either code that meet the other', async () => {
    const co = await call('tables.cooccurrence', { by: 'document' });
    // the busiest off-diagonal cell
    let best: [number, number, number] = [0, 0, -1];
    co.counts.forEach((r, i) => r.forEach((v, j) => { if (i !== j && v > best[2]) best = [i, j, v]; }));
    const [i, j, n] = best;
    expect(n).toBeGreaterThan(0);
    const a = co.codes[i]!.codeId;
    const b = co.codes[j]!.codeId;
    const d = await call('tables.drill', { from: 'cooccurrence', request: { by: 'document' }, codeIds: [a, b] });
    expect(d.documents.length).toBe(n);
    const both = new Set(f.docs.map((x) => x.id).filter((doc) => [a, b].every((c) => f.quotes.some((q) => q.documentId === doc && q.codes.includes(c)))));
    const want = f.quotes.filter((q) => both.has(q.documentId) && (q.codes.includes(a) || q.codes.includes(b))).map((q) => q.id).sort((x, y) => x - y);
    expect(ids(d.rows)).toEqual(want);
    expect(cliIds(d.cli)).toEqual(want);
    // by overlap: every quotation shown overlaps one of the other code
    const o = await call('tables.drill', { from: 'cooccurrence', request: { by: 'overlap' }, codeIds: [a, b] });
    for (const r of o.rows) {
      const other = r.codeIds.includes(a) ? b : a;
      expect(f.quotes.some((q) => q.documentId === r.documentId && q.codes.includes(other) && (q.id === r.id || (q.start < r.end && r.start < q.end)))).toBe(true);
    }
    expect(cliIds(o.cli)).toEqual(ids(o.rows));
  });

  it('names a code that does not exist, and the CLI refuses a half co-occurrence', async () => {
    await expect(call('tables.drill', { from: 'theme', request: {}, codeId: 999_999 })).rejects.toThrow('no code with id 999999');
    const path = f.p.db.prepare('SELECT name FROM codes WHERE parent_id IS NULL LIMIT 1').pluck().get() as string;
    const once = rodtrad(['quotes', f.p.file, '--cooccur', path]);
    expect([once.code, once.stderr.trim()]).toEqual([2, expect.stringContaining('--cooccur is given twice')]);
    const by = rodtrad(['quotes', f.p.file, '--cooccur', path, '--cooccur', path, '--by', 'page']);
    expect([by.code, by.stderr]).toEqual([2, expect.stringContaining('--by must be overlap, turn or document')]);
  });
});
