/**
 * The sentence forms of the reports, read back from the exported DOCX and XLSX in Swedish and
 * English: 0, 1, 2 ("i båda intervjuerna"), all ("i samtliga tre intervjuer"), k of n; ties
 * worded as ties; rankings without zero-hit codes and without a numbered code name behind a
 * number; a Totalt column in the per-group tables; the Table 1 footnote in the table's
 * language ("typ: intervju"); the provenance page or sheet on every DOCX/XLSX export with the
 * date from Project.now(); the quotation export's dates as dates, with no speaker lead.
 */
import path from 'node:path';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { Session } from '../../electron/core/api/session';
import { createCode } from '../../electron/core/coding/codes';
import { createQuotation } from '../../electron/core/coding/quotations';
import { insertDocument } from '../../electron/core/documents/store';
import { Project } from '../../electron/core/project/project';
import { appVersion } from '../../electron/core/version';
import { tempDir } from '../helpers/tmp';
import { readDocx } from './docx-xml';

// The clock every export reads (Project.now()); the job workers inherit it.
const NOW = '2026-03-05T11:08:00.000Z';
process.env.RODTRAD_NOW = NOW;

const dir = tempDir('reports-wording');
let p: Project;
let session: Session;
const call = <M extends Parameters<typeof dispatch>[1]>(m: M, params: Parameters<typeof dispatch<M>>[2]) => dispatch(session, m, params);
const NUMBERED = '1. Brukardelaktighet';
const CODES = [NUMBERED, 'Bollande', 'Lokaler', 'Stöd'];

/**
 * Interviews per term (grupp alternating chef, medarbetare) and which codes each raised:
 * HT16 one interview; VT17 two; HT17 three; HT18 none held.
 */
const PLAN: Record<string, string[][]> = {
  HT16: [[NUMBERED]],
  VT17: [[NUMBERED, 'Bollande'], [NUMBERED]],
  HT17: [[NUMBERED, 'Bollande', 'Stöd'], [NUMBERED, 'Bollande', 'Stöd'], [NUMBERED]],
};

beforeAll(() => {
  p = Project.create(path.join(dir, 'ordalydelse.rodtrad'));
  p.transaction(() => {
    const ids = new Map(CODES.map((c) => [c, createCode(p, { name: c })]));
    let n = 0;
    for (const [termin, interviews] of Object.entries(PLAN)) {
      interviews.forEach((codes, i) => {
        const text = `[00:00:14] AL: Vi pratade om hur det fungerar i vardagen.\n\nI: Berätta mer.\n\nAL: Det är mycket bollande mellan oss.`;
        const id = insertDocument(p, {
          name: `Gruppintervju ${++n}`,
          kind: 'interview',
          text,
          speakers: [{ label: 'AL' }, { label: 'I', isInterviewer: true }],
          turns: [
            { start: 0, end: text.indexOf('\n\nI:'), speaker: 'AL', timestamp: 14 },
            { start: text.indexOf('I: Berätta'), end: text.indexOf('\n\nAL: Det'), speaker: 'I', timestamp: null },
            { start: text.indexOf('AL: Det'), end: text.length, speaker: 'AL', timestamp: null },
          ],
          attributes: { termin, grupp: i % 2 === 0 ? 'chef' : 'medarbetare' },
        });
        for (const c of codes) createQuotation(p, { documentId: id, start: 0, end: text.indexOf('\n\nI:'), codeIds: [ids.get(c)!] });
      });
    }
    // Survey respondents for the ranked-choice sentence: A and B tie at the top.
    for (const [a, b] of [['A', 'B'], ['B', 'A'], ['C', 'A'], ['B', 'C']]) insertDocument(p, { name: `Svar ${a}${b}`, kind: 'survey', text: '', attributes: { val1: a!, val2: b! } });
  });
  session = new Session('test', p);
});
afterAll(() => session.closeProject());

const TERMS = ['HT16', 'VT17', 'HT17', 'HT18'];

async function termDocx(language: 'sv' | 'en'): Promise<Awaited<ReturnType<typeof readDocx>>> {
  const res = await call('reports.exportTerm', { term: 'termin', group: 'grupp', codes: CODES, terms: TERMS, format: 'docx', language });
  return readDocx(Buffer.from(res.base64!, 'base64'));
}

