/**
 * The canary (issue 15's acceptance): a document holding a unique random string and a
 * person's name goes into an encrypted project and through the whole life of a study —
 * imported, coded, searched (the index is built), backed up, a quotation deleted, exported
 * with pseudonyms — all by the real CLI with its own temp folder. Afterwards a byte search
 * of every file in the project's folder, the backup folder and the temp folder finds
 * neither the canary nor the name (as UTF-8 or UTF-16), and the export holds the pseudonym.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readExportText } from '../../electron/core/privacy/export-text';
import { rodtrad } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? allFiles(p) : e.isFile() ? [p] : [];
  });
}

describe('the canary', () => {
  it('is found in no file of the project folder, the backup folder or the temp folder; the export holds the pseudonym', async () => {
    const base = tempDir('rodtrad-canary');
    const at = (d: string): string => path.join(base, d);
    const [projectDir, backupDir, tmp, input, exportDir] = [at('projekt'), at('kopior'), at('tmp'), at('indata'), at('export')];
    for (const d of [projectDir, backupDir, tmp, input, exportDir]) mkdirSync(d);
    const canary = `KANARIE${randomBytes(12).toString('hex')}`;
    const name = 'Ingrid Holmqvist';
    const text = [
      'I: Hur gick mötet?',
      '',
      `AB: ${name} berättade om ärendet ${canary} och om hur samverkan fungerar med skolan i stadsdelen.`,
      '',
      `CD: Vi pratade också med ${name} om sekretess och om vad socialtjänsten får säga.`,
    ].join('\n');
    writeFileSync(path.join(input, 'grupp-3.txt'), text);
    const env = { TMPDIR: tmp, RODTRAD_PASSPHRASE: 'kanariefågel i gruvan' };
    const file = path.join(projectDir, 'studie.rodtrad');
    const run = (args: string[]): string => {
      const r = rodtrad(args, { env });
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      return r.stdout;
    };

    run(['new', file, '--encrypt']);
    run(['import', file, path.join(input, 'grupp-3.txt')]);
    const start = text.indexOf(name);
    run(['code', file, '--doc', 'grupp-3', '--start', String(start), '--end', String(text.indexOf('skolan')), '--code', 'Tema/Samverkan', '--create-codes', '--comment', `om ${canary}`]);
    const second = text.lastIndexOf(name);
    const coded = JSON.parse(run(['code', file, '--doc', 'grupp-3', '--start', String(second), '--end', String(text.length), '--code', 'Tema/Sekretess', '--create-codes', '--json'])) as { id: number };
    const hits = JSON.parse(run(['search', file, canary.toLowerCase(), '--json'])) as { total: number };
    expect(hits.total).toBe(1);
    run(['backup', file, path.join(backupDir, 'kopia.rodtrad')]);
    run(['quotes', file, '--delete', String(coded.id)]);
    run(['pseudonyms', file, '--add', `${name}=Person A`, '--add', `${canary}=ärende X`]);
    const exported = path.join(exportDir, 'tema.docx');
    expect(run(['table', file, '--quotes', '3', '--out', exported])).toMatch(/Checked: no real names/);
    run(['quotes', file, '--out', path.join(exportDir, 'citat.csv')]);

    const exportText = (await readExportText(readFileSync(exported), 'docx')).map((p) => p.text).join('\n');
    expect(exportText).toContain('Person A berättade om ärendet ärende X');
    expect(exportText).not.toContain('Holmqvist');
    expect(readFileSync(path.join(exportDir, 'citat.csv'), 'utf8')).not.toContain('Holmqvist');

    const needles = [canary, name, 'Holmqvist'].flatMap((s) => [
      { what: `${s} (UTF-8)`, bytes: Buffer.from(s, 'utf8') },
      { what: `${s} (UTF-16)`, bytes: Buffer.from(s, 'utf16le') },
    ]);
    const searched = [projectDir, backupDir, tmp].flatMap(allFiles);
    expect(searched.length).toBeGreaterThanOrEqual(2); // the project and its copy at least
    for (const f of searched) {
      const bytes = readFileSync(f);
      for (const n of needles) expect(bytes.includes(n.bytes), `${n.what} in ${f} (${statSync(f).size} bytes)`).toBe(false);
    }
    // the project really holds it: opened with the passphrase, the canary is there
    expect(run(['text', file, 'grupp-3'])).toContain(canary);
  });
});
