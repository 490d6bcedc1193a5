import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { rodtrad } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';
import { buildFixture } from './fixture';

describe('rodtrad table / matrix / cooccur', () => {
  const dir = tempDir('tables-cli');
  const fx = buildFixture(dir, { documents: 6, quotations: 80, seed: 3 });
  const file = fx.p.file;
  fx.p.close();

  it('table writes a DOCX with a landscape page and k-of-n counts within --where', async () => {
    const out = path.join(dir, 't.docx');
    const r = rodtrad(['table', file, '--layout', 'ifo-table1', '--counts', 'k-of-n', '--where', 'termin=HT16', '--where', 'termin=VT17', '--landscape', '--out', out, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).path).toBe(out);
    const xml = await (await JSZip.loadAsync(readFileSync(out))).file('word/document.xml')!.async('string');
    expect(xml).toMatch(/w:orient="landscape"/);
    const n = fx.docs.filter((d) => d.termin === 'HT16' || d.termin === 'VT17').length;
    expect(xml).toContain(` av ${n})`);
  });

  it('matrix and cooccur write XLSX/CSV; bad options exit 2, unknown attributes exit 1', () => {
    const m = path.join(dir, 'm.csv');
    expect(rodtrad(['matrix', file, '--cols', 'grupp', '--cells', 'presence', '--out', m]).code).toBe(0);
    expect(readFileSync(m, 'utf8').split('\r\n')[0]).toBe('\ufeffKod;chef (n=3);medarbetare (n=3)');
    const c = path.join(dir, 'c.xlsx');
    expect(rodtrad(['cooccur', file, '--by', 'document', '--out', c]).code).toBe(0);
    expect(readFileSync(c).subarray(0, 2).toString()).toBe('PK');
    expect(rodtrad(['matrix', file, '--cells', 'median', '--out', m]).code).toBe(2);
    expect(rodtrad(['table', file, '--out', path.join(dir, 'x.pdf')]).code).toBe(2);
    const bad = rodtrad(['matrix', file, '--cols', 'stadsdel', '--out', m]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/stadsdel/);
    const noLayout = rodtrad(['table', file, '--layout', 'Tabell 9', '--out', path.join(dir, 'y.md')]);
    expect(noLayout.code).toBe(1);
    expect(noLayout.stderr).toMatch(/no theme-table layout "Tabell 9"/);
  });
});
