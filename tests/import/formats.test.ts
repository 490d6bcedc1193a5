/**
 * Every format from files the test writes (docx/odt/xlsx with the libraries), checking the
 * exact stored text, turns, speakers, timestamps and attributes.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp';
import { docRow, newProject, runImport, turnsOf } from './helpers';
import { makeDocx, makeOdt, makePdf, makeRtf, makeXlsx } from './fixtures';

const dir = tempDir('rodtrad-import-formats');
const p = newProject(dir);
afterAll(() => p.close());

async function importOne(name: string, bytes: Buffer | string, extra: Record<string, unknown> = {}) {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  const r = await runImport(p, { sources: [{ path: file }], ...extra });
  expect(r.results).toHaveLength(1);
  const res = r.results[0]!;
  if (!res.ok) throw new Error(`import of ${name} failed: ${res.error}`);
  return res;
}

describe('plain text and encodings', () => {
  it('reads a transcript with the usual speaker conventions and marks the interviewer', async () => {
    const text = [
      '[00:00:05] I: Välkomna hit.',
      '',
      'CS: Tack, jag börjar.',
      'Andra stycket av samma replik.',
      '',
      '(00:01:10)',
      'IP1: Jag håller med.',
      '',
      'CS: Ja.',
      '',
      'IP1 (00:02:00): Kort svar.',
      '',
      'Intervjuare: Något mer?',
    ].join('\n');
    const r = await importOne('grupp-1.txt', text);
    const doc = docRow(p, r.documentId!);
    expect(doc.text).toBe(text);
    expect(doc.kind).toBe('interview');
    expect(doc.encoding).toBe('utf-8');
    const turns = turnsOf(p, r.documentId!);
    expect(turns.map((t) => [t.label, t.timestamp, t.interviewer])).toEqual([
      ['I', 5, 1],
      ['CS', null, 0],
      ['IP1', 70, 0],
      ['CS', null, 0],
      ['IP1', 120, 0],
      ['Intervjuare', null, 1],
    ]);
    expect(turns[1]!.text).toBe('CS: Tack, jag börjar.\nAndra stycket av samma replik.');
    // the time on a line of its own belongs to the turn after it
    expect(turns[2]!.text).toBe('(00:01:10)\nIP1: Jag håller med.');
  });

  it('Windows-1252 with – ” € imports byte-correct (not through Node’s broken decoder)', async () => {
    const text = 'I: Hej – ”citat” kostar 5 €.\nAL: Åh, ja.\nI: Bra.\nAL: Mm.';
    const r = await importOne('cp1252.txt', iconv.encode(text.replace(/\n/g, '\r\n'), 'windows-1252'));
    expect(r.encoding).toBe('windows-1252');
    expect(docRow(p, r.documentId!).text).toBe(text);
  });

  it('UTF-16 without a BOM (little and big endian) and UTF-8 with a BOM', async () => {
    const text = 'Fältanteckning: mötet börjar – alla är där. Ärendena ”väntar”.';
    const le = await importOne('u16le-faltanteckning.txt', iconv.encode(text, 'utf-16le'));
    expect([le.encoding, docRow(p, le.documentId!).text]).toEqual(['utf-16le', text]);
    const be = await importOne('u16be-faltanteckning.txt', iconv.encode(`${text} BE`, 'utf-16be'));
    expect([be.encoding, docRow(p, be.documentId!).text]).toEqual(['utf-16be', `${text} BE`]);
    const bom = await importOne('bom-faltanteckning.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${text} BOM`)]));
    expect([bom.encoding, docRow(p, bom.documentId!).text]).toEqual(['utf-8', `${text} BOM`]);
    expect(docRow(p, bom.documentId!).kind).toBe('fieldnote');
  });

  it('normalises to NFC and \\n, and honours an encoding override', async () => {
    const decomposed = 'a\u030a och o\u0308\r\nrad två\rrad tre';
    const r = await importOne('nfc.txt', decomposed);
    expect(docRow(p, r.documentId!).text).toBe('å och ö\nrad två\nrad tre');
    // bytes that are valid UTF-8 but meant as Latin-1 by the user
    const latin = await importOne('override.txt', Buffer.from('Ã¥', 'latin1'), { encoding: 'utf-8', duplicates: 'import' });
    expect(docRow(p, latin.documentId!).text).toBe('å');
    const forced = await importOne('override2.txt', Buffer.from('Ã¥ ', 'latin1'), { encoding: 'windows-1252' });
    expect(docRow(p, forced.documentId!).text).toBe('Ã¥ ');
  });

  it('the encoding can be overridden for one file of a batch', async () => {
    const a = path.join(dir, 'latin-a.txt');
    const b = path.join(dir, 'latin-b.txt');
    writeFileSync(a, Buffer.from('Ã¥ och Ã¶ a', 'latin1'));
    writeFileSync(b, Buffer.from('Ã¥ och Ã¶ b', 'latin1'));
    const r = await runImport(p, { sources: [{ path: a, encoding: 'windows-1252' }, { path: b }] });
    expect(r.results.map((x) => x.encoding)).toEqual(['windows-1252', 'utf-8']);
    expect(docRow(p, r.results[0]!.documentId!).text).toBe('Ã¥ och Ã¶ a');
    expect(docRow(p, r.results[1]!.documentId!).text).toBe('å och ö b');
    const bad = await runImport(p, { sources: [{ path: a, encoding: 'klingon' }], duplicates: 'import' });
    expect(bad.results[0]).toMatchObject({ status: 'failed' });
    expect(bad.results[0]!.error).toMatch(/latin-a\.txt: unknown encoding "klingon"/);
  });

  it('Markdown keeps its text; **bold** speaker labels are recognised', async () => {
    const md = '# Intervju\n\n**I:** Hur började det?\n\n**Maria:** Med ett möte.\n\n**I:** Och sedan?\n\n**Maria:** Sedan inget.';
    const r = await importOne('intervju.md', md);
    const turns = turnsOf(p, r.documentId!);
    expect(turns.map((t) => t.label)).toEqual([null, 'I', 'Maria', 'I', 'Maria']);
    expect(docRow(p, r.documentId!).text).toBe(md);
  });
});

describe('word processor formats', () => {
  it('DOCX: bold names become speakers, even when a name occurs once', async () => {
    const bytes = await makeDocx([
      { text: 'Gruppintervju, Norrdal' },
      { bold: 'Intervjuare:', text: ' Vill ni presentera er?' },
      { bold: 'Anna', text: ' Jag är enhetschef & har varit det länge.' },
      { bold: 'Bo:', text: ' Socialsekreterare <sedan 2015>.' },
      { bold: 'Intervjuare:', text: ' Tack.' },
    ]);
    const r = await importOne('intervju-word.docx', bytes);
    const doc = docRow(p, r.documentId!);
    expect(doc.text).toBe(
      'Gruppintervju, Norrdal\n\nIntervjuare: Vill ni presentera er?\n\nAnna: Jag är enhetschef & har varit det länge.\n\nBo: Socialsekreterare <sedan 2015>.\n\nIntervjuare: Tack.',
    );
    expect(doc.sourceType).toBe('docx');
    expect(turnsOf(p, r.documentId!).map((t) => [t.label, t.interviewer])).toEqual([
      [null, null],
      ['Intervjuare', 1],
      ['Anna', 0],
      ['Bo', 0],
      ['Intervjuare', 1],
    ]);
  });

  it('DOCX: a bold name is a speaker even where the text alone would not make one (one interviewer, one person speaking once)', async () => {
    const bytes = await makeDocx([
      { bold: 'Intervjuare:', text: ' Hur började det?' },
      { bold: 'Anna', text: ' Med ett samtal i korridoren.' },
      { bold: 'Intervjuare:', text: ' Tack.' },
    ]);
    const r = await importOne('kort-intervju.docx', bytes);
    expect(turnsOf(p, r.documentId!).map((t) => [t.label, t.interviewer])).toEqual([
      ['Intervjuare', 1],
      ['Anna', 0],
      ['Intervjuare', 1],
    ]);
  });

  it('ODT: paragraphs, spaces, tabs and bold-styled speaker names', async () => {
    const bytes = await makeOdt(
      '<text:h>Fältanteckning</text:h><text:p><text:span text:style-name="B">Lena:</text:span> Hej<text:s text:c="2"/>där<text:tab/>flik</text:p>' +
        '<text:p><text:span text:style-name="B">I:</text:span> Fråga &amp; svar?</text:p><text:list><text:list-item><text:p>punkt ett</text:p></text:list-item><text:list-item><text:p>punkt två</text:p></text:list-item></text:list>',
    );
    const r = await importOne('anteckning.odt', bytes);
    const doc = docRow(p, r.documentId!);
    expect(doc.text).toBe('Fältanteckning\n\nLena: Hej  där\tflik\n\nI: Fråga & svar?\n\npunkt ett\npunkt två');
    expect(turnsOf(p, r.documentId!).map((t) => t.label)).toEqual([null, 'Lena', 'I']);
  });

  it('RTF: Windows-1252 escapes and \\u escapes', async () => {
    const r = await importOne('intervju.rtf', makeRtf(['I: Hej på dig – ”du”.', 'KE: Tjänare, 5 €.', 'I: Och ǆ?', 'KE: Ja.']));
    const doc = docRow(p, r.documentId!);
    expect(doc.text).toBe('I: Hej på dig – ”du”.\n\nKE: Tjänare, 5 €.\n\nI: Och ǆ?\n\nKE: Ja.');
    expect(turnsOf(p, r.documentId!).map((t) => t.label)).toEqual(['I', 'KE', 'I', 'KE']);
  });

  it('PDF: text layer with åäö, line by line', async () => {
    const r = await importOne('protokoll.pdf', makePdf(['Protokoll från mötet', 'Närvarande: åtta personer', 'Beslut – inga']));
    const doc = docRow(p, r.documentId!);
    expect(doc.text).toBe('Protokoll från mötet\nNärvarande: åtta personer\nBeslut – inga');
    expect(doc.sourceType).toBe('pdf');
  });
});

describe('subtitles', () => {
  it('VTT: voices become speakers, cues turns with their start times', async () => {
    const vtt = [
      'WEBVTT',
      '',
      'NOTE från transkriberingstjänsten',
      '',
      '1',
      '00:00:01.500 --> 00:00:04.000',
      '<v Intervjuare>Hur ser det ut hos er?',
      '',
      '00:00:04.500 --> 00:00:09.000 align:start',
      '<v.loud Anna Berg>Det är <i>mycket</i> nu.',
      'Verkligen.',
      '',
      '01:02:03.250 --> 01:02:05.000',
      '<v Intervjuare>Tack.',
    ].join('\n');
    const r = await importOne('inspelning.vtt', vtt);
    const doc = docRow(p, r.documentId!);
    expect(doc.text).toBe('Intervjuare: Hur ser det ut hos er?\n\nAnna Berg: Det är mycket nu. Verkligen.\n\nIntervjuare: Tack.');
    expect(turnsOf(p, r.documentId!).map((t) => [t.label, t.timestamp, t.interviewer, t.text.length > 0])).toEqual([
      ['Intervjuare', 1.5, 1, true],
      ['Anna Berg', 4.5, 0, true],
      ['Intervjuare', 3723.25, 1, true],
    ]);
  });

  it('SRT: "Namn:" prefixes become speakers; cues without one stay unattributed', async () => {
    const srt = ['1', '00:00:01,000 --> 00:00:02,000', 'CS: Hej.', '', '2', '00:00:03,000 --> 00:00:05,000', 'I: Välkommen.', '', '3', '00:00:06,000 --> 00:00:07,000', '[skratt]', '', '4', '00:00:08,000 --> 00:00:09,000', 'CS: Tack.', ''].join('\r\n');
    const r = await importOne('inspelning.srt', srt);
    expect(docRow(p, r.documentId!).text).toBe('CS: Hej.\n\nI: Välkommen.\n\n[skratt]\n\nCS: Tack.');
    expect(turnsOf(p, r.documentId!).map((t) => [t.label, t.timestamp])).toEqual([
      ['CS', 1],
      ['I', 3],
      [null, 6],
      ['CS', 8],
    ]);
  });
});

describe('surveys and attribute sheets', () => {
  it('CSV survey: a document per respondent, closed answers as typed attributes, open answers as turns', async () => {
    const csv = '\uFEFFid;termin;ålder;Vad fungerar bra i ditt arbete?;Vad skulle du vilja ändra?\n' +
      'R1;HT16;34;Kollegorna och handledningen fungerar bra för mig;\n' +
      'R2;VT17;51;;"Färre ärenden per handläggare, och mer tid; tack"\n' +
      'R3;HT16;29;Det mesta fungerar när vi hinner prata ihop oss;Mindre administration och fler möten\n';
    const r = await importOne('enkat.csv', csv);
    expect(r.documentIds).toHaveLength(3);
    const names = r.documentIds.map((id) => docRow(p, id).name);
    expect(names).toEqual(['R1', 'R2', 'R3']);
    const r2 = docRow(p, r.documentIds[1]!);
    expect(r2.kind).toBe('survey');
    expect(r2.text).toBe('Vad skulle du vilja ändra?\nFärre ärenden per handläggare, och mer tid; tack');
    const turns = turnsOf(p, r.documentIds[2]!);
    expect(turns.map((t) => [t.label, t.text])).toEqual([
      ['Vad fungerar bra i ditt arbete?', 'Det mesta fungerar när vi hinner prata ihop oss'],
      ['Vad skulle du vilja ändra?', 'Mindre administration och fler möten'],
    ]);
    const attrs = p.db
      .prepare(`SELECT a.name, a.type, v.value FROM document_attribute_values v JOIN attributes a ON a.id = v.attribute_id WHERE v.document_id = ? ORDER BY a.position`)
      .all(r.documentIds[0]!);
    expect(attrs).toEqual([
      { name: 'termin', type: 'text', value: 'HT16' },
      { name: 'ålder', type: 'number', value: '34' },
    ]);
    const levels = p.db.prepare(`SELECT l.value FROM attribute_levels l JOIN attributes a ON a.id = l.attribute_id WHERE a.name = 'termin' ORDER BY l.position`).pluck().all();
    expect(levels).toEqual(['HT16', 'VT17']);
  });

  it('XLSX survey with chosen columns; numbers and dates keep their type', async () => {
    const bytes = await makeXlsx([
      ['Respondent', 'Datum', 'Roll', 'Antal ärenden', 'Kommentar'],
      ['S-1', new Date(Date.UTC(2017, 2, 14)), 'chef', 12, 'Ok'],
      ['S-2', new Date(Date.UTC(2017, 3, 2)), 'medarbetare', 40.5, 'För många ärenden'],
    ]);
    const r = await importOne('enkat.xlsx', bytes, { survey: { idColumn: 'Respondent', attributeColumns: ['Datum', 'Roll', 'Antal ärenden'], textColumns: ['Kommentar'] } });
    expect(r.documentIds.map((id) => docRow(p, id).name)).toEqual(['S-1', 'S-2']);
    expect(docRow(p, r.documentIds[1]!).text).toBe('Kommentar\nFör många ärenden');
    const rows = p.db
      .prepare(`SELECT a.name, a.type, v.value FROM document_attribute_values v JOIN attributes a ON a.id = v.attribute_id WHERE v.document_id = ? ORDER BY a.position`)
      .all(r.documentIds[1]!);
    expect(rows).toEqual([
      { name: 'Datum', type: 'date', value: '2017-04-02' },
      { name: 'Roll', type: 'text', value: 'medarbetare' },
      { name: 'Antal ärenden', type: 'number', value: '40.5' },
    ]);
  });
});
