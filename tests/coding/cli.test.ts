/** The coding CLI commands, run as real processes on a sample project. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { rodtrad } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

describe('rodtrad codebook / codes / code / quotes / memo / undo', () => {
  const dir = tempDir('rodtrad-coding-cli');
  const json = (args: string[]) => {
    const r = rodtrad([...args, '--json']);
    if (r.code !== 0) throw new Error(`rodtrad ${args.join(' ')} → ${r.code}: ${r.stderr}`);
    return JSON.parse(r.stdout);
  };

  it('loads codebooks, codes passages, lists and exports quotations, writes memos, undoes and redoes', async () => {
    const txt = path.join(dir, 'bok.txt');
    writeFileSync(txt, 'Tema\n  Kod A | Code A\n  Kod B — Code B\n');
    const sample = path.join(dir, 's.rodtrad');
    expect(rodtrad(['sample', sample]).code).toBe(0);
    expect(json(['codebook', sample, '--load', 'handlingsplan']).created).toBe(14);
    expect(json(['codebook', sample, '--load', txt]).created).toBe(3);
    const docs = json(['docs', sample]) as { name: string; sourceName: string; attributes: Record<string, string> }[];
    const d = docs.find((x) => x.attributes.termin === 'HT16' && x.sourceName)!;
    const text = (json(['text', sample, d.name]) as { text: string }).text;
    const word = /\p{L}{6,}/u.exec(text.slice(200))!;
    const start = 200 + word.index + 2; // inside the word: snapping widens it
    const q = json(['code', sample, '--doc', d.sourceName, '--start', String(start), '--end', String(start + 1), '--code', 'Tema/Kod A', '--code', 'Tema/Kod B', '--coder', 'Bo', '--comment', 'exempel']);
    expect(q.text).toBe(word[0]);
    expect(q.coder).toBe('Bo');
    // The document's name without extension works as well.
    const q2 = json(['code', sample, '--doc', d.sourceName.replace(/\.[^.]+$/, ''), '--start', '0', '--end', '5', '--code', 'Tema/Kod A', '--exact']);
    expect([q2.start, q2.end]).toEqual([0, 5]);
    const bad = rodtrad(['code', sample, '--doc', d.name, '--start', '0', '--end', '5', '--code', 'Saknas/Kod']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/no code "Saknas\/Kod"/);
    expect(rodtrad(['code', sample, '--doc', d.name, '--start', 'x', '--end', '5', '--code', 'Tema']).code).toBe(2);

    const codes = json(['codes', sample]) as { path: string; quotations: number; quotationsDeep: number; documentsDeep: number }[];
    expect(codes.filter((c) => c.path.startsWith('Tema')).length).toBe(3);
    expect(codes.find((c) => c.path === 'Tema')).toMatchObject({ quotations: 0, quotationsDeep: 2, documentsDeep: 1 });
    const listed = json(['quotes', sample, '--code', 'Tema/Kod B', '--where', `termin=${d.attributes.termin}`]);
    expect(listed.total).toBe(1);
    expect(listed.rows[0].codePaths.sort()).toEqual(['Tema/Kod A', 'Tema/Kod B']);
    expect(json(['quotes', sample, '--code', 'Tema/Kod A', '--code', 'Tema/Kod B', '--and']).total).toBe(1);
    expect(json(['quotes', sample, '--where', 'termin=NOPE']).total).toBe(0);
    const out = path.join(dir, 'citat.xlsx');
    expect(json(['quotes', sample, '--code', 'Tema', '--out', out]).rows).toBe(3);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets[0]!.rowCount).toBe(4);

    const memo = json(['memo', sample, '--code', 'Tema/Kod A', '--add', 'Tanke', '--body', 'Ett *stycke*.']);
    expect(memo).toMatchObject({ target: 'code', author: 'Bo' });
    expect((json(['memo', sample, '--code', 'Tema/Kod A']) as unknown[]).length).toBe(1);
    expect(json(['undo', sample]).done).toBe('Write memo "Tanke"');
    expect((json(['memo', sample]) as unknown[]).length).toBe(0);
    expect(json(['redo', sample]).done).toBe('Write memo "Tanke"');

    const csv = path.join(dir, 'bok.csv');
    expect(json(['codebook', sample, '--export', csv]).codes).toBe(codes.length);
    expect(readFileSync(csv, 'utf8')).toContain('Tema/Kod B');
  }, 300_000); // some 20 real processes on a busy machine
});
