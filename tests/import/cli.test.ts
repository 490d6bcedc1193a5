/** The CLI as a user runs it (the built bin, a real process): import, docs, text, attributes, speakers, autocode. */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { rodtrad } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';
import { makeDocx } from './fixtures';

const dir = tempDir('rodtrad-import-cli');
const project = path.join(dir, 'p.rodtrad');
const files = path.join(dir, 'filer');

beforeAll(async () => {
  mkdirSync(files);
  writeFileSync(path.join(files, 'gi-01.txt'), 'I: Hur är läget?\n\nAL: Bra – men ”stressigt”.\n\nMK: Ja.\n\nI: Varför?\n\nAL: Ärendena.');
  writeFileSync(path.join(files, 'gi-02.txt'), iconv.encode('Intervjuare: Hej.\r\n\r\nCS: Hej – 5 €.\r\n\r\nIntervjuare: Ok.\r\n\r\nCS: Mm.', 'windows-1252'));
  writeFileSync(path.join(files, 'gi-03.docx'), await makeDocx([{ bold: 'I:', text: ' Fråga.' }, { bold: 'Bo:', text: ' Svar.' }]));
  writeFileSync(path.join(dir, 'trasig.docx'), 'inte en docx');
  writeFileSync(path.join(dir, 'attribut.csv'), 'dokument,termin,stadsdel\ngi-01.txt,HT16,Norrdal\ngi-02,VT17,Söderby\ngi-03,HT17,Norrdal\nokänd,VT18,Norrdal\n');
  expect(rodtrad(['new', project]).code).toBe(0);
});