describe('the sentence forms, read back from the DOCX', () => {
  it('Swedish: 0, 1, 2, all, k of n and no interviews', async () => {
    const doc = await termDocx('sv');
    for (const s of [
      `${NUMBERED} togs upp i den enda intervjun.`,
      'Bollande togs inte upp i den enda intervjun.',
      `${NUMBERED} togs upp i båda intervjuerna.`,
      'Bollande togs upp i en av de två intervjuerna (50,0\u00a0%) – chef: 1 av 1, medarbetare: 0 av 1.',
      'Stöd togs inte upp i någon av de två intervjuerna.',
      `${NUMBERED} togs upp i samtliga tre intervjuer.`,
      'Bollande togs upp i två av de tre intervjuerna (66,7\u00a0%) – chef: 1 av 2, medarbetare: 1 av 1.',
      'Lokaler togs inte upp i någon av de tre intervjuerna.',
      `${NUMBERED}: inga intervjuer genomfördes.`,
    ]) expect(doc.text).toContain(s);
    expect(doc.text).not.toMatch(/alla \d+ intervjuerna|i alla 2/);
  });

  it('English: the same forms read as English', async () => {
    const doc = await termDocx('en');
    for (const s of [
      `${NUMBERED} was raised in the only interview.`,
      'Bollande was not raised in the only interview.',
      `${NUMBERED} was raised in both interviews.`,
      'Bollande was raised in one of the two interviews (50.0%) – chef: 1 of 1, medarbetare: 0 of 1.',
      'Stöd was not raised in either of the two interviews.',
      `${NUMBERED} was raised in all three interviews.`,
      'Bollande was raised in two of the three interviews (66.7%)',
      'Lokaler was not raised in any of the three interviews.',
      `${NUMBERED}: no interviews were held.`,
    ]) expect(doc.text).toContain(s);
    expect(doc.text).not.toMatch(/togs|intervjuer|Totalt/);
  });

  it('ranks only codes that were raised, words ties as ties and never numbers a numbered name', async () => {
    const doc = await termDocx('sv');
    const ht17 = doc.tables.find((t) => t[0]!.join('|') === 'Plats|Kod|Intervjuer' && t.length === 4)!;
    expect(ht17.slice(1)).toEqual([
      ['1', NUMBERED, '3 av 3'],
      ['2 (delad)', 'Bollande', '2 av 3'],
      ['2 (delad)', 'Stöd', '2 av 3'],
    ]);
    expect(doc.text).toContain(`Under HT17 togs ${NUMBERED} upp oftast (3 av 3), följt av Bollande och Stöd, som delar andra platsen (2 av 3 vardera).`);
    expect(doc.text).toContain('Togs inte upp under HT17: Lokaler.');
    expect(doc.text).not.toMatch(/\d+\. 1\. Brukardelaktighet/);
    // no ranking table lists a code with no hits
    for (const t of doc.tables.filter((x) => x[0]!.join('|') === 'Plats|Kod|Intervjuer')) for (const row of t.slice(1)) expect(row[2]).not.toMatch(/^0 av/);
    const en = await termDocx('en');
    expect(en.text).toContain('followed by Bollande and Stöd, tied in second place (2 of 3 each).');
  });

  it('gives the per-group tables a Totalt column', async () => {
    const doc = await termDocx('sv');
    const chef = doc.tables.find((t) => t[0]!.join('|') === ['Kod', ...TERMS, 'Totalt'].join('|') && doc.tables.indexOf(t) > 1)!;
    expect(chef).toBeDefined();
    const row = chef.find((r) => r[0] === 'Bollande')!;
    // chef: HT16 0 of 1, VT17 1 of 1, HT17 1 of 2 → 2 of 4 over the terms
    expect(row[row.length - 1]!.split('\n')[0]).toBe('2 av 4');
  });
});

