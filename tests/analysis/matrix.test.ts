import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { Session } from '../../electron/core/api/session';
import { tempDir } from '../helpers/tmp';
import { buildFixture } from './fixture';
import type { Fixture } from './fixture';

const dir = tempDir('matrix');
let fx: Fixture;
let session: Session;
beforeAll(() => {
  fx = buildFixture(dir, { documents: 12, quotations: 300, seed: 11 });
  session = new Session('test', fx.p);
});
afterAll(() => session.closeProject());

function below(codeId: number): Set<number> {
  const codes = fx.p.db.prepare('SELECT id, parent_id FROM codes').all() as { id: number; parent_id: number | null }[];
  const walk = (id: number): number[] => [id, ...codes.filter((c) => c.parent_id === id).flatMap((c) => walk(c.id))];
  return new Set(walk(codeId));
}
const quotesOf = (codeId: number, docs: (d: number) => boolean) => {
  const ids = below(codeId);
  return fx.quotes.filter((q) => docs(q.documentId) && q.codes.some((c) => ids.has(c)));
};

describe('code × attribute matrix', () => {
  it('counts quotations per term (values in kept order), with sub-codes rolled up', async () => {
    const m = await dispatch(session, 'tables.matrix', { cols: 'termin', cells: 'count' });
    expect(m.columns.map((c) => c.label)).toEqual(['HT16', 'VT17', 'HT17']);
    m.rows.forEach((r, i) => {
      m.columns.forEach((c, j) => {
        const docs = new Set(fx.docs.filter((d) => d.termin === c.key).map((d) => d.id));
        expect(m.values[i]![j], `${r.path} × ${c.label}`).toBe(quotesOf(r.codeId, (d) => docs.has(d)).length);
      });
      expect(m.totals[i]).toBe(quotesOf(r.codeId, () => true).length);
    });
  });

  it('k of n, presence per document, row and column percent', async () => {
    const k = await dispatch(session, 'tables.matrix', { cols: 'grupp', cells: 'k-of-n', filter: { kinds: ['interview'] } });
    const interviews = fx.docs.filter((d) => d.kind === 'interview');
    k.rows.forEach((r, i) =>
      k.columns.forEach((c, j) => {
        const docs = interviews.filter((d) => d.grupp === c.key);
        expect(c.documents).toBe(docs.length);
        const kk = new Set(quotesOf(r.codeId, (d) => docs.some((x) => x.id === d)).map((q) => q.documentId)).size;
        expect(k.values[i]![j]).toBe(kk);
        expect(k.display[i]![j]).toBe(`${kk} av ${docs.length}`);
      }),
    );
    const pres = await dispatch(session, 'tables.matrix', { cols: 'docs', cells: 'presence' });
    expect(pres.columns.map((c) => Number(c.key))).toEqual(fx.docs.map((d) => d.id));
    pres.rows.forEach((r, i) => pres.columns.forEach((c, j) => expect(pres.values[i]![j]).toBe(quotesOf(r.codeId, (d) => d === Number(c.key)).length > 0 ? 1 : 0)));
    const rp = await dispatch(session, 'tables.matrix', { cols: 'termin', cells: 'row-percent', language: 'sv' });
    rp.rows.forEach((r, i) => {
      const total = quotesOf(r.codeId, () => true).length;
      if (total === 0) return;
      rp.columns.forEach((c, j) => {
        const docs = new Set(fx.docs.filter((d) => d.termin === c.key).map((d) => d.id));
        const exact = (100 * quotesOf(r.codeId, (d) => docs.has(d)).length) / total;
        expect(Math.abs(rp.values[i]![j]! - exact)).toBeLessThanOrEqual(0.05 + 1e-9);
        expect(rp.display[i]![j]).toMatch(/^\d+,\d$/);
      });
    });
    const cp = await dispatch(session, 'tables.matrix', { cols: 'termin', cells: 'col-percent', maxDepth: 0 });
    expect(cp.rows.every((r) => r.depth === 0)).toBe(true);
  });

  it('exports XLSX with numbers as numbers and frozen panes, and CSV with a BOM, ";" and decimal commas', async () => {
    const file = path.join(dir, 'm.xlsx');
    await dispatch(session, 'tables.exportMatrix', { cols: 'termin', cells: 'k-of-n', format: 'xlsx', path: file });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0]!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
    expect(ws.getRow(1).getCell(2).value).toMatch(/^HT16 \(n=\d+\)$/);
    const m = await dispatch(session, 'tables.matrix', { cols: 'termin', cells: 'k-of-n' });
    m.rows.forEach((r, i) => {
      expect(ws.getRow(i + 2).getCell(1).value).toBe(r.name);
      m.values[i]!.forEach((v, j) => {
        const cell = ws.getRow(i + 2).getCell(j + 2);
        expect(typeof cell.value).toBe('number');
        expect(cell.value).toBe(v);
        expect(cell.numFmt).toBe(`0" av ${m.columns[j]!.documents}"`);
      });
    });
    const csvFile = path.join(dir, 'm.csv');
    await dispatch(session, 'tables.exportMatrix', { cols: 'termin', cells: 'row-percent', format: 'csv', path: csvFile, language: 'sv' });
    const raw = readFileSync(csvFile);
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = raw.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Kod;HT16 (n=4);VT17 (n=4);HT17 (n=4)');
    const rp = await dispatch(session, 'tables.matrix', { cols: 'termin', cells: 'row-percent' });
    const fields = lines[1]!.split(';');
    expect(fields[0]).toBe(rp.rows[0]!.path);
    expect(fields.slice(1)).toEqual(rp.values[0]!.map((v) => v.toFixed(1).replace('.', ',')));
    const en = await dispatch(session, 'tables.exportMatrix', { cols: 'termin', cells: 'row-percent', format: 'csv', language: 'en' });
    expect(Buffer.from(en.base64!, 'base64').toString('utf8').split('\r\n')[0]).toBe('\ufeffCode,HT16 (n=4),VT17 (n=4),HT17 (n=4)');
  });

  it('names an unknown attribute', async () => {
    await expect(dispatch(session, 'tables.matrix', { cols: 'stadsdel' })).rejects.toThrow(/no document attribute "stadsdel"/);
  });
});

