/**
 * The survey of 117 respondents from the term report: respondents per area of work must come
 * back as the printed table (Antal, Procent with a decimal comma, Totalt 117 100,0), in the
 * contract result, the XLSX, the DOCX, the CSV and the Markdown. Plus ranked choices and coded
 * open answers against counts computed here.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { Session } from '../../electron/core/api/session';
import { createCode } from '../../electron/core/coding/codes';
import { createQuotation } from '../../electron/core/coding/quotations';
import { insertDocument, type NewTurn } from '../../electron/core/documents/store';
import { Project } from '../../electron/core/project/project';
import { rodtrad } from '../helpers/cli';
import { needTool, pathsOrSkip } from '../helpers/reference';
import { tempDir } from '../helpers/tmp';
import { readDocx } from './docx-xml';
import { mulberry32 as rng } from '../helpers/random';

const AREAS: [string, number][] = [['Okänt', 4], ['BOU', 20], ['Ek', 20], ['Funk', 21], ['Psyk', 9], ['Vuxen', 21], ['Äldre', 22]];
const PRINTED = [['Okänt', '4', '3,4'], ['BOU', '20', '17,1'], ['Ek', '20', '17,1'], ['Funk', '21', '17,9'], ['Psyk', '9', '7,7'], ['Vuxen', '21', '17,9'], ['Äldre', '22', '18,8'], ['Totalt', '117', '100,0']];
const ORDER = AREAS.map(([a]) => a);
const CHOICES = ['Brukardelaktighet', 'Introduktionsprogram', 'Antal medarbetare', 'Lokalt forum', 'Nära ledning', 'Administrativt stöd'];
const QUESTIONS = ['Fråga 2a', 'Fråga 2c'];
const CATEGORIES = ['Administrativt stöd', 'Nya rutiner', 'Lägre arbetsbelastning'];

interface Respondent {
  id: number;
  area: string;
  grupp: string;
  choices: (string | null)[];
  /** question → categories coded in the answer */
  coded: Map<string, Set<string>>;
}

const dir = tempDir('reports-freq');
let p: Project;
let session: Session;
const respondents: Respondent[] = [];
const call = <M extends Parameters<typeof dispatch>[1]>(m: M, params: Parameters<typeof dispatch<M>>[2]) => dispatch(session, m, params);

beforeAll(() => {
  p = Project.create(path.join(dir, 'enkat.rodtrad'));
  const random = rng(2018);
  // One respondent per area unit, shuffled so the sheet's order of first appearance is not the printed order.
  const areas = AREAS.flatMap(([a, n]) => Array.from({ length: n }, () => a));
  for (let i = areas.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [areas[i], areas[j]] = [areas[j]!, areas[i]!];
  }
  p.transaction(() => {
    const catIds = new Map(CATEGORIES.map((c) => [c, createCode(p, { name: c })]));
    areas.forEach((area, i) => {
      const grupp = i < 66 ? 'chef' : 'medarbetare';
      const picks = [...CHOICES].sort(() => random() - 0.5).slice(0, 3);
      const choices = picks.map((c, k) => (random() < 0.04 * (k + 1) ? null : c));
      const attributes: Record<string, string> = { verksamhet: area, grupp };
      choices.forEach((c, k) => c !== null && (attributes[`alternativ${k + 1}`] = c));
      let text = '';
      const turns: NewTurn[] = [];
      const spans: { q: string; start: number; end: number }[] = [];
      for (const q of QUESTIONS) {
        const line = `${q}: Svar med åäö om arbetet och om stödet vi fått under året.`;
        turns.push({ start: text.length, end: text.length + line.length, speaker: q, timestamp: null });
        spans.push({ q, start: text.length + q.length + 2, end: text.length + line.length });
        text += `${line}\n`;
      }
      const id = insertDocument(p, { name: `svar-${String(i + 1).padStart(3, '0')}`, kind: 'survey', text, turns, attributes });
      const coded = new Map<string, Set<string>>();
      for (const s of spans) {
        const cats = CATEGORIES.filter(() => random() < 0.35);
        coded.set(s.q, new Set(cats));
        // Two quotations with the same category in one answer still count as one mention.
        for (const c of cats) {
          createQuotation(p, { documentId: id, start: s.start, end: s.start + 5, codeIds: [catIds.get(c)!] });
          if (random() < 0.3) createQuotation(p, { documentId: id, start: s.start + 6, end: s.start + 12, codeIds: [catIds.get(c)!] });
        }
      }
      respondents.push({ id, area, grupp, choices, coded });
    });
    // An interview with an area value must not count as a respondent.
    insertDocument(p, { name: 'gruppintervju', kind: 'interview', text: 'Intervjuare: Hej.', attributes: { verksamhet: 'BOU' } });
  });
  session = new Session('test', p);
});
afterAll(() => session.closeProject());

