/**
 * Survey tables take the question the survey asked as their title, not the column's variable
 * name: the import keeps each closed question's text with its attribute (the header, or the
 * question row under a row of variable names), the text survives renaming the attribute to a
 * short name, and the title reaches the result, the DOCX and the XLSX (read back here).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { Session } from '../../electron/core/api/session';
import { rodtrad } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';
import { readDocx } from './docx-xml';

const dir = tempDir('reports-survey-titles');
const AREA_Q = 'Inom vilket verksamhetsområde arbetar du?';
const YEARS_Q = 'Hur många år har du arbetat inom socialtjänsten?';
const OPEN_Q = 'Vad skulle göra ditt arbete lättare?';
const AREAS = ['BOU', 'Ek', 'Vuxen', 'BOU', 'Äldre', 'Ek', 'BOU', 'Vuxen', 'Äldre', 'BOU', 'Ek', 'BOU', 'Vuxen', 'Äldre'];
const YEARS = ['0–2', '3–5', '6–10', '3–5', 'mer än 10', '0–2', '6–10', '3–5', '0–2', 'mer än 10', '3–5', '0–2', '6–10', '3–5'];
const OPEN = ['Mer tid för klienterna och färre blanketter att fylla i varje vecka', 'Ett bättre verksamhetssystem som inte hänger sig mitt i dokumentationen'];

let session: Session | undefined;
afterEach(() => session?.closeProject());

/** The survey as a CSV: a header row, optionally a question row under it, then the respondents. */
function surveyCsv(name: string, header: string[], questionRow: string[] | null): string {
  const rows = AREAS.map((a, i) => [String(i + 1), a, YEARS[i]!, `${OPEN[i % 2]!}, svarande ${i + 1} skriver mer om det`]);
  const file = path.join(dir, name);
  writeFileSync(file, [header, ...(questionRow ? [questionRow] : []), ...rows].map((r) => r.join(';')).join('\n'), 'utf8');
  return file;
}

async function imported(csv: string, survey: Record<string, unknown> = {}): Promise<Session> {
  session = new Session('test');
  session.createProject(path.join(dir, `${path.basename(csv, '.csv')}.rodtrad`));
  const r = await dispatch(session, 'import.files', { sources: [{ path: csv }], kind: 'survey', survey });
  expect(r.results[0]!.status).toBe('imported');
  return session;
}

async function titlesInExports(s: Session, variables: string[]): Promise<{ result: string[]; docx: string; xlsx: string[] }> {
  const result = (await dispatch(s, 'reports.frequencies', { variables })).tables.map((t) => t.title);
  const docx = await dispatch(s, 'reports.exportFrequencies', { variables, format: 'docx' });
  const xlsxFile = path.join(dir, `${variables.join('-')}-${Math.random().toString(36).slice(2)}.xlsx`);
  await dispatch(s, 'reports.exportFrequencies', { variables, format: 'xlsx', path: xlsxFile });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsxFile);
  const xlsx = wb.worksheets.slice(0, variables.length).map((ws) => String(ws.getCell('A1').value));
  return { result, docx: (await readDocx(Buffer.from(docx.base64!, 'base64'))).text, xlsx };
}

describe('survey tables are titled by their questions', () => {
  it('keeps the header as the question when the attribute is renamed to a variable name', async () => {
    const s = await imported(surveyCsv('rubriker.csv', ['id', AREA_Q, YEARS_Q, OPEN_Q], null));
    const attrs = await dispatch(s, 'attributes.list', { scope: 'document' });
    expect(attrs.find((a) => a.name === AREA_Q)?.question).toBe(AREA_Q);
    await dispatch(s, 'attributes.rename', { name: AREA_Q, newName: 'verksamhet' });
    await dispatch(s, 'attributes.rename', { name: YEARS_Q, newName: 'ar' });

    const t = await titlesInExports(s, ['verksamhet', 'ar']);
    expect(t.result).toEqual([AREA_Q, YEARS_Q]);
    expect(t.docx).toContain(`Tabell 1. ${AREA_Q}`);
    expect(t.docx).toContain(`Tabell 2. ${YEARS_Q}`);
    expect(t.docx).not.toMatch(/Tabell \d\. (verksamhet|ar)\b/);
    expect(t.xlsx).toEqual([`Tabell 1. ${AREA_Q}`, `Tabell 2. ${YEARS_Q}`]);
    // a title the user gives still wins
    expect((await dispatch(s, 'reports.frequencies', { variables: ['verksamhet'], titles: { verksamhet: 'Tabell 1. Svarande per verksamhetsområde' } })).tables[0]!.title).toBe('Tabell 1. Svarande per verksamhetsområde');
  });

  it('takes the question row under a header of variable names: no respondent, the questions as titles', async () => {
    const s = await imported(surveyCsv('variabler.csv', ['id', 'q1', 'q2', 'q3'], ['', AREA_Q, YEARS_Q, OPEN_Q]), { questionRow: true });
    const docs = await dispatch(s, 'documents.list', {});
    expect(docs.length).toBe(AREAS.length);
    const attrs = await dispatch(s, 'attributes.list', { scope: 'document' });
    expect(attrs.map((a) => [a.name, a.question])).toEqual([['q1', AREA_Q], ['q2', YEARS_Q]]);

    const t = await titlesInExports(s, ['q1', 'q2']);
    expect(t.result).toEqual([AREA_Q, YEARS_Q]);
    expect(t.docx).toContain(`Tabell 1. ${AREA_Q}`);
    expect(t.xlsx).toEqual([`Tabell 1. ${AREA_Q}`, `Tabell 2. ${YEARS_Q}`]);
    // the counts are the respondents', the question row is not an answer
    const freq = await dispatch(s, 'reports.frequencies', { variables: ['q1'] });
    expect(freq.tables[0]!.total.count).toBe(AREAS.length);
    expect(freq.tables[0]!.rows.map((r) => r.label)).not.toContain(AREA_Q);
  });

  it('rodtrad import --question-row and rodtrad freq print the question as the title', () => {
    const csv = surveyCsv('cli.csv', ['id', 'q1', 'q2', 'q3'], ['', AREA_Q, YEARS_Q, OPEN_Q]);
    const project = path.join(dir, 'cli.rodtrad');
    expect(rodtrad(['new', project]).code).toBe(0);
    const imp = rodtrad(['import', project, csv, '--kind', 'survey', '--question-row']);
    expect(imp.stderr).toBe('');
    expect(imp.code).toBe(0);
    const out = path.join(dir, 'cli.docx');
    const freq = rodtrad(['freq', project, '--var', 'q1', '--out', out]);
    expect(freq.code).toBe(0);
    return readDocx(readFileSync(out)).then((d) => expect(d.text).toContain(`Tabell 1. ${AREA_Q}`));
  });
});
