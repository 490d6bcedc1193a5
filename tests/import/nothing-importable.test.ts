/**
 * A folder with nothing Rödtråd can import says why: every entry left out has a skipped
 * result with its reason (a symbolic link is not followed), and the batch result carries
 * a notice when nothing was imported, which the CLI prints (and the import dialog shows).
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rodtrad } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';
import { newProject, runImport } from './helpers';

const dir = tempDir('rodtrad-nothing');

function folderOfLinks(name: string): string {
  const targets = path.join(dir, `${name}-targets`);
  mkdirSync(targets);
  writeFileSync(path.join(targets, 'intervju.txt'), 'I: Hej.\n\nAA: Hej.');
  const folder = path.join(dir, name);
  mkdirSync(folder);
  symlinkSync(path.join(targets, 'intervju.txt'), path.join(folder, 'intervju.txt'));
  symlinkSync(targets, path.join(folder, 'mapp'));
  writeFileSync(path.join(folder, '.dold.txt'), 'hidden');
  return folder;
}

describe('a folder with nothing to import', () => {
  it('lists each symbolic link as skipped with its reason, and says why nothing was imported', async () => {
    const folder = folderOfLinks('lankar');
    const p = newProject(dir, 'links.rodtrad');
    const r = await runImport(p, { sources: [{ path: folder }] });
    expect(r.results.map((x) => [path.basename(x.file), x.status])).toEqual([
      ['intervju.txt', 'skipped'],
      ['mapp', 'skipped'],
    ]);
    for (const x of r.results) {
      expect(x.error).toMatch(/is a symbolic link; links are not followed/);
      expect(x.errorSv).toMatch(/symbolisk länk/);
    }
    expect(r.notice).toMatch(/nothing was imported: the 2 entries found were skipped \(reasons above\); 1 hidden file was left out/);
    expect(r.noticeSv).toMatch(/inget importerades/);
    p.close();
  });

  it('an empty folder gets a notice too', async () => {
    const empty = path.join(dir, 'tom');
    mkdirSync(empty);
    const p = newProject(dir, 'empty.rodtrad');
    const r = await runImport(p, { sources: [{ path: empty }] });
    expect(r.results).toEqual([]);
    expect(r.notice).toBe(`nothing was imported: no files found in ${empty}`);
    p.close();
  });

  it('rodtrad import prints the reasons and the notice', () => {
    const folder = folderOfLinks('cli-lankar');
    const project = path.join(dir, 'cli.rodtrad');
    expect(rodtrad(['new', project]).code).toBe(0);
    const r = rodtrad(['import', project, folder]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/– .*intervju\.txt: is a symbolic link; links are not followed/);
    expect(r.stdout).toMatch(/0 imported, 2 skipped, 0 failed/);
    expect(r.stdout).toMatch(/nothing was imported: the 2 entries found were skipped/);
  });
});
