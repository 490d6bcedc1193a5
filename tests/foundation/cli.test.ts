import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { latestVersion } from '../../electron/core/db/migrate';
import { rodtrad } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

const dir = tempDir('cli');

describe('rodtrad CLI (the built command, as a process)', () => {
  it('new + info --json print the counts and the schema version', () => {
    const file = path.join(dir, 'ny studie.rodtrad');
    const made = rodtrad(['new', file]);
    expect(made.code).toBe(0);
    expect(made.stdout).toContain('Created');
    const info = rodtrad(['info', file, '--json']);
    expect(info.code).toBe(0);
    const json = JSON.parse(info.stdout);
    expect(json).toMatchObject({ schemaVersion: latestVersion(), counts: { documents: 0, codes: 0, quotations: 0, memos: 0, coders: 0 } });
    expect(rodtrad(['new', file]).code).toBe(1);
  });

  it('refuses a project from a newer version with exit 1 and leaves it byte-identical', () => {
    const file = path.join(dir, 'framtid.rodtrad');
    expect(rodtrad(['new', file]).code).toBe(0);
    const db = new Database(file);
    db.pragma('journal_mode = DELETE');
    db.pragma(`user_version = ${latestVersion() + 1}`);
    db.close();
    const before = readFileSync(file);
    const r = rodtrad(['info', file, '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/framtid\.rodtrad: was saved by a newer version of Rödtråd/);
    expect(r.stdout).toBe('');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a file that is not a project with exit 1 and one line naming it, never a stack trace', () => {
    const file = path.join(dir, 'anteckningar.txt');
    writeFileSync(file, 'Det här är inte ett projekt.\n'.repeat(10));
    const r = rodtrad(['info', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`rodtrad: ${file}: is not a Rödtråd project (not an SQLite database file)\n`);
    const missing = rodtrad(['info', path.join(dir, 'saknas.rodtrad')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/saknas\.rodtrad: no such project file/);
    expect(existsSync(path.join(dir, 'saknas.rodtrad'))).toBe(false);
  });

  it('exits 2 on usage errors, 0 on --help', () => {
    expect(rodtrad([]).code).toBe(0);
    const help = rodtrad(['--help']);
    expect(help.stdout).toMatch(/Usage: rodtrad <command> <project>/);
    for (const c of ['new', 'info', 'serve', 'check', 'sample']) expect(help.stdout).toContain(`  ${c}`);
    expect(rodtrad(['info', '--help']).stdout).toContain('Usage: rodtrad info');
    expect(rodtrad(['frobnicate']).code).toBe(2);
    expect(rodtrad(['info']).code).toBe(2);
    const badOption = rodtrad(['info', path.join(dir, 'x.rodtrad'), '--nonsense']);
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toMatch(/nonsense/);
  });

  it('sample builds the bundled sample project and check finds it in order', () => {
    const file = path.join(dir, 'exempel.rodtrad');
    const r = rodtrad(['sample', file, '--json']);
    expect(r.code).toBe(0);
    const info = JSON.parse(r.stdout);
    expect(info.counts.documents).toBeGreaterThanOrEqual(8);
    expect(info.counts.codes).toBeGreaterThanOrEqual(28);
    expect(info.counts.turns).toBeGreaterThan(100);
    const copy = path.join(dir, 'kopia.rodtrad');
    const backup = rodtrad(['backup', file, copy, '--json']);
    expect(backup.code).toBe(0);
    expect(JSON.parse(rodtrad(['info', copy, '--json']).stdout).counts).toEqual(info.counts);
    expect(rodtrad(['backup', file, copy]).code).toBe(1);
    expect(rodtrad(['backup', file]).code).toBe(2);
    const check = rodtrad(['check', file, '--json']);
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout)).toEqual({ ok: true, problems: [] });
  });
});
