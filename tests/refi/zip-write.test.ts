/**
 * The zip writer of the REFI-QDA export (Node's zlib instead of JSZip's JavaScript deflate):
 * what it writes opens in JSZip, in our own archive reader and in Info-ZIP's unzip, with the
 * names in UTF-8, the contents exact, Unix file modes and no folder entries.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readArchive } from '../../electron/core/refi/archive';
import { writeZip } from '../../electron/core/refi/zip-write';
import { needTool, skipUnless } from '../helpers/reference';
import { tempDir } from '../helpers/tmp';

const unzip = needTool('unzip');

const ENTRIES = [
  { name: 'project.qde', data: `<?xml version="1.0"?><Project>${'Å ä ö 😀 '.repeat(2000)}</Project>` },
  { name: 'sources/fältanteckning 1.txt', data: 'Rad ett\nRad två\n' },
  // random bytes do not shrink: stored, not deflated
  { name: 'sources/slump.bin', data: randomBytes(4096) },
  { name: 'sources/tom.txt', data: '' },
];

describe('the REFI-QDA zip writer', () => {
  const dir = tempDir('refi-zip');

  it('writes an archive JSZip and our reader open to the same names and bytes, without folder entries', async () => {
    const bytes = writeZip(ENTRIES, new Date(2026, 11, 5, 10, 30, 14));
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files)).toEqual(ENTRIES.map((e) => e.name));
    for (const e of ENTRIES) {
      const back = await zip.files[e.name]!.async('nodebuffer');
      expect(back.equals(Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data, 'utf8')), e.name).toBe(true);
      expect(zip.files[e.name]!.unixPermissions).toBe(0o100644);
    }
    expect(zip.files['project.qde']!.date.getMinutes()).toBe(30);
    const archive = await readArchive(bytes, 'x.qdpx');
    expect([...archive.entries.keys()].sort()).toEqual(ENTRIES.map((e) => e.name).sort());
    expect(archive.entries.get('sources/fältanteckning 1.txt')!.toString('utf8')).toBe('Rad ett\nRad två\n');
  });

  it.skipIf(skipUnless('zip writer against unzip', unzip))('passes unzip\'s own test', () => {
    const file = path.join(dir, 'test.qdpx');
    writeFileSync(file, writeZip(ENTRIES, new Date(Date.UTC(2026, 11, 5, 12, 0, 0))));
    const r = spawnSync(unzip.path!, ['-tq', file], { encoding: 'utf8' });
    expect(r.stdout.trim()).toMatch(/^No errors detected/);
    expect(r.status).toBe(0);
  });
});
