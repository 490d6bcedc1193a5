/**
 * Term report over a generated 5-term corpus (seeded random coding through the core): every
 * "k av n" per term, group and district is checked against counts computed here from what was
 * coded; then the DOCX (tables, charts as PNG, sentences) and XLSX (sheets, images) are read
 * back, and one DOCX goes through LibreOffice to a PNG to look at.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { Session } from '../../electron/core/api/session';
import { createCode } from '../../electron/core/coding/codes';
import { createQuotation } from '../../electron/core/coding/quotations';
import { insertDocument } from '../../electron/core/documents/store';
import { Project } from '../../electron/core/project/project';
import { exportTermJob } from '../../electron/core/export/report-jobs';
import { CancelledError } from '../../electron/core/errors';
import { TermReportRequest } from '../../shared/contract/reports';
import { rodtrad } from '../helpers/cli';
import { needTool, pathsOrSkip } from '../helpers/reference';
import { tempDir } from '../helpers/tmp';
import { pngSize, readDocx } from './docx-xml';
import { mulberry32 as rng } from '../helpers/random';

const ROOT = path.resolve(__dirname, '../..');
const SCREENSHOTS = path.join(ROOT, 'tests', 'e2e', '__screenshots__');
const TERMS = ['HT16', 'VT17', 'HT17', 'VT18', 'HT18'];
const DISTRICTS = ['Norrdal', 'Söderby', 'Västerås', 'Östermalm', 'Åby', 'Kärrtorp'];
const GROUPS = ['medarbetare', 'chef'];

interface Doc {
  id: number;
  kind: 'interview' | 'fieldnote';
  termin: string | null;
  grupp: string;
  stadsdel: string;
  /** ids of the codes put on its quotations */
  codes: Set<number>;
}

const dir = tempDir('reports-term');
let p: Project;
let session: Session;
const docs: Doc[] = [];
/** code path → ids of itself and its sub-codes, built here as the codes are made */
const subtree = new Map<string, number[]>();
const call = <M extends Parameters<typeof dispatch>[1]>(m: M, params: Parameters<typeof dispatch<M>>[2]) => dispatch(session, m, params);

beforeAll(() => {
  p = Project.create(path.join(dir, 'foljeforskning.rodtrad'));
  const random = rng(1644);
  p.transaction(() => {
    const plan = createCode(p, { name: 'Handlingsplan' });
    const areas: number[] = [];
    const names = ['Introduktionsprogram', 'Rimligt antal medarbetare', 'Nära och tillgänglig ledning', 'Administrativt stöd', 'Lämpliga lokaler'];
    for (const n of names) {
      const id = createCode(p, { name: n, parentId: plan });
      areas.push(id);
      subtree.set(`Handlingsplan/${n}`, [id]);
    }
    // A sub-sub-code: counts for its parent and for Handlingsplan.
    const mentor = createCode(p, { name: 'Mentorskap', parentId: areas[0]! });
    subtree.get('Handlingsplan/Introduktionsprogram')!.push(mentor);
    subtree.set('Handlingsplan', [plan, ...areas, mentor]);
    const hinder = createCode(p, { name: 'Hinder' });
    const omorg = createCode(p, { name: 'Omorganisation', parentId: hinder });
    const oms = createCode(p, { name: 'Personalomsättning', parentId: hinder });
    subtree.set('Hinder', [hinder, omorg, oms]);
    const leafs = [plan, ...areas, mentor, omorg, oms, hinder];

    // Terms in order so the kept level order is HT16 < VT17 < …; two interviews per district and term, and field notes.
    for (const termin of TERMS) {
      for (const stadsdel of DISTRICTS) {
        for (const grupp of GROUPS) {
          if (random() < 0.1) continue; // not every interview took place
          docs.push(makeDoc('interview', termin, grupp, stadsdel));
        }
        if (random() < 0.3) docs.push(makeDoc('fieldnote', termin, 'chef', stadsdel));
      }
    }
    docs.push(makeDoc('interview', null, 'chef', 'Norrdal')); // no term: left out and noted

    function makeDoc(kind: Doc['kind'], termin: string | null, grupp: string, stadsdel: string): Doc {
      const text = Array.from({ length: 20 }, (_, i) => `Talare ${i % 3}: mening ${i} om arbetet med handlingsplanen, åäö.`).join('\n');
      const attributes: Record<string, string> = { grupp, stadsdel };
      if (termin) attributes.termin = termin;
      const id = insertDocument(p, { name: `${kind}-${docs.length + 1}`, kind, text, attributes });
      const d: Doc = { id, kind, termin, grupp, stadsdel, codes: new Set() };
      // Each code with its own chance per document, rising over the terms for some.
      const termIdx = termin ? TERMS.indexOf(termin) : 0;
      for (const [i, c] of leafs.entries()) {
        const chance = 0.15 + ((i * 7) % 5) * 0.1 + (i % 2 ? termIdx * 0.08 : -termIdx * 0.03);
        const times = random() < chance ? 1 + Math.floor(random() * 3) : 0;
        for (let k = 0; k < times; k++) {
          const start = Math.floor(random() * (text.length - 20));
          createQuotation(p, { documentId: id, start, end: start + 10 + Math.floor(random() * 10), codeIds: [c] });
          d.codes.add(c);
        }
      }
      return d;
    }
  });
  session = new Session('test', p);
});
afterAll(() => session.closeProject());