describe('survey frequency tables', () => {
  it('gives back the printed table of respondents per area of work', async () => {
    const r = await call('reports.frequencies', { variables: ['verksamhet'], order: ORDER });
    expect(r.respondents).toBe(117);
    const tb = r.tables[0]!;
    expect(tb.rows.map((x) => [x.label, x.count, x.percent])).toEqual(AREAS.map(([a, n], i) => [a, n, [3.4, 17.1, 17.1, 17.9, 7.7, 17.9, 18.8][i]]));
    expect(tb.noAnswer).toBeNull(); // nobody lacks an area: no "Ej svar" row, as printed
    expect(tb.total).toEqual({ count: 117, percent: 100 });
  });

  it('applies a shared order only to the values of each variable; a per-variable order is kept whole', async () => {
    const r = await call('reports.frequencies', { variables: ['verksamhet', 'alternativ1'], order: [...ORDER].reverse() });
    expect(r.tables[0]!.rows.map((x) => x.label)).toEqual([...ORDER].reverse());
    expect(r.tables[1]!.rows.some((x) => ORDER.includes(x.label))).toBe(false);
    const own = await call('reports.frequencies', { variables: ['verksamhet'], orders: { verksamhet: ['Saknas', 'Äldre'] } });
    expect(own.tables[0]!.rows.slice(0, 2).map((x) => [x.label, x.count])).toEqual([['Saknas', 0], ['Äldre', 22]]);
  });

  it('orders categories by first appearance in the sheet unless told otherwise', async () => {
    const firstSeen: string[] = [];
    for (const r of respondents) if (!firstSeen.includes(r.area)) firstSeen.push(r.area);
    const r = await call('reports.frequencies', { variables: ['verksamhet'] });
    expect(r.tables[0]!.rows.map((x) => x.label)).toEqual(firstSeen);
  });

  it('writes the table to XLSX with numbers as numbers', async () => {
    const file = path.join(dir, 'tabell1.xlsx');
    await call('reports.exportFrequencies', { variables: ['verksamhet'], order: ORDER, titles: { verksamhet: 'Tabell 1. Antal enkätsvar fördelat över verksamhetsområden' }, format: 'xlsx', path: file });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('verksamhet')!;
    expect(ws.getCell('A1').value).toBe('Tabell 1. Antal enkätsvar fördelat över verksamhetsområden');
    expect([ws.getCell('B2').value, ws.getCell('C2').value]).toEqual(['Antal', 'Procent']);
    const rows: unknown[][] = [];
    for (let r = 3; r <= 10; r++) rows.push([ws.getCell(r, 1).value, ws.getCell(r, 2).value, ws.getCell(r, 3).value]);
    expect(rows).toEqual(PRINTED.map(([a, n, pct]) => [a, Number(n), Number(pct!.replace(',', '.'))]));
    expect(ws.getCell('C3').numFmt).toBe('0.0');
    expect(ws.getCell('A10').font?.bold).toBe(true);
  });

  it('writes the table to DOCX with a decimal comma and Totalt 117 100,0', async () => {
    const r = await call('reports.exportFrequencies', { variables: ['verksamhet'], order: ORDER, titles: { verksamhet: 'Tabell 1. Antal enkätsvar fördelat över verksamhetsområden' }, format: 'docx' });
    expect(r.path).toBeNull();
    const doc = await readDocx(Buffer.from(r.base64!, 'base64'));
    expect(doc.text).toContain('Tabell 1. Antal enkätsvar fördelat över verksamhetsområden');
    const table = doc.tables[0]!;
    expect(table[0]).toEqual(['', 'Antal', 'Procent']);
    expect(table.slice(1)).toEqual(PRINTED);
    // the Totalt row is bold, the others are not
    const lastRow = [...doc.xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) => m[0]).find((x) => x.includes('>Totalt<'))!;
    expect(lastRow).toContain('<w:b/>');
  });

  it('renders the DOCX tables in LibreOffice (PNG to look at)', async (ctx) => {
    const file = path.join(dir, 'enkat.docx');
    await call('reports.exportFrequencies', {
      variables: ['verksamhet', 'alternativ1', 'alternativ2', 'alternativ3'],
      order: ORDER,
      ranked: false,
      titles: { verksamhet: 'Tabell 1. Antal enkätsvar fördelat över verksamhetsområden' },
      open: { group: 'grupp', question: 'Fråga 2a' },
      format: 'docx',
      path: file,
    });
    const [soffice, pdftoppm] = pathsOrSkip(ctx, needTool('soffice'), needTool('pdftoppm'));
    const out = path.join(dir, 'pdf');
    mkdirSync(out, { recursive: true });
    execFileSync(soffice!, ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/lo-profile`, '--convert-to', 'pdf', '--outdir', out, file], { stdio: 'ignore', timeout: 180_000 });
    expect(existsSync(path.join(out, 'enkat.pdf'))).toBe(true);
    execFileSync(pdftoppm!, ['-png', '-r', '70', '-f', '1', '-l', '1', path.join(out, 'enkat.pdf'), path.join(out, 'page')]);
    const png = path.join(out, 'page-1.png');
    expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
    const shots = path.resolve(__dirname, '../e2e/__screenshots__');
    mkdirSync(shots, { recursive: true });
    copyFileSync(png, path.join(shots, 'survey-tables-docx.png'));
  }, 240_000);

  it('writes CSV (BOM, semicolons) and Markdown in Swedish, points in English', async () => {
    const csvFile = path.join(dir, 't.csv');
    await call('reports.exportFrequencies', { variables: ['verksamhet'], order: ORDER, format: 'csv', path: csvFile });
    const csv = readFileSync(csvFile, 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('Okänt;4;3,4');
    expect(csv).toContain('Totalt;117;100,0');
    const md = await call('reports.exportFrequencies', { variables: ['verksamhet'], order: ORDER, format: 'md' });
    const text = Buffer.from(md.base64!, 'base64').toString('utf8');
    expect(text).toContain('| Äldre | 22 | 18,8 |');
    expect(text).toContain('| **Totalt** | **117** | **100,0** |');
    const en = await call('reports.exportFrequencies', { variables: ['verksamhet'], order: ORDER, format: 'md', language: 'en' });
    expect(Buffer.from(en.base64!, 'base64').toString('utf8')).toContain('| **Total** | **117** | **100.0** |');
  });

  it('adds an "Ej svar" row and keeps the base at all respondents', async () => {
    const r = await call('reports.frequencies', { variables: ['alternativ1'] });
    const missing = respondents.filter((x) => x.choices[0] === null).length;
    expect(missing).toBeGreaterThan(0);
    const tb = r.tables[0]!;
    expect(tb.noAnswer!.count).toBe(missing);
    expect(tb.total.count).toBe(117);
    expect(tb.rows.reduce((a, x) => a + x.count, 0) + missing).toBe(117);
    for (const row of tb.rows) expect(row.percent).toBe(Math.round((row.count / 117) * 1000) / 10);
    const lr = await call('reports.frequencies', { variables: ['alternativ1'], rounding: 'largest-remainder' });
    const t2 = lr.tables[0]!;
    expect(t2.rows.reduce((a, x) => a + Math.round(x.percent * 10), 0) + Math.round(t2.noAnswer!.percent * 10)).toBe(1000);
    expect(lr.notes.join(' ')).toMatch(/största-restmetoden/);
    expect(r.notes.join(' ')).toMatch(/var för sig/);
  });

  it('totals ranked choices over the three alternatives', async () => {
    const r = await call('reports.frequencies', { variables: ['alternativ1', 'alternativ2', 'alternativ3'], ranked: true });
    expect(r.tables).toHaveLength(3);
    // every table lists the same categories in the same order, empty ones as 0
    const labels = r.tables[0]!.rows.map((x) => x.label);
    for (const tb of r.tables) expect(tb.rows.map((x) => x.label)).toEqual(labels);
    const expected = new Map(CHOICES.map((c) => [c, respondents.reduce((a, x) => a + x.choices.filter((y) => y === c).length, 0)]));
    for (const row of r.ranked!.rows) expect(row.total).toBe(expected.get(row.label));
    const top = [...expected.entries()].sort((a, b) => b[1] - a[1])[0]!;
    expect(r.ranked!.rows[0]!.total).toBe(top[1]);
    expect(r.ranked!.sentence).toContain(`nämnts flest gånger (totalt ${top[1]} ggr)`);
    for (let i = 1; i < r.ranked!.rows.length; i++) expect(r.ranked!.rows[i - 1]!.total).toBeGreaterThanOrEqual(r.ranked!.rows[i]!.total);
  });

  it('counts coded open answers as "nämns N gånger", split by group', async () => {
    const r = await call('reports.openAnswers', { group: 'grupp', question: 'Fråga 2a' });
    expect(r.groups).toEqual(['chef', 'medarbetare']);
    expect(r.answers).toBe(117);
    for (const c of CATEGORIES) {
      const row = r.rows.find((x) => x.name === c)!;
      const mentions = respondents.filter((x) => x.coded.get('Fråga 2a')!.has(c));
      expect(row.total).toBe(mentions.length);
      expect(row.groups.chef).toBe(mentions.filter((x) => x.grupp === 'chef').length);
      expect(row.groups.medarbetare).toBe(mentions.filter((x) => x.grupp === 'medarbetare').length);
      expect(r.lines).toContain(`${c} (nämns ${row.total} gånger; chef: ${row.groups.chef}, medarbetare: ${row.groups.medarbetare})`);
    }
    const all = await call('reports.openAnswers', {});
    for (const c of CATEGORIES) {
      const n = respondents.reduce((a, x) => a + QUESTIONS.filter((q) => x.coded.get(q)!.has(c)).length, 0);
      expect(all.rows.find((x) => x.name === c)!.total).toBe(n);
    }
  });

  it('runs from the CLI: rodtrad freq with --order, coded open answers and --out', async () => {
    const out = path.join(dir, 'cli.docx');
    const r = rodtrad(['freq', p.file, '--var', 'verksamhet', '--order', ORDER.join(','), '--open', '*', '--split', 'grupp', '--question', 'Fråga 2a', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = await readDocx(readFileSync(out));
    expect(doc.tables[0]!.slice(1)).toEqual(PRINTED);
    const admin = respondents.filter((x) => x.coded.get('Fråga 2a')!.has('Administrativt stöd'));
    expect(doc.text).toContain(`Administrativt stöd (nämns ${admin.length} gånger; chef: ${admin.filter((x) => x.grupp === 'chef').length}, medarbetare: ${admin.filter((x) => x.grupp === 'medarbetare').length})`);
    const shown = rodtrad(['freq', p.file, '--var', 'verksamhet', '--order', ORDER.join(',')]);
    expect(shown.stdout).toMatch(/Psyk\s+9\s+7,7/);
    expect(shown.stdout).toMatch(/Totalt\s+117\s+100,0/);
    const bad = rodtrad(['freq', p.file, '--var', 'finns-inte']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('no document attribute "finns-inte"');
    const usage = rodtrad(['freq', p.file, '--var', 'verksamhet', '--out', path.join(dir, 'x.pdf')]);
    expect(usage.code).toBe(2);
  }, 240_000);

});
