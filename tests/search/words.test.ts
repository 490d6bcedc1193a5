import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { Session } from '../../electron/core/api/session';
import { isStopWord, stem } from '../../electron/core/search/language';
import { logLikelihood } from '../../electron/core/search/words';
import { tempDir } from '../helpers/tmp';
import { INTERVIEW_A, INTERVIEW_B, writeFixture } from './fixture';

const dir = tempDir('words');
const file = writeFixture(dir);

/** Counts stems of the non-interviewer, label-free text independently of the core (simple split). */
function expectedCounts(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    const body = line.replace(/^[A-ZÅÄÖ]{1,3}: /, '');
    // é is folded to e on purpose (idé and ide are one word to a Swedish reader)
    for (const w of body.toLowerCase().replace(/é/g, 'e').split(/[^\p{L}\p{N}]+/u).filter(Boolean)) {
      if (isStopWord(w, 'sv') || /^\d+$/.test(w)) continue;
      const st = stem(w, 'sv');
      out.set(st, (out.get(st) ?? 0) + 1);
    }
  }
  return out;
}

describe('word frequencies', () => {
  it('counts stems without stop words for a group of documents, speaker labels not counted', async () => {
    const s = new Session('test');
    s.openProject(file);
    const r = await dispatch(s, 'words.frequencies', { scope: { filter: { where: { grupp: ['chef'] } } } });
    const expected = expectedCounts(INTERVIEW_A);
    expect(new Map(r.rows.map((x) => [x.stem, x.count]))).toEqual(expected);
    expect(r.rows.find((x) => x.stem === stem('samverkan', 'sv'))?.count).toBe(2);
    expect(r.rows.some((x) => x.word === 'och' || x.word === 'cs')).toBe(false);
    expect(r.documents).toBe(1);
    s.dispose();
  });

  it("counts only a code's quotations when asked", async () => {
    const s = new Session('test');
    s.openProject(writeFixture(dir, 'kod.rodtrad'));
    const hits = await dispatch(s, 'search.query', { query: 'sekretess' });
    await dispatch(s, 'search.codeHits', { hits: hits.hits, code: 'Sekretess', createCode: true, expand: 'sentence' });
    const r = await dispatch(s, 'words.frequencies', { scope: { code: 'Sekretess' } });
    expect(new Map(r.rows.map((x) => [x.stem, x.count]))).toEqual(expectedCounts('Sekretess är svårt ibland.'));
    s.dispose();
  });

  it('compares two groups with log-likelihood and exports CSV and XLSX that read back', async () => {
    const s = new Session('test');
    s.openProject(file);
    const a = { filter: { where: { grupp: ['chef'] } } };
    const b = { filter: { where: { grupp: ['medarbetare'] } } };
    const cmp = await dispatch(s, 'words.compare', { a, b });
    const ea = expectedCounts(INTERVIEW_A);
    const eb = expectedCounts(INTERVIEW_B);
    const n = [...ea.values()].reduce((x, y) => x + y, 0);
    const m = [...eb.values()].reduce((x, y) => x + y, 0);
    expect(cmp.a.counted).toBe(n);
    expect(cmp.b.counted).toBe(m);
    const row = cmp.rows.find((x) => x.stem === stem('samverkan', 'sv'))!;
    expect(row).toMatchObject({ countA: 2, countB: 0, more: 'A' });
    expect(row.g2).toBeCloseTo(logLikelihood(2, 0, n, m), 3);
    // G² by hand for one cell: 2·a·ln(a / E)
    expect(logLikelihood(2, 0, n, m)).toBeCloseTo(2 * 2 * Math.log(2 / ((n * 2) / (n + m))), 9);
    expect(cmp.rows.map((x) => x.g2)).toEqual([...cmp.rows.map((x) => x.g2)].sort((x, y) => y - x));

    const csvPath = path.join(dir, 'jamforelse.csv');
    const csv = await dispatch(s, 'words.export', { format: 'csv', a, b, labelA: 'chef', labelB: 'medarbetare', path: csvPath });
    expect(csv.rows).toBe(cmp.rows.length);
    const parsed = Papa.parse<string[]>(readFileSync(csvPath, 'utf8').replace(/^\uFEFF/, ''), { delimiter: ';', skipEmptyLines: true }).data;
    expect(parsed[0]).toEqual(['Ord', 'Ordstam', 'Antal chef', 'Antal medarbetare', 'Per 1 000 chef', 'Per 1 000 medarbetare', 'G²', 'Mer i']);
    const csvRow = parsed.find((r) => r[1] === row.stem)!;
    expect(Number(csvRow[6]!.replace(',', '.'))).toBeCloseTo(row.g2, 3);
    expect(csvRow[7]).toBe('chef');

    const xlsx = await dispatch(s, 'words.export', { format: 'xlsx', a: {} });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.base64!, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const all = await dispatch(s, 'words.frequencies', {});
    expect(ws.rowCount).toBe(all.rows.length + 1);
    expect(ws.getRow(2).getCell(1).value).toBe(all.rows[0]!.word);
    expect(ws.getRow(2).getCell(3).value).toBe(all.rows[0]!.count);
    s.dispose();
  });
});
