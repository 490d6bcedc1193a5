/**
 * Agreement on a real project: two coders code speaker turns of a group interview; the figures
 * are checked against values worked out by hand below, the reports are written and read back,
 * and the CLI runs as a real process.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { unitizingCategory } from '../../electron/core/agreement/unitizing';
import { makeEnv, type Env } from '../coding/fixture';
import { rodtrad } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';
import { readDocx } from '../reports/docx-xml';

describe('agreement in a project', () => {
  const dir = tempDir('rodtrad-agreement');
  let e: Env;
  let turns: number[];
  let x = 0;
  let y = 0;

  beforeAll(async () => {
    e = makeEnv(dir, 'agreement');
    turns = e.p.db.prepare('SELECT id FROM turns WHERE document_id = ? ORDER BY start').pluck().all(e.interviewId) as number[];
    expect(turns).toHaveLength(6);
    x = (await e.call('codes.create', { name: 'X' })).id;
    y = (await e.call('codes.create', { name: 'Y' })).id;
    // X: Anna codes turns 1–3, Bo turns 2–4. Y: only Anna, turn 5.
    await e.call('project.setCoder', { name: 'Anna' });
    for (const i of [0, 1, 2]) await e.call('quotations.codeTurn', { turnId: turns[i]!, codeIds: [x] });
    await e.call('quotations.codeTurn', { turnId: turns[4]!, codeIds: [y] });
    // Anna also codes the field note, which Bo never touches: Bo is missing there, not "absent".
    await e.call('quotations.create', { documentId: e.trickyId, start: 0, end: 10, codeIds: [x] });
    await e.call('project.setCoder', { name: 'Bo' });
    for (const i of [1, 2, 3]) await e.call('quotations.codeTurn', { turnId: turns[i]!, codeIds: [x] });
  });

  it('gives the figures worked out by hand, per code and pooled over codes', async () => {
    const r = await e.call('agreement.compute', { unit: 'turn', bootstrap: 500 });
    expect(r.coders.map((c) => c.name)).toEqual(['Anna', 'Bo']);
    expect(r.documents).toMatchObject({ considered: 2, codedByAll: 1, units: 6 });
    const cx = r.codes.find((c) => c.id === x)!;
    // X on 6 turns: both 1 on 2, Anna only 1, Bo only 1, neither 2.
    // κ: p_o = 4/6, p_e = ½·½ + ½·½ = ½ → κ = 1/3. α: o₁₁ = o₀₀ = 4, o₀₁ = o₁₀ = 2, n = 12,
    // D_o = 4/12, D_e = 2·6·6/(12·11) → α = 1 − (1/3)/(6/11) = 7/18. Holsti 2·2/(3+3).
    expect(cx.units).toBe(6);
    expect(cx.kappa!).toBeCloseTo(1 / 3, 12);
    expect(cx.alpha!).toBeCloseTo(7 / 18, 12);
    expect(cx.percent!).toBeCloseTo(4 / 6, 12);
    expect(cx.holsti!).toBeCloseTo(2 / 3, 12);
    expect(cx.disagreements).toBe(2);
    expect(cx.confusion!.matrix).toEqual([
      [2, 1],
      [1, 2],
    ]);
    expect(cx.coincidence!.matrix).toEqual([
      [4, 2],
      [2, 4],
    ]);
    const cy = r.codes.find((c) => c.id === y)!;
    expect(cy.kappa).toBeCloseTo(0, 12);
    expect(cy.alpha).toBeCloseTo(0, 12);
    // Pooled: confusion [[7,1],[2,2]] (rows Anna). κ: p_o = 9/12, p_e = (4·3 + 8·9)/144 → 0.4.
    // α: o₀₀ = 14, o₁₁ = 4, o₀₁ = o₁₀ = 3, n = 24, n₁ = 7 → α = 1 − (6/24)/(2·7·17/(24·23)) = 100/238.
    expect(r.overall.kappa!).toBeCloseTo(0.4, 12);
    expect(r.overall.alpha!).toBeCloseTo(100 / 238, 12);
    expect(r.overall.units).toBe(12);
    expect(r.overall.interval!.low).toBeLessThanOrEqual(r.overall.alpha!);
    expect(r.overall.interval!.high).toBeGreaterThanOrEqual(r.overall.alpha!);
    // Reruns give the same interval (seeded).
    expect((await e.call('agreement.compute', { unit: 'turn', bootstrap: 500 })).overall.interval).toEqual(r.overall.interval);
    expect(r.method.en).toMatch(/Krippendorff's alpha \(nominal; Krippendorff 2011\) over all codes was α = 0\.420/);
    expect(r.method.sv).toMatch(/α = 0,420/);
  });

  it('chooses coders and codes, and is 1 for a coder compared with their own identical coding', async () => {
    const r = await e.call('agreement.compute', { unit: 'turn', codes: ['X'], coders: ['Bo', 'Anna'], bootstrap: 0 });
    expect(r.codes.map((c) => c.path)).toEqual(['X']);
    expect(r.coders.map((c) => c.name)).toEqual(['Bo', 'Anna']);
    expect(r.codes[0]!.kappa!).toBeCloseTo(1 / 3, 12);
    expect(r.codes[0]!.interval).toBeNull();
    await expect(e.call('agreement.compute', { unit: 'turn', coders: ['Anna'] })).rejects.toThrow(/at least two coders/);
    await expect(e.call('agreement.compute', { unit: 'turn', coders: ['Anna', 'Nobody'] })).rejects.toThrow(/no coder "Nobody"/);
    await expect(e.call('agreement.compute', { unit: 'turn', codes: ['Saknas'] })).rejects.toThrow(/no code "Saknas"/);
  });

  it('gives α_u on characters over the documents both coded, and per paragraph and sentence units', async () => {
    const r = await e.call('agreement.compute', { unit: 'char' });
    const text = e.p.db.prepare('SELECT text FROM documents WHERE id = ?').pluck().get(e.interviewId) as string;
    expect(r.documents.characters).toBe(text.length);
    const segs = (coder: string) =>
      e.p.db
        .prepare('SELECT q.start, q."end" FROM quotations q JOIN quotation_codes l ON l.quotation_id = q.id JOIN coders k ON k.id = l.coder_id WHERE k.name = ? AND l.code_id = ? AND q.document_id = ?')
        .all(coder, x, e.interviewId) as { start: number; end: number }[];
    const direct = unitizingCategory([segs('Anna'), segs('Bo')], text.length);
    const cx = r.codes.find((c) => c.id === x)!;
    expect(cx.alpha!).toBeCloseTo(direct.alpha!, 12);
    expect(cx.unitizing!.segments).toBe(6);
    expect(cx.alpha!).toBeLessThan(1);
    for (const unit of ['paragraph', 'sentence'] as const) {
      const u = await e.call('agreement.compute', { unit, bootstrap: 0 });
      expect(u.documents.units).toBeGreaterThan(0);
      expect(u.codes.find((c) => c.id === x)!.alpha).not.toBeNull();
    }
  });

  it('writes the DOCX and XLSX reports, read back', async () => {
    const docx = await e.call('agreement.export', { unit: 'turn', format: 'docx', language: 'sv', bootstrap: 200 });
    const d = await readDocx(Buffer.from(docx.base64!, 'base64'));
    expect(d.text).toContain('Överensstämmelse mellan kodare');
    expect(d.text).toContain('Krippendorffs alfa (nominal; Krippendorff 2011) över alla koder blev α = 0,420');
    const figures = d.tables[0]!;
    expect(figures[0]).toEqual(['Kod', 'Enheter', 'α', '95 % KI', 'κ', 'Överens %', 'Holsti', 'Oenigheter']);
    expect(figures[1]!.slice(0, 3)).toEqual(['Alla koder', '12', '0,420']);
    expect(figures.find((row) => row[0] === 'X')!.slice(0, 3)).toEqual(['X', '6', '0,389']);
    expect(d.tables[2]).toEqual([
      ['', '0', '1'],
      ['0', '7', '1'],
      ['1', '2', '2'],
    ]);
    expect(d.media.size).toBe(1);

    const file = path.join(dir, 'agreement.xlsx');
    const xlsx = await e.call('agreement.export', { unit: 'turn', format: 'xlsx', language: 'en', path: file, bootstrap: 200 });
    expect(xlsx.path).toBe(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('Figures')!;
    expect(ws.getRow(2).getCell(1).value).toBe('All codes');
    expect(ws.getRow(2).getCell(3).value as number).toBeCloseTo(100 / 238, 12);
    expect(ws.getRow(2).getCell(6).value as number).toBeCloseTo(0.4, 12);
    expect(wb.getWorksheet('Method')!.getRow(2).getCell(1).value).toMatch(/^Agreement among 2 coders/);
    expect(wb.getWorksheet('Tables')!.getRow(3).values).toEqual([undefined, 0, 14, 3]);
  });

  it('rodtrad agreement runs as a real process', () => {
    e.session.dispose();
    const r = rodtrad(['agreement', e.p.file, '--unit', 'turn', '--bootstrap', '100', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.overall.alpha).toBeCloseTo(100 / 238, 12);
    const human = rodtrad(['agreement', e.p.file, '--codes', 'X', '--bootstrap', '0']);
    expect(human.stdout).toMatch(/^X\s+6\s+0\.389/m);
    const out = path.join(dir, 'cli.docx');
    expect(rodtrad(['agreement', e.p.file, '--out', out, '--lang', 'en']).code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    expect(rodtrad(['agreement', e.p.file, '--unit', 'word']).code).toBe(2);
    expect(rodtrad(['agreement', e.p.file, '--out', path.join(dir, 'x.pdf')]).code).toBe(2);
    const bad = rodtrad(['agreement', e.p.file, '--coders', 'Anna']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/at least two coders/);
  });
});