describe('rodtrad import and friends', () => {
  it('imports a folder with --attributes; exit 0; one JSON result per file', () => {
    const r = rodtrad(['import', project, files, '--attributes', path.join(dir, 'attribut.csv'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const results = JSON.parse(r.stdout) as { file: string; ok: boolean; documentId: number; turns: number; chars: number; error: string | null }[];
    expect(results.map((x) => [path.basename(x.file), x.ok, x.turns, x.error])).toEqual([
      ['gi-01.txt', true, 5, null],
      ['gi-02.txt', true, 4, null],
      ['gi-03.docx', true, 2, null],
    ]);
    expect(results[0]!.chars).toBe(readFileSync(path.join(files, 'gi-01.txt'), 'utf8').length);
    expect(r.stderr).toMatch(/unknown documents: okänd/);
  });

  it('exits 1 when a file fails, and still imports the others', () => {
    const extra = path.join(dir, 'extra.txt');
    writeFileSync(extra, 'I: Sista.\n\nXY: Ja.\n\nI: Tack.\n\nXY: Hej då.');
    const r = rodtrad(['import', project, path.join(dir, 'trasig.docx'), extra]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/✗ .*trasig\.docx: the DOCX file is damaged or truncated/);
    expect(r.stdout).toMatch(/✓ extra\.txt|✓ .*extra\.txt/);
    expect(r.stdout).toMatch(/1 imported, 0 skipped, 1 failed/);
  });

  it('skips the same file again unless --again', () => {
    const r = rodtrad(['import', project, path.join(files, 'gi-01.txt'), '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ ok: true, status: 'skipped' });
  });

  it('docs --json lists kind, chars, turns, speakers and attributes', () => {
    const r = rodtrad(['docs', project, '--json']);
    expect(r.code).toBe(0);
    const docs = JSON.parse(r.stdout) as { name: string; kind: string; turns: number; speakers: string[]; attributes: Record<string, string> }[];
    expect(docs.map((d) => [d.name, d.kind, d.turns, d.speakers, d.attributes])).toEqual([
      ['gi-01', 'interview', 5, ['I', 'AL', 'MK'], { termin: 'HT16', stadsdel: 'Norrdal' }],
      ['gi-02', 'interview', 4, ['Intervjuare', 'CS'], { termin: 'VT17', stadsdel: 'Söderby' }],
      ['gi-03', 'interview', 2, ['I', 'Bo'], { termin: 'HT17', stadsdel: 'Norrdal' }],
      ['extra', 'interview', 4, ['I', 'XY'], {}],
    ]);
  });

  it('text prints the stored text exactly (Windows-1252 decoded, \\n line ends)', () => {
    const r = rodtrad(['text', project, 'gi-02.txt']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Intervjuare: Hej.\n\nCS: Hej – 5 €.\n\nIntervjuare: Ok.\n\nCS: Mm.');
    expect(rodtrad(['text', project, 'finns-inte']).code).toBe(1);
  });

  it('attributes applies a sheet to existing documents and lists unknown names', () => {
    const sheet = path.join(dir, 'grupp.csv');
    writeFileSync(sheet, 'fil;grupp\ngi-01;chef\nextra.txt;medarbetare\nnågon;chef\n');
    const r = rodtrad(['attributes', project, sheet, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ documents: 2, unknown: ['någon'], attributes: [{ name: 'grupp', levels: ['chef', 'medarbetare'] }] });
  });

  it('speakers sets a role and the interviewer mark; autocode codes every turn by speaker and by role', () => {
    expect(rodtrad(['speakers', project, 'gi-01', 'AL', '--attr', 'roll=chef']).code).toBe(0);
    expect(rodtrad(['speakers', project, 'gi-01', 'MK', '--attr', 'roll=medarbetare']).code).toBe(0);
    const marked = rodtrad(['speakers', project, 'extra', 'XY', '--interviewer', '--json']);
    expect(marked.code, marked.stderr).toBe(0);
    expect(JSON.parse(marked.stdout)).toMatchObject({ label: 'XY', isInterviewer: true });
    const list = JSON.parse(rodtrad(['speakers', project, '--json']).stdout) as { label: string; turns: number; attributes: Record<string, string> }[];
    expect(list.find((s) => s.label === 'AL')!.attributes).toEqual({ roll: 'chef' });
    const totalTurns = list.reduce((n, s) => n + s.turns, 0);

    const bySpeaker = rodtrad(['autocode', project, '--json']);
    expect(bySpeaker.code, bySpeaker.stderr).toBe(0);
    expect(JSON.parse(bySpeaker.stdout).quotations).toBe(totalTurns);
    const byRole = rodtrad(['autocode', project, '--by', 'role', '--json']);
    expect(JSON.parse(byRole.stdout).codes.map((c: { name: string; quotations: number }) => [c.name, c.quotations])).toEqual([
      ['chef', 2],
      ['medarbetare', 1],
    ]);
    expect(rodtrad(['check', project]).code).toBe(0);
  });

  it('--encoding-for overrides the encoding of one file', () => {
    const a = path.join(dir, 'latin-a.txt');
    const b = path.join(dir, 'latin-b.txt');
    writeFileSync(a, Buffer.from('Ã¥ a', 'latin1'));
    writeFileSync(b, Buffer.from('Ã¥ b', 'latin1'));
    const r = rodtrad(['import', project, a, b, '--encoding-for', `${a}=windows-1252`, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).map((x: { encoding: string }) => x.encoding)).toEqual(['windows-1252', 'utf-8']);
    expect(rodtrad(['text', project, 'latin-a']).stdout).toBe('Ã¥ a');
    expect(rodtrad(['text', project, 'latin-b']).stdout).toBe('å b');
  });

  it('usage errors exit 2', () => {
    expect(rodtrad(['import', project]).code).toBe(2);
    expect(rodtrad(['import', project, files, '--kind', 'roman']).code).toBe(2);
  });
});

describe('the sample project comes through the importer', () => {
  it('same documents, kinds, attributes and codebook as the sample corpus describes', () => {
    const sample = path.join(dir, 'exempel.rodtrad');
    expect(rodtrad(['sample', sample]).code).toBe(0);
    const docs = JSON.parse(rodtrad(['docs', sample, '--json']).stdout) as { name: string; kind: string; turns: number; attributes: Record<string, string> }[];
    const corpus = path.resolve(__dirname, '../../sample-corpus');
    const txt = readdirSync(corpus).filter((f) => f.endsWith('.txt'));
    expect(docs.map((d) => d.name).sort()).toEqual(txt.map((f) => f.replace(/\.txt$/, '')).sort());
    for (const d of docs) {
      expect(d.kind).toBe(d.name.startsWith('faltanteckning') ? 'fieldnote' : 'interview');
      if (d.kind === 'interview') expect(d.turns).toBeGreaterThan(10);
    }
    const sheet = readFileSync(path.join(corpus, 'attribut.csv'), 'utf8').trim().split('\n').map((l) => l.split(','));
    const header = sheet[0]!;
    for (const row of sheet.slice(1)) {
      const expected = Object.fromEntries(header.slice(1).map((h, i) => [h, row[i + 1]]).filter(([, v]) => v));
      expect(docs.find((d) => d.name === row[0])!.attributes).toEqual(expected);
    }
    const info = JSON.parse(rodtrad(['info', sample, '--json']).stdout) as { counts: { codes: number } };
    expect(info.counts.codes).toBeGreaterThan(10);
  });
});
