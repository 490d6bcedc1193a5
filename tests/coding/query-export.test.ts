/** The quotation manager's filters, and its CSV/XLSX export written, opened again and checked. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp';
import { makeEnv, type Env } from './fixture';

async function setup(env: Env) {
  await env.call('codebooks.load', { id: 'ifo-table1' });
  const tree = await env.call('codes.tree', {});
  const code = (n: string) => tree.find((c) => c.name === n)!;
  const doc = await env.call('documents.get', { id: env.interviewId });
  const tricky = await env.call('documents.get', { id: env.trickyId });
  const mk = (d: typeof doc, word: string, codeIds: number[], comment?: string) => {
    const i = d.text.indexOf(word);
    return env.call('quotations.create', { documentId: d.id, start: i, end: i + word.length, codeIds, comment });
  };
  const bollande = code('Bollande');
  const tanja = code('Tänja på uppdrag och formellt ansvar');
  const omsesidig = code('ömsesidig konsultation'); // a sub-code of Bollande
  const q1 = await mk(doc, 'bollar med kollegan', [bollande.id], 'kärnexempel');
  const q2 = await mk(doc, 'tänjer man på uppdraget', [tanja.id, omsesidig.id]);
  const q3 = await mk(doc, 'bokade ett möte', [omsesidig.id]);
  const q4 = await mk(tricky, 'café', [tanja.id]);
  return { tree, bollande, tanja, omsesidig, q1, q2, q3, q4, doc };
}

describe('quotations.query', () => {
  const dir = tempDir('rodtrad-query');

  it('filters by code with and without sub-codes, AND/OR, document, group, speaker and attributes', async () => {
    const env = makeEnv(dir);
    const s = await setup(env);
    const ids = async (q: Parameters<Env['call']>[1] & object) => (await env.call('quotations.query', q as never)).rows.map((r) => r.id).sort((a, b) => a - b);
    expect(await ids({ codeIds: [s.bollande.id] })).toEqual([s.q1.id, s.q2.id, s.q3.id]);
    expect(await ids({ codeIds: [s.bollande.id], includeSubcodes: false })).toEqual([s.q1.id]);
    expect(await ids({ codeIds: [s.bollande.id, s.tanja.id], codeMode: 'and' })).toEqual([s.q2.id]);
    expect(await ids({ codeIds: [s.bollande.id, s.tanja.id], codeMode: 'or' })).toEqual([s.q1.id, s.q2.id, s.q3.id, s.q4.id]);
    expect(await ids({ documentIds: [env.trickyId] })).toEqual([s.q4.id]);
    expect(await ids({ where: { termin: ['HT16'] } })).toEqual([s.q1.id, s.q2.id, s.q3.id]);
    expect(await ids({ where: { termin: ['HT16', 'VT17'], grupp: ['chefer'] } })).toEqual([s.q4.id]);
    expect(await ids({ speakers: ['AA'] })).toEqual([s.q1.id, s.q3.id]);
    expect(await ids({ speakers: ['bb'], codeIds: [s.tanja.id] })).toEqual([s.q2.id]);
    expect(await ids({ text: 'KOLLEGAN' })).toEqual([s.q1.id]);
    expect(await ids({ text: 'kärnexempel' })).toEqual([s.q1.id]);
    const { id: g } = await env.call('groups.create', { name: 'Fält', documentIds: [env.trickyId] });
    expect(await ids({ groupIds: [g] })).toEqual([s.q4.id]);
    // Speaker attributes (roll) on the speakers of the interview.
    const speakers = s.doc.speakerList;
    await env.call('attributes.setSpeakerValue', { speakerId: speakers.find((x) => x.label === 'BB')!.id, name: 'roll', value: 'chef' });
    expect(await ids({ speakerWhere: { roll: ['chef'] } })).toEqual([s.q2.id]);

    const page = await env.call('quotations.query', { limit: 2, offset: 1 });
    expect(page.total).toBe(4);
    expect(page.rows.length).toBe(2);
    const row = (await env.call('quotations.query', { codeIds: [s.tanja.id], documentIds: [env.interviewId] })).rows[0]!;
    expect(row).toMatchObject({ documentName: 'Gruppintervju 1', speaker: 'BB', attributes: { termin: 'HT16', grupp: 'medarbetare' }, text: 'tänjer man på uppdraget' });
    expect(row.codePaths.sort()).toEqual([s.tanja.path, s.omsesidig.path].sort());
    env.session.closeProject();
  });

  it('exports CSV and XLSX with level columns; the files open again with the same rows', async () => {
    const env = makeEnv(dir);
    const s = await setup(env);
    const csvPath = path.join(dir, 'citat.csv');
    const r = await env.call('quotations.export', { codeIds: [s.bollande.id], format: 'csv', path: csvPath });
    expect(r.path).toBe(csvPath);
    const raw = readFileSync(csvPath, 'utf8');
    expect(raw.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = Papa.parse<string[]>(raw.slice(1), { delimiter: ';', skipEmptyLines: true }).data;
    expect(header).toEqual(['Dokument', 'termin', 'grupp', 'Talare', 'Kod', 'Nivå 1', 'Nivå 2', 'Nivå 3', 'Nivå 4', 'Text', 'Kommentar', 'Kodare', 'Skapad', 'Start', 'Slut']);
    // One row per quotation and matching code: q1 Bollande, q2 ömsesidig, q3 ömsesidig (q2's Tänja is outside the filter).
    expect(rows.length).toBe(3);
    expect(r.rows).toBe(3);
    const byText = new Map(rows.map((x) => [x[9], x]));
    const q1 = byText.get('bollar med kollegan')!;
    expect(q1.slice(0, 5)).toEqual(['Gruppintervju 1', 'HT16', 'medarbetare', 'AA', s.bollande.path]);
    expect(q1.slice(5, 9).filter(Boolean)).toEqual(s.bollande.path.split('/'));
    expect(q1[10]).toBe('kärnexempel');
    expect(byText.get('tänjer man på uppdraget')![8]).toBe('ömsesidig konsultation');

    // XLSX returned as base64 (browser mode), written by the test, read back with exceljs.
    const x = await env.call('quotations.export', { format: 'xlsx', language: 'en' });
    expect(x.path).toBeNull();
    expect(x.fileName).toBe('quotations.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.base64!, 'base64') as never);
    const ws = wb.worksheets[0]!;
    const values = (n: number) => (ws.getRow(n).values as unknown[]).slice(1).map((v) => (v === undefined || v === null ? '' : v));
    const head = values(1);
    expect(head.slice(0, 5)).toEqual(['Document', 'termin', 'grupp', 'Speaker', 'Code']);
    // Every link once: q1 (1), q2 (2), q3 (1), q4 (1).
    expect(ws.rowCount - 1).toBe(5);
    const textCol = head.indexOf('Text');
    const texts = Array.from({ length: ws.rowCount - 1 }, (_, i) => values(i + 2)[textCol]);
    expect(texts.sort()).toEqual(['bokade ett möte', 'bollar med kollegan', 'café', 'tänjer man på uppdraget', 'tänjer man på uppdraget'].sort());
    const startCol = head.indexOf('Start');
    expect(typeof values(2)[startCol]).toBe('number');
    env.session.closeProject();
  });
});
