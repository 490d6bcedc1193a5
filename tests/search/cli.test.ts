import ExcelJS from 'exceljs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Project } from '../../electron/core/project/project';
import { rodtrad } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';
import { writeFixture } from './fixture';

const dir = tempDir('search-cli');

describe('rodtrad search and words', () => {
  it('lists hits with document, offsets, snippet and speaker as JSON', () => {
    const file = writeFixture(dir, 'cli1.rodtrad');
    const r = rodtrad(['search', file, 'socialsekreterare', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.total).toBe(1);
    const hit = out.hits[0];
    const p = Project.open(file);
    const text = p.db.prepare('SELECT text FROM documents WHERE name = ?').pluck().get(hit.document) as string;
    p.close();
    expect(text.slice(hit.start, hit.end)).toBe('socialsekreterarna');
    expect(hit.snippet).toContain('socialsekreterarna');
    expect(hit.speaker).toBe('AL');
    // the index stored by the first run is reused by the next (nothing changed)
    const again = rodtrad(['search', file, '"fasta tjänster"', '--json']);
    expect(JSON.parse(again.stdout).total).toBe(1);
  });

  it('prints KWIC lines for people and exits 2 on a bad option', () => {
    const file = writeFixture(dir, 'cli2.rodtrad');
    const r = rodtrad(['search', file, 'samverkan']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/3 hits in 2 of the documents/);
    expect(r.stdout).toMatch(/word forms: samverkan 2, samverkansmöten 1/);
    expect(r.stdout).toContain('[Samverkan]');
    expect(rodtrad(['search', file, 'samverkan', '--expand', 'turn']).code).toBe(2);
    expect(rodtrad(['search', file, 'samverkan', '--lang', 'de']).code).toBe(2);
  });

  it('lists and overrides the language of a document', () => {
    const file = writeFixture(dir, 'cli5.rodtrad');
    const before = JSON.parse(rodtrad(['search', file, '--languages', '--json']).stdout);
    expect(before.find((l: { name: string }) => l.name === 'anteckning-en')).toMatchObject({ stored: null, used: 'en' });
    const r = rodtrad(['search', file, '--set-language', 'anteckning-en=sv', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).find((l: { name: string }) => l.name === 'anteckning-en')).toMatchObject({ stored: 'sv', used: 'sv' });
    expect(rodtrad(['search', file, '--set-language', 'finns-inte=sv']).code).toBe(2);
  });

  it('codes all hits with --code-all and --expand', () => {
    const file = writeFixture(dir, 'cli3.rodtrad');
    const r = rodtrad(['search', file, 'samverkan', '--no-compounds', '--code-all', 'Samverkan/Skola', '--create-code', '--expand', 'turn', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.created).toBe(2);
    const p = Project.open(file);
    const n = p.db
      .prepare("SELECT count(*) FROM quotation_codes qc JOIN codes c ON c.id = qc.code_id WHERE c.name = 'Skola'")
      .pluck()
      .get();
    p.close();
    expect(n).toBe(2);
  });

  it('reports word frequencies for a group and compares two groups, writing XLSX', async () => {
    const file = writeFixture(dir, 'cli4.rodtrad');
    const r = rodtrad(['words', file, '--where', 'grupp=chef', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.documents).toBe(1);
    expect(out.rows.find((x: { word: string }) => x.word === 'samverkan').count).toBe(2);
    const xlsx = path.join(dir, 'jamfor.xlsx');
    const c = rodtrad(['words', file, '--where', 'grupp=chef', '--compare-where', 'grupp=medarbetare', '--out', xlsx]);
    expect(c.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.worksheets[0]!.getRow(1).getCell(3).value).toBe('Antal grupp=chef');
    expect(rodtrad(['words', file, '--out', 'x.pdf']).code).toBe(2);
    const missing = rodtrad(['words', file, '--code', 'Finns/Inte']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no code "Finns\/Inte"/);
  });
});