describe('co-occurrence', () => {
  const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;

  it('by overlapping quotations, by document and by speaker turn match an independent count', async () => {
    const codes = fx.codeIds;
    const ov = await dispatch(session, 'tables.cooccurrence', { by: 'overlap' });
    const doc = await dispatch(session, 'tables.cooccurrence', { by: 'document' });
    const turn = await dispatch(session, 'tables.cooccurrence', { by: 'turn' });
    const idx = new Map(ov.codes.map((c, i) => [c.codeId, i]));
    expect(ov.codes).toHaveLength(codes.length);
    const turnsOf = (docId: number) => fx.p.db.prepare('SELECT start, "end" AS end FROM turns WHERE document_id = ?').all(docId) as { start: number; end: number }[];
    let nonZero = 0;
    for (const a of codes)
      for (const b of codes) {
        const qa = fx.quotes.filter((q) => q.codes.includes(a));
        const qb = fx.quotes.filter((q) => q.codes.includes(b));
        const expOverlap = a === b ? qa.length : qa.reduce((n, x) => n + qb.filter((y) => y.documentId === x.documentId && (x.id === y.id || overlaps(x, y))).length, 0);
        expect(ov.counts[idx.get(a)!]![idx.get(b)!], `overlap ${a}×${b}`).toBe(expOverlap);
        if (a !== b && expOverlap > 0) nonZero++;
        const docsA = new Set(qa.map((q) => q.documentId));
        const expDoc = new Set(qb.map((q) => q.documentId).filter((d) => docsA.has(d))).size;
        expect(doc.counts[idx.get(a)!]![idx.get(b)!]).toBe(expDoc);
        let expTurn = 0;
        for (const d of fx.docs)
          for (const t of turnsOf(d.id))
            if (qa.some((q) => q.documentId === d.id && overlaps(q, t)) && qb.some((q) => q.documentId === d.id && overlaps(q, t))) expTurn++;
        expect(turn.counts[idx.get(a)!]![idx.get(b)!], `turn ${a}×${b}`).toBe(expTurn);
      }
    expect(nonZero).toBeGreaterThan(10);
  });

  it('exports XLSX and CSV', async () => {
    const file = path.join(dir, 'c.xlsx');
    await dispatch(session, 'tables.exportCooccurrence', { by: 'document', format: 'xlsx', path: file });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0]!;
    const c = await dispatch(session, 'tables.cooccurrence', { by: 'document' });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
    expect(ws.getRow(3).getCell(4).value).toBe(c.counts[1]![2]);
    const csv = await dispatch(session, 'tables.exportCooccurrence', { by: 'document', format: 'csv' });
    const text = Buffer.from(csv.base64!, 'base64').toString('utf8');
    expect(text.startsWith('\ufeffKod;')).toBe(true);
    expect(text.split('\r\n')[2]!.split(';').slice(1).map(Number)).toEqual(c.counts[1]);
  });
});
