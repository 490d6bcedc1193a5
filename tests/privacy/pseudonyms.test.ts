/**
 * Pseudonyms in every export (never in the stored text), suggestions for the list, and the
 * leak check that reads each written export back.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { Session } from '../../electron/core/api/session';
import { UserError } from '../../electron/core/errors';
import { readExportText } from '../../electron/core/privacy/export-text';
import { findPersonnummer, genitive, makeReplacer } from '../../electron/core/privacy/pseudonymise';
import { Project } from '../../electron/core/project/project';
import { rodtrad } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';
import { addInterview } from '../search/fixture';

const dir = tempDir('rodtrad-pseudonyms');

const TEXT = [
  'I: Berätta om samarbetet i Solberga.',
  '',
  'AB: Anna Andersson ringde från Solbergas mottagning. Anderssons chef var inte där.',
  '',
  'CD: Hennes nummer är 070-123 45 67 och e-post anna.andersson@exempel.se, personnummer 19811218-9876.',
].join('\n');

function fixture(name: string): string {
  const file = path.join(dir, name);
  const p = Project.create(file);
  p.transaction(() => {
    const id = addInterview(p, 'grupp-1', TEXT, { stadsdel: 'Solberga' });
    p.db.prepare('UPDATE documents SET source_name = ? WHERE id = ?').run('intervju_0412.docx', id);
    p.db.prepare("UPDATE speakers SET name = 'Bertil Berg' WHERE label = 'AB'").run();
  });
  p.close();
  return file;
}

async function codeWholeText(s: Session): Promise<void> {
  const doc = (await dispatch(s, 'documents.list', {}))[0]!;
  const text = (await dispatch(s, 'documents.get', { id: doc.id })).text;
  const start = text.indexOf('Anna Andersson ringde');
  await dispatch(s, 'quotations.create', { documentId: doc.id, start, end: text.indexOf('där.') + 4, codePaths: ['Tema/Samverkan'], createCodes: true });
  const pn = text.indexOf('Hennes');
  await dispatch(s, 'quotations.create', { documentId: doc.id, start: pn, end: text.length, codePaths: ['Tema/Kontakt'], createCodes: true });
}

const LIST = [
  { real: 'Anna Andersson', pseudonym: 'Person A', kind: 'person' as const },
  { real: 'Andersson', pseudonym: 'Person A', kind: 'person' as const },
  { real: 'Solberga', pseudonym: 'Stadsdel S', kind: 'place' as const },
  { real: '19811218-9876', pseudonym: 'ÅÅMMDD-XXXX', kind: 'other' as const },
  { real: 'anna.andersson@exempel.se', pseudonym: 'e-post', kind: 'other' as const },
];

describe('pseudonymising text', () => {
  it('replaces whole names in any case, multi-word names first, and carries the genitive over', () => {
    const r = makeReplacer([
      { real: 'Andersson', pseudonym: 'Person A' },
      { real: 'Anna Andersson', pseudonym: 'Person B' },
      { real: 'Eva', pseudonym: 'Karin' },
    ]);
    expect(r('Anna  Andersson och Anderssons chef; ANDERSSON: ja. Evas bil, Evalena och Andersson:s.').text).toBe(
      'Person B och Person A:s chef; Person A: ja. Karins bil, Evalena och Person A:s.',
    );
    expect(genitive('Lars')).toBe('Lars');
    expect(genitive('IFO')).toBe('IFO:s');
    expect(genitive('Stadsdel S')).toBe('Stadsdel S:s');
    expect(genitive('Eva')).toBe('Evas');
  });

  it('finds personnummer with a valid check digit only', () => {
    expect(findPersonnummer('pnr 19811218-9876 och 811218-9876, ej 811218-9875 eller 2023-12-31').map((m) => m.match)).toEqual(['19811218-9876', '811218-9876']);
  });
});

describe('the pseudonym list and its suggestions', () => {
  const file = fixture('lista.rodtrad');
  const s = new Session('test');
  beforeAll(() => void s.openProject(file));

  it('suggests speaker names, personnummer, phone, e-mail and capitalised names, not codebook words or sentence starts', async () => {
    await dispatch(s, 'codes.create', { name: 'Mottagning' });
    const sug = await dispatch(s, 'pseudonyms.suggest', {});
    const by = Object.fromEntries(sug.map((x) => [x.text, x]));
    expect(by['Bertil Berg']).toMatchObject({ reason: 'speaker', kind: 'person', pseudonym: 'Person A' });
    expect(by['19811218-9876']).toMatchObject({ reason: 'personnummer' });
    expect(by['070-123 45 67']).toMatchObject({ reason: 'phone' });
    expect(by['anna.andersson@exempel.se']).toMatchObject({ reason: 'email' });
    expect(by['Solberga']).toMatchObject({ reason: 'capitalised', count: 2 });
    expect(by['Solbergas']).toBeUndefined();
    expect(by['Andersson']).toMatchObject({ reason: 'capitalised' });
    // "Anna" and "Hennes" start sentences; "Berätta" too
    expect(by['Hennes']).toBeUndefined();
    expect(by['Berätta']).toBeUndefined();
    const names = path.join(dir, 'namn.csv');
    writeFileSync(names, 'namn\nGustav Gran\n');
    const withList = await dispatch(s, 'pseudonyms.suggest', { listPath: names });
    expect(withList.find((x) => x.text === 'Gustav Gran')).toMatchObject({ reason: 'list' });
  });

  it('loads a CSV list into the project (merged, rows without a pseudonym get one) and leaves covered names out of suggestions', async () => {
    const csv = path.join(dir, 'lista.csv');
    writeFileSync(csv, 'real;pseudonym;kind\nAnna Andersson;Person A;person\nSolberga;Stadsdel S;place\nBertil Berg;;person\n');
    const r = await dispatch(s, 'pseudonyms.load', { path: csv });
    expect(r.source).toBe('project');
    expect(r.entries).toEqual([
      { real: 'Anna Andersson', pseudonym: 'Person A', kind: 'person' },
      { real: 'Solberga', pseudonym: 'Stadsdel S', kind: 'place' },
      { real: 'Bertil Berg', pseudonym: 'Person B', kind: 'person' },
    ]);
    const sug = (await dispatch(s, 'pseudonyms.suggest', {})).map((x) => x.text);
    expect(sug).not.toContain('Solberga');
    expect(sug).not.toContain('Bertil Berg');
  });

  it('a linked list file: the project keeps only its path', async () => {
    const csv = path.join(dir, 'nyckel.csv');
    writeFileSync(csv, 'Anna Andersson,Person A\n');
    const r = await dispatch(s, 'pseudonyms.load', { path: csv, link: true });
    expect(r).toMatchObject({ source: 'file', file: csv, entries: [{ real: 'Anna Andersson', pseudonym: 'Person A' }] });
    const meta = s.requireProject().db.prepare("SELECT value FROM project_meta WHERE key LIKE 'pseudonym%'").pluck().all();
    expect(meta).toEqual([csv]);
  });
});

describe('exports with pseudonyms and the leak check', () => {
  const file = fixture('export.rodtrad');
  const s = new Session('test');
  const out = path.join(dir, 'ut');
  beforeAll(async () => {
    s.openProject(file);
    await codeWholeText(s);
    await dispatch(s, 'pseudonyms.set', { entries: LIST });
    await import('node:fs').then((fs) => fs.mkdirSync(out, { recursive: true }));
  });

  const forbidden = /Andersson|Solberga|19811218|exempel\.se/i;
  async function textOf(f: string, format: string): Promise<string> {
    return (await readExportText(readFileSync(f), format)).map((p) => p.text).join('\n');
  }

  it('every export format holds the pseudonyms, not the names, and says it was checked; the stored text is unchanged', async () => {
    const theme = { options: { quotes: 3 } };
    const written: [string, string][] = [];
    for (const format of ['docx', 'html', 'md'] as const) {
      const f = path.join(out, `tema.${format}`);
      const r = await dispatch(s, 'tables.exportThemeTable', { ...theme, format, path: f });
      expect(r.privacy).toMatchObject({ pseudonymised: true, leakChecked: true });
      expect(r.privacy!.replacements).toBeGreaterThan(0);
      written.push([f, format]);
    }
    for (const format of ['csv', 'xlsx'] as const) {
      const f = path.join(out, `citat.${format}`);
      expect((await dispatch(s, 'quotations.export', { format, path: f })).privacy?.leakChecked).toBe(true);
      written.push([f, format]);
      const w = path.join(out, `ord.${format}`);
      expect((await dispatch(s, 'words.export', { format, path: w })).privacy?.leakChecked).toBe(true);
      written.push([w, format]);
      const m = path.join(out, `matris.${format}`);
      await dispatch(s, 'tables.exportMatrix', { cols: 'stadsdel', format, path: m });
      written.push([m, format]);
    }
    for (const [f, format] of written) {
      const text = await textOf(f, format);
      expect(text, f).not.toMatch(forbidden);
    }
    expect(await textOf(path.join(out, 'tema.docx'), 'docx')).toContain('Person A ringde från Stadsdel S:s mottagning. Person A:s chef');
    expect(await textOf(path.join(out, 'matris.xlsx'), 'xlsx')).toContain('Stadsdel S');
    // the docx is still a valid document
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, 'citat.xlsx'));
    expect(wb.worksheets[0]!.rowCount).toBeGreaterThan(1);
    await JSZip.loadAsync(readFileSync(path.join(out, 'tema.docx')));
    const doc = (await dispatch(s, 'documents.list', {}))[0]!;
    expect((await dispatch(s, 'documents.get', { id: doc.id })).text).toBe(TEXT);
    const clip = await dispatch(s, 'tables.clipboard', theme);
    expect(clip.text).not.toMatch(forbidden);
    expect(clip.text).toContain('Person A');
  });

  it('says what was checked, and the provenance page says the export was pseudonymised and checked', async () => {
    const r = await dispatch(s, 'tables.exportThemeTable', { options: { quotes: 3, language: 'sv' }, format: 'docx', path: path.join(out, 'ursprung.docx') });
    expect(r.privacy).toEqual({ pseudonymised: true, replacements: expect.any(Number), leakChecked: true, names: LIST.length, sourceFiles: 1 });
    const sv = await textOf(path.join(out, 'ursprung.docx'), 'docx');
    expect(sv).toContain(`Pseudonymiserad med projektets kodnyckel (${LIST.length} namn). Filen lästes tillbaka och kontrollerades innan den lämnades ut`);
    const m = path.join(out, 'ursprung.xlsx');
    await dispatch(s, 'tables.exportMatrix', { cols: 'stadsdel', format: 'xlsx', path: m, language: 'en' });
    expect(await textOf(m, 'xlsx')).toContain(`Pseudonymised with the project's code key (${LIST.length} names). The file was read back and checked`);
    const report = path.join(out, 'ursprung-rapport.docx');
    await dispatch(s, 'quotations.export', { format: 'xlsx', path: report.replace(/docx$/u, 'xlsx') });
    expect(await textOf(report.replace(/docx$/u, 'xlsx'), 'xlsx')).toContain('Pseudonymiserad med projektets kodnyckel');
  });

  it('with --no-pseudonymise (false) the names stay and nothing is checked', async () => {
    const r = await dispatch(s, 'tables.exportThemeTable', { options: { quotes: 3 }, format: 'md', pseudonymise: false });
    expect(r.privacy).toEqual({ pseudonymised: false, replacements: 0, leakChecked: false, names: 0, sourceFiles: 0 });
    // and its provenance page does not claim it was
    const docx = await dispatch(s, 'tables.exportThemeTable', { options: { quotes: 3 }, format: 'docx', pseudonymise: false });
    expect((await readExportText(Buffer.from(docx.base64!, 'base64'), 'docx')).map((x) => x.text).join('\n')).not.toMatch(/Pseudonymiser|kontrollerades/);
    expect(Buffer.from(r.base64!, 'base64').toString()).toContain('Anna Andersson');
  });

  it('an export with a pseudonym left out fails, names each hit with its place, and leaves no file; with the full list it passes', async () => {
    await dispatch(s, 'pseudonyms.set', { entries: LIST.filter((e) => e.real !== '19811218-9876') });
    const before = readdirSync(out);
    for (const format of ['docx', 'xlsx', 'csv', 'md', 'html'] as const) {
      const f = path.join(out, `läcka.${format}`);
      const call =
        format === 'xlsx' || format === 'csv'
          ? dispatch(s, 'quotations.export', { format, path: f })
          : dispatch(s, 'tables.exportThemeTable', { options: { quotes: 3 }, format, path: f });
      let err: unknown;
      await call.catch((e: unknown) => (err = e));
      expect(err, format).toBeInstanceOf(UserError);
      const e = err as UserError & { hits: { place: string; kind: string; found: string }[] };
      expect(e.code).toBe('export-leak');
      expect(e.message).toMatch(/personnummer "19811218-9876" at /);
      expect(e.sv).toMatch(/personnummer "19811218-9876" vid .*Filen togs bort/);
      expect(e.hits.every((h) => h.kind === 'personnummer' && h.place.length > 0)).toBe(true);
      expect(existsSync(f)).toBe(false);
      expect(readdirSync(out)).toEqual(before);
    }
    const hit = await dispatch(s, 'quotations.export', { format: 'xlsx', path: path.join(out, 'x.xlsx') }).catch((e: { hits: { place: string }[] }) => e.hits[0]!.place);
    expect(hit).toMatch(/^Citat![A-Z]+\d+$/);
    // a download (no path) is refused the same way
    await expect(dispatch(s, 'tables.exportThemeTable', { options: { quotes: 3 }, format: 'md' })).rejects.toMatchObject({ code: 'export-leak' });

    await dispatch(s, 'pseudonyms.set', { entries: LIST });
    const ok = await dispatch(s, 'tables.exportThemeTable', { options: { quotes: 3 }, format: 'docx', path: path.join(out, 'läcka.docx') });
    expect(ok.privacy?.leakChecked).toBe(true);
    expect(existsSync(path.join(out, 'läcka.docx'))).toBe(true);
  });

  it('a source file name in an export is a leak too', async () => {
    await dispatch(s, 'codes.create', { name: 'Om intervju_0412.docx' });
    await expect(dispatch(s, 'tables.exportThemeTable', { format: 'md' })).rejects.toMatchObject({ code: 'export-leak', message: expect.stringMatching(/source file name "intervju_0412\.docx" at line \d+/) });
  });
});

describe('rodtrad pseudonyms and --pseudonymise on exports', () => {
  it('loads, lists (--json), suggests, and exports with and without pseudonyms', () => {
    const file = fixture('cli.rodtrad');
    const csv = path.join(dir, 'cli.csv');
    writeFileSync(csv, LIST.map((e) => `${e.real};${e.pseudonym};${e.kind}`).join('\n'));
    expect(rodtrad(['pseudonyms', file, '--load', csv]).code).toBe(0);
    const list = rodtrad(['pseudonyms', file, '--list', '--json']);
    expect(JSON.parse(list.stdout).entries).toHaveLength(LIST.length);
    const sug = rodtrad(['pseudonyms', file, '--suggest', '--json']);
    expect(JSON.parse(sug.stdout).map((x: { text: string }) => x.text)).toContain('Bertil Berg');
    expect(rodtrad(['code', file, '--doc', 'grupp-1', '--start', '40', '--end', '120', '--code', 'Tema/Samverkan', '--create-codes']).code).toBe(0);
    const md = path.join(dir, 'cli.md');
    const r = rodtrad(['table', file, '--quotes', '3', '--out', md]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Pseudonymised \(\d+ replacements?\)\. Checked: no real names/);
    expect(readFileSync(md, 'utf8')).not.toMatch(/Andersson/);
    const plain = path.join(dir, 'cli-plain.md');
    const r2 = rodtrad(['table', file, '--quotes', '3', '--no-pseudonymise', '--out', plain]);
    expect(r2.code).toBe(0);
    expect(r2.stdout).not.toMatch(/Checked/);
    expect(readFileSync(plain, 'utf8')).toMatch(/Andersson/);
    expect(rodtrad(['table', file, '--pseudonymise', '--no-pseudonymise', '--out', plain]).code).toBe(2);
  });
});
