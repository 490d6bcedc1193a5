/** The qdpx and qdc commands as a user runs them: real processes, exit codes, one-line errors. */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rodtrad } from '../helpers/cli';
import { skipUnless } from '../helpers/reference';
import { tempDir } from '../helpers/tmp';
import { sample } from './fixture';

const missing = skipUnless('REFI-QDA CLI', sample('oltas0517'), sample('taguette'));

describe.skipIf(missing)('rodtrad qdpx / qdc', () => {
  const dir = tempDir('refi-cli');

  it('imports an NVivo project with a report, exports it for NVivo, and round-trips the codebook', () => {
    const project = path.join(dir, 'nvivo.rodtrad');
    const r = rodtrad(['qdpx', 'import', sample('oltas0517').path!, project]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/2 coders, 152 codes, 2 documents, 188 quotations with 303 codings/);
    expect(r.stdout).toMatch(/115 selections repeating a range were merged/);
    // how the positions were counted, in words (the unit's id is for --json only)
    expect(r.stdout).toMatch(/Positions counted in UTF-16 units \(as NVivo does: an emoji is two\): .*videos_10_selected/);
    expect(r.stdout).not.toMatch(/utf16|codepoints/);
    const json = rodtrad(['qdpx', 'import', sample('oltas0517').path!, path.join(dir, 'nvivo-json.rodtrad'), '--json']);
    expect(JSON.parse(json.stdout).positions).toContainEqual({ source: 'videos_10_selected', unit: 'utf16' });

    const out = path.join(dir, 'nvivo.qdpx');
    const e = rodtrad(['qdpx', 'export', project, out, '--for', 'nvivo', '--json']);
    expect(e.code).toBe(0);
    expect(JSON.parse(e.stdout).counts).toMatchObject({ codes: 152, sources: 2, selections: 188, codings: 303 });
    expect(existsSync(out)).toBe(true);

    const qdc = path.join(dir, 'nvivo.qdc');
    expect(rodtrad(['qdc', 'export', project, qdc]).stdout).toMatch(/Wrote 152 codes/);
    const again = rodtrad(['qdc', 'import', project, qdc, '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ added: 0, matchedByGuid: 152, conflicts: [] });
    const tag = rodtrad(['qdc', 'import', project, sample('taguette').path!, '--on-conflict', 'both']);
    expect(tag.stdout).toMatch(/^Added 3 codes/);
  });

  it('--json prints the whole report', () => {
    const project = path.join(dir, 'json.rodtrad');
    const r = rodtrad(['qdpx', 'import', sample('oltas0517').path!, project, '--json']);
    const report = JSON.parse(r.stdout);
    expect(report.counts.selections).toBe(188);
    expect(report.origin).toBe('NVivo for Windows 12.6');
  });

  it('a bad file: exit 1, one line naming it, no project left; bad usage: exit 2', () => {
    const bad = path.join(dir, 'trasig.qdpx');
    writeFileSync(bad, '<Project xmlns="urn:QDA-XML:project:1.0" name="x"><Users></Project>');
    const project = path.join(dir, 'trasig.rodtrad');
    const r = rodtrad(['qdpx', 'import', bad, project]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`${bad}: is not well-formed XML`);
    expect(readdirSync(dir).filter((f) => f.startsWith('trasig.rodtrad'))).toEqual([]);
    expect(rodtrad(['qdpx', 'export', project, path.join(dir, 'x.qdpx'), '--for', 'word']).code).toBe(2);
    expect(rodtrad(['qdpx', 'frobnicate']).code).toBe(2);
    expect(rodtrad(['qdc', 'import', path.join(dir, 'nvivo.rodtrad'), bad, '--on-conflict', 'mine']).code).toBe(2);
  });
});