const CODES = ['Handlingsplan', 'Handlingsplan/Introduktionsprogram', 'Handlingsplan/Administrativt stöd', 'Hinder'];

function expected(code: string, keep: (d: Doc) => boolean): { k: number; n: number } {
  const ids = subtree.get(code)!;
  const held = docs.filter((d) => d.kind === 'interview' && d.termin !== null && keep(d));
  return { n: held.length, k: held.filter((d) => ids.some((c) => d.codes.has(c))).length };
}

const pct = (k: number, n: number): number | null => (n === 0 ? null : Math.round((k * 1000) / n) / 10);

describe('term report', () => {
  it('counts "k av n" per term, group and district as computed independently', async () => {
    const r = await call('reports.term', { term: 'termin', group: 'grupp', district: 'stadsdel', codes: CODES });
    expect(r.terms).toEqual(TERMS);
    expect(r.groups).toEqual(GROUPS);
    expect(r.districts).toEqual(DISTRICTS);
    expect(r.withoutTerm).toBe(1);
    for (const [i, term] of TERMS.entries()) {
      const h = r.held[i]!;
      expect(h.n).toBe(docs.filter((d) => d.kind === 'interview' && d.termin === term).length);
      for (const g of GROUPS) expect(h.groups[g]).toBe(docs.filter((d) => d.kind === 'interview' && d.termin === term && d.grupp === g).length);
    }
    expect(r.rows.map((x) => x.path)).toEqual(CODES);
    let checked = 0;
    for (const row of r.rows) {
      for (const [i, term] of TERMS.entries()) {
        const cell = row.terms[i]!;
        const e = expected(row.path, (d) => d.termin === term);
        expect([row.path, term, cell.k, cell.n]).toEqual([row.path, term, e.k, e.n]);
        expect(cell.percent).toBe(pct(e.k, e.n));
        for (const g of GROUPS) {
          const eg = expected(row.path, (d) => d.termin === term && d.grupp === g);
          expect([cell.groups[g]!.k, cell.groups[g]!.n]).toEqual([eg.k, eg.n]);
          checked++;
        }
        for (const s of DISTRICTS) {
          const es = expected(row.path, (d) => d.termin === term && d.stadsdel === s);
          expect([cell.districts[s]!.k, cell.districts[s]!.n]).toEqual([es.k, es.n]);
          checked++;
        }
      }
      const et = expected(row.path, () => true);
      expect([row.total.k, row.total.n]).toEqual([et.k, et.n]);
    }
    expect(checked).toBe(CODES.length * TERMS.length * (GROUPS.length + DISTRICTS.length));
  });

  it('counts a code without its sub-codes when asked', async () => {
    const r = await call('reports.term', { term: 'termin', codes: ['Hinder'], includeSubcodes: false });
    const hinder = subtree.get('Hinder')![0]!;
    for (const [i, term] of TERMS.entries()) {
      const held = docs.filter((d) => d.kind === 'interview' && d.termin === term);
      expect(r.rows[0]!.terms[i]!.k).toBe(held.filter((d) => d.codes.has(hinder)).length);
    }
  });

  it('ranks the codes per term and writes a sentence per code in the report style', async () => {
    const r = await call('reports.term', { term: 'termin', group: 'grupp', codes: CODES });
    for (const [i, term] of TERMS.entries()) {
      const ks = r.ranking[i]!.entries.map((e) => e.k);
      expect(ks).toEqual([...ks].sort((a, b) => b - a));
      expect(r.ranking[i]!.entries[0]!.rank).toBe(1);
      for (const row of r.rows) {
        const c = row.terms[i]!;
        const s = r.sentences.find((x) => x.term === term && x.codeId === row.codeId)!.text;
        if (c.k > 0 && c.k < c.n) {
          expect(s).toContain(`${row.name} togs upp i ${c.k} av de ${c.n} intervjuerna (${String(c.percent!.toFixed(1)).replace('.', ',')}\u00a0%)`);
          expect(s).toContain(`chef: ${c.groups.chef!.k} av ${c.groups.chef!.n}`);
        }
      }
    }
    // the change from the first to the last term, from the shown percentages
    for (const row of r.rows) {
      const tr = r.trends.find((x) => x.codeId === row.codeId)!;
      const a = row.terms[0]!;
      const b = row.terms[TERMS.length - 1]!;
      expect([tr.from, tr.to]).toEqual(['HT16', 'HT18']);
      expect(tr.change).toBeCloseTo(b.percent! - a.percent!, 6);
      const pp = Math.abs(tr.change).toFixed(1).replace('.', ',');
      if (tr.change !== 0) expect(tr.text).toContain(`en ${tr.change > 0 ? 'ökning' : 'minskning'} med ${pp} procentenheter`);
    }
    const en = await call('reports.term', { term: 'termin', codes: ['Handlingsplan'], language: 'en' });
    const c = en.rows[0]!.terms[0]!;
    expect(en.sentences[0]!.text).toMatch(new RegExp(`^Handlingsplan was raised in (${c.k} of the ${c.n}|all ${c.n}) interviews`));
  });

  it('keeps only the documents of the filter and the terms asked for', async () => {
    const r = await call('reports.term', { term: 'termin', codes: ['Hinder'], terms: ['HT18', 'HT16'], filter: { where: { stadsdel: ['Åby'] } } });
    expect(r.terms).toEqual(['HT18', 'HT16']);
    const e = expected('Hinder', (d) => d.termin === 'HT18' && d.stadsdel === 'Åby');
    expect([r.rows[0]!.terms[0]!.k, r.rows[0]!.terms[0]!.n]).toEqual([e.k, e.n]);
    expect(r.notes.join(' ')).toContain('stadsdel = Åby');
  });

  it('sees new coding at once, from this connection and from another one', async () => {
    const before = await call('reports.term', { term: 'termin', codes: ['Hinder'] });
    const target = docs.find((d) => d.kind === 'interview' && d.termin === 'HT16' && !subtree.get('Hinder')!.some((c) => d.codes.has(c)));
    expect(target).toBeDefined();
    createQuotation(p, { documentId: target!.id, start: 0, end: 5, codeIds: [subtree.get('Hinder')![0]!] });
    const after = await call('reports.term', { term: 'termin', codes: ['Hinder'] });
    expect(after.rows[0]!.terms[0]!.k).toBe(before.rows[0]!.terms[0]!.k + 1);
    // a second connection (as a worker thread has) removes it again
    const other = Project.open(p.file);
    other.db.prepare('DELETE FROM quotations WHERE document_id = ? AND start = 0 AND "end" = 5').run(target!.id);
    other.close();
    const again = await call('reports.term', { term: 'termin', codes: ['Hinder'] });
    expect(again.rows[0]!.terms[0]!.k).toBe(before.rows[0]!.terms[0]!.k);
  });

  it('names what is wrong: an unknown attribute or code', async () => {
    await expect(call('reports.term', { term: 'terminen' })).rejects.toThrow('no document attribute "terminen"');
    await expect(call('reports.term', { term: 'termin', codes: ['Finns/Inte'] })).rejects.toThrow('no code "Finns/Inte"');
  });

  it('exports DOCX with the k-av-n tables, charts as PNG images and the sentences', async () => {
    const file = path.join(dir, 'rapport.docx');
    const res = await call('reports.exportTerm', { term: 'termin', group: 'grupp', codes: CODES, format: 'docx', path: file });
    expect(res.path).toBe(file);
    const doc = await readDocx(await import('node:fs').then((fs) => fs.readFileSync(file)));
    const report = await call('reports.term', { term: 'termin', group: 'grupp', codes: CODES });
    // Table 2: codes × terms, "k av n" over the percent
    const main = doc.tables[1]!;
    expect(main[0]).toEqual(['Kod', ...TERMS, 'Totalt']);
    for (const [j, row] of report.rows.entries()) {
      const cells = main[j + 1]!;
      expect(cells[0]).toBe(row.name);
      row.terms.forEach((c, i) => expect(cells[i + 1]!.split('\n')[0]).toBe(`${c.k} av ${c.n}`));
    }
    // one chart for all interviews and one per group, all valid PNGs
    const pngs = [...doc.media.entries()].filter(([n]) => n.endsWith('.png'));
    expect(pngs.length).toBe(1 + GROUPS.length);
    for (const [, buf] of pngs) {
      const size = pngSize(buf);
      expect(size).not.toBeNull();
      expect(size!.width).toBeGreaterThan(600);
    }
    for (const s of report.sentences) expect(doc.text).toContain(s.text);
    expect(doc.text).toContain('Figur 1. Andel intervjuer där koden togs upp, per termin');
  });

  it('writes the DOCX in English when asked (captions, sentences, decimal point)', async () => {
    const res = await call('reports.exportTerm', { term: 'termin', codes: ['Handlingsplan/Administrativt stöd'], format: 'docx', language: 'en' });
    const doc = await readDocx(Buffer.from(res.base64!, 'base64'));
    expect(res.fileName).toBe('term-report.docx');
    expect(doc.text).toContain('Table 1. Interviews held per term');
    expect(doc.tables[1]![0]).toEqual(['Code', ...TERMS, 'Total']);
    const report = await call('reports.term', { term: 'termin', codes: ['Handlingsplan/Administrativt stöd'], language: 'en' });
    const c = report.rows[0]!.terms[0]!;
    expect(doc.tables[1]![1]![1]).toBe(`${c.k} of ${c.n}\n${c.percent!.toFixed(1)}%`);
  });

  it('runs the export as a job: progress per chart, cancellable between charts', async () => {
    const params = { ...TermReportRequest.parse({ term: 'termin', group: 'grupp', codes: CODES }), format: 'docx' as const, chart: 'line' as const };
    const phases: string[] = [];
    let cancelled = false;
    const ctx = {
      progress: (pr: { phase: string; done: number; total: number }) => phases.push(`${pr.phase} ${pr.done}/${pr.total}`),
      throwIfCancelled: () => {
        if (cancelled) throw new CancelledError();
      },
      get cancelled() {
        return cancelled;
      },
    };
    const bytes = await exportTermJob(p, params, ctx as never);
    expect(Buffer.from(bytes).subarray(0, 2).toString()).toBe('PK');
    expect(phases).toEqual(['counting 0/1', 'charts 0/3', 'charts 1/3', 'charts 2/3', 'writing 1/1']);
    phases.length = 0;
    const ctx2 = { ...ctx, progress: (pr: { phase: string; done: number; total: number }) => { phases.push(pr.phase); if (pr.phase === 'charts') cancelled = true; } };
    await expect(exportTermJob(p, params, ctx2 as never)).rejects.toBeInstanceOf(CancelledError);
    expect(phases).toEqual(['counting', 'charts']);
  });

  it('exports XLSX with a sheet per table, numbers as numbers and the charts on the sheets', async () => {
    const file = path.join(dir, 'rapport.xlsx');
    await call('reports.exportTerm', { term: 'termin', group: 'grupp', district: 'stadsdel', codes: CODES, format: 'xlsx', path: file });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Genomförda', 'Per termin', 'medarbetare', 'chef', 'Per stadsdel', 'Rangordning', 'Meningar', 'Om rapporten']);
    const ws = wb.getWorksheet('Per termin')!;
    const report = await call('reports.term', { term: 'termin', group: 'grupp', codes: CODES });
    report.rows.forEach((row, j) => {
      expect(ws.getCell(3 + j, 1).value).toBe(row.name);
      row.terms.forEach((c, i) => {
        expect([ws.getCell(3 + j, 2 + i * 3).value, ws.getCell(3 + j, 3 + i * 3).value, ws.getCell(3 + j, 4 + i * 3).value]).toEqual([c.k, c.n, c.percent]);
      });
    });
    expect(ws.getImages().length).toBe(1);
    expect(wb.getWorksheet('chef')!.getImages().length).toBe(1);
    const district = wb.getWorksheet('Per stadsdel')!;
    expect(district.rowCount).toBe(1 + CODES.length * TERMS.length * DISTRICTS.length);
  });

  const cliReport = (out: string): ReturnType<typeof rodtrad> =>
    rodtrad(['report', p.file, '--term', 'termin', '--group', 'grupp', '--codes', 'Handlingsplan/Administrativt stöd', '--codes', 'Handlingsplan', '--codes', 'Hinder', '--out', out]);

  it('runs from the CLI', () => {
    const out = path.join(dir, 'cli-rapport-1.docx');
    const r = cliReport(out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    const shown = rodtrad(['report', p.file, '--term', 'termin', '--codes', 'Hinder', '--json']);
    expect(JSON.parse(shown.stdout).terms).toEqual(TERMS);
    expect(rodtrad(['report', p.file, '--codes', 'Hinder']).code).toBe(2);
  });

  it("the CLI's DOCX renders in LibreOffice (PNG to look at)", (ctx) => {
    const [soffice, pdftoppm] = pathsOrSkip(ctx, needTool('soffice'), needTool('pdftoppm'));
    const out = path.join(dir, 'cli-rapport.docx');
    expect(cliReport(out).code).toBe(0);
    const pdfDir = path.join(dir, 'pdf');
    mkdirSync(pdfDir, { recursive: true });
    execFileSync(soffice!, ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/lo-profile`, '--convert-to', 'pdf', '--outdir', pdfDir, out], { stdio: 'ignore', timeout: 180_000 });
    const pdf = path.join(pdfDir, 'cli-rapport.pdf');
    expect(existsSync(pdf)).toBe(true);
    execFileSync(pdftoppm!, ['-png', '-r', '70', pdf, path.join(pdfDir, 'page')]);
    const pages = readdirSync(pdfDir).filter((f) => f.startsWith('page') && f.endsWith('.png')).sort();
    expect(pages.length).toBeGreaterThanOrEqual(2);
    mkdirSync(SCREENSHOTS, { recursive: true });
    pages.slice(0, 4).forEach((f, i) => copyFileSync(path.join(pdfDir, f), path.join(SCREENSHOTS, `term-report-docx-${i + 1}.png`)));
    writeFileSync(path.join(SCREENSHOTS, 'term-report-docx.txt'), `${pages.length} pages from ${out}\n`);
  }, 240_000);
});