describe('the same forms in the XLSX', () => {
  it('writes the sentences, the ranking and the provenance sheet', async () => {
    const res = await call('reports.exportTerm', { term: 'termin', group: 'grupp', codes: CODES, terms: TERMS, format: 'xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(res.base64!, 'base64') as unknown as ArrayBuffer);
    const sentences = wb.getWorksheet('Meningar')!.getColumn(3).values.map(String);
    expect(sentences).toContain(`${NUMBERED} togs upp i båda intervjuerna.`);
    expect(sentences).toContain(`${NUMBERED} togs upp i samtliga tre intervjuer.`);
    const chef = wb.getWorksheet('chef')!;
    expect(chef.getRow(1).values).toContain('Totalt');
    const rk = wb.getWorksheet('Rangordning')!;
    const values = rk.getSheetValues().flat().map(String);
    expect(values).toContain('2 (delad)');
    expect(values.some((v) => v === 'Lokaler')).toBe(false);
    const last = wb.worksheets[wb.worksheets.length - 1]!;
    expect(last.name).toBe('Så togs underlaget fram');
    const rows = Object.fromEntries(last.getSheetValues().slice(2).map((r) => [String((r as unknown[])[1]), String((r as unknown[])[2])]));
    expect(rows.Projekt).toBe('ordalydelse');
    expect(rows.Urval).toBe('typ: intervju');
    expect(rows.Koder).toBe(CODES.join('; '));
    expect(rows['Räkneregel']).toContain('k av n intervjuer; en intervju räknas en gång per kod');
    expect(rows.Skapad).toContain('5 mars 2026');
    expect(rows.Program).toBe(`Rödtråd ${appVersion()}`);
  });
});

describe('provenance on every DOCX/XLSX export', () => {
  it('ends the term report DOCX with a page saying how it was made', async () => {
    const doc = await termDocx('sv');
    const last = doc.tables[doc.tables.length - 1]!;
    expect(last.map((r) => r[0])).toEqual(['Projekt', 'Urval', 'Koder', 'Räkneregel', 'Skapad', 'Program']);
    expect(last[4]![1]).toContain('5 mars 2026');
    expect(doc.xml).toContain('<w:pageBreakBefore/>');
    const en = await termDocx('en');
    expect(en.tables[en.tables.length - 1]!.map((r) => r[0])).toEqual(['Project', 'Selection', 'Codes', 'Counting rule', 'Made', 'Program']);
    expect(en.tables[en.tables.length - 1]![4]![1]).toContain('5 March 2026');
    expect(en.tables[en.tables.length - 1]![1]![1]).toBe('kind: interview');
  });

  it('on the theme table DOCX, whose footnote names the kind in Swedish', async () => {
    const spec = { caption: 'Tabell 1', sections: [{ path: 'Bollande', columns: false }], options: { counts: 'k-of-n' as const, filter: { kinds: ['interview' as const] } } };
    const res = await call('tables.exportThemeTable', { spec, format: 'docx' });
    const doc = await readDocx(Buffer.from(res.base64!, 'base64'));
    expect(doc.text).toContain('Underlag: 6 dokument; typ: intervju.');
    expect(doc.text).not.toContain('typ: interview');
    const prov = doc.tables[doc.tables.length - 1]!;
    expect(prov.map((r) => r[0])).toEqual(['Projekt', 'Urval', 'Koder', 'Räkneregel', 'Skapad', 'Program']);
    expect(prov[2]![1]).toBe('Bollande');
    // An option given with the request changes only itself: the layout's counts and filter stay.
    const en = await readDocx(Buffer.from((await call('tables.exportThemeTable', { spec, options: { language: 'en' }, format: 'docx' })).base64!, 'base64'));
    expect(en.text).toContain('Base: 6 documents; kind: interview.');
  });

  it('on the matrix, co-occurrence and frequency XLSX and the frequency DOCX', async () => {
    const sheets = async (b64: string): Promise<ExcelJS.Workbook> => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(b64, 'base64') as unknown as ArrayBuffer);
      return wb;
    };
    for (const res of [
      await call('tables.exportMatrix', { cols: 'termin', format: 'xlsx' }),
      await call('tables.exportCooccurrence', { format: 'xlsx' }),
      await call('reports.exportFrequencies', { variables: ['val1'], format: 'xlsx' }),
    ]) {
      const wb = await sheets(res.base64!);
      const last = wb.worksheets[wb.worksheets.length - 1]!;
      expect(last.name).toBe('Så togs underlaget fram');
      const made = last.getColumn(1).values.indexOf('Skapad');
      expect(made).toBeGreaterThan(0);
      expect(String(last.getCell(made, 2).value)).toContain('5 mars 2026');
    }
    const doc = await readDocx(Buffer.from((await call('reports.exportFrequencies', { variables: ['val1'], format: 'docx' })).base64!, 'base64'));
    expect(doc.tables[doc.tables.length - 1]!.map((r) => r[0])).toEqual(['Projekt', 'Urval', 'Räkneregel', 'Skapad', 'Program']);
    expect(doc.tables[doc.tables.length - 1]![1]![1]).toBe('typ: enkätsvar');
  });
});

describe('ties in the survey tables', () => {
  it('words a shared first place as a tie, in Swedish and English', async () => {
    const sv = await call('reports.frequencies', { variables: ['val1', 'val2'], ranked: true });
    expect(sv.ranked!.sentence).toBe('A och B är de svar som nämnts flest gånger, lika många gånger (3 gånger vardera), följt av C (2 gånger).');
    const en = await call('reports.frequencies', { variables: ['val1', 'val2'], ranked: true, language: 'en' });
    expect(en.ranked!.sentence).toBe('A and B are the answers mentioned most often, equally often (3 times each), followed by C (2 times).');
  });
});

describe('the quotation export', () => {
  it('writes the created time as a date and never the speaker role over the quote', async () => {
    const file = path.join(dir, 'citat.xlsx');
    await call('quotations.export', { format: 'xlsx', path: file, codeIds: [] });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).map(String);
    const text = ws.getRow(2).getCell(header.indexOf('Text')).value;
    expect(text).toBe('Vi pratade om hur det fungerar i vardagen.');
    const created = ws.getRow(2).getCell(header.indexOf('Skapad')).value;
    expect(created).toBeInstanceOf(Date);
    expect((created as Date).toISOString()).toBe(NOW);
    expect(ws.getColumn(header.indexOf('Skapad')).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(wb.worksheets[wb.worksheets.length - 1]!.name).toBe('Så togs underlaget fram');
    const csv = await call('quotations.export', { format: 'csv' });
    const body = Buffer.from(csv.base64!, 'base64').toString('utf8');
    expect(body).not.toContain('AL: Vi pratade');
    expect(body).not.toContain('T11:08:00');
  });
});
