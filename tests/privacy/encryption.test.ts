/**
 * Encrypted projects: created encrypted, encrypted and decrypted in place, passphrase
 * changed; a missing or wrong passphrase gets a clear error (English and Swedish) and leaves
 * the file and its folder exactly as they were; copies (backup, upgrade copy, read-only
 * copy) are encrypted too, and job workers open the project with the passphrase.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { Session } from '../../electron/core/api/session';
import { forgetPassphrase, isEncryptedFile, openDb, rememberPassphrase } from '../../electron/core/db/driver';
import { latestVersion, loadMigrations, migrate } from '../../electron/core/db/migrate';
import { UserError } from '../../electron/core/errors';
import { Project } from '../../electron/core/project/project';
import { tempDir } from '../helpers/tmp';

const dir = tempDir('rodtrad-encryption');
const SECRET = 'ZQX-hemlig-text-7731';
const PASS = 'korrekt häst batteri';

function caught(fn: () => unknown): UserError {
  try {
    fn();
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error('expected a UserError');
}

function encryptedProjectWithText(name: string): string {
  const file = path.join(dir, name);
  const p = Project.create(file, { passphrase: PASS });
  p.transaction(() => p.setMeta('note', SECRET));
  p.close();
  forgetPassphrase(file);
  return file;
}

function folderSnapshot(folder: string): Record<string, string> {
  return Object.fromEntries(readdirSync(folder).sort().map((f) => [f, readFileSync(path.join(folder, f)).toString('base64')]));
}

afterEach(() => {
  delete process.env.RODTRAD_TEST_UNWRITABLE;
});

describe('encrypted projects', () => {
  it('are created encrypted: no SQLite header, no readable text, and open with the passphrase', () => {
    const file = encryptedProjectWithText('ny.rodtrad');
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    expect(bytes.includes(SECRET)).toBe(false);
    expect(isEncryptedFile(file)).toBe(true);
    const p = Project.open(file, { passphrase: PASS });
    expect(p.getMeta('note')).toBe(SECRET);
    expect(p.encrypted).toBe(true);
    expect(p.db.pragma('secure_delete', { simple: true })).toBe(1);
    expect(p.db.pragma('temp_store', { simple: true })).toBe(2);
    p.close();
  });

  it('is a standard SQLCipher 4 file: SQLCipher itself opens it with the passphrase (the raw key Rödtråd derives is the same)', () => {
    const file = encryptedProjectWithText('standard.rodtrad');
    const db = new Database(file, { readonly: true });
    db.pragma("cipher = 'sqlcipher'");
    db.pragma('legacy = 4');
    db.key(Buffer.from(PASS, 'utf8'));
    expect(db.prepare("SELECT value FROM project_meta WHERE key = 'note'").pluck().get()).toBe(SECRET);
    expect(db.pragma('cipher', { simple: true })).toBe('sqlcipher');
    db.close();
  });

  it('without a passphrase, or with a wrong one, say so in English and Swedish and leave the folder byte-identical', () => {
    const file = encryptedProjectWithText('orord.rodtrad');
    const before = folderSnapshot(dir);
    const missing = caught(() => Project.open(file));
    expect(missing.code).toBe('passphrase-needed');
    expect(missing.message).toContain('orord.rodtrad');
    expect(missing.sv).toMatch(/lösenfras/);
    const wrong = caught(() => Project.open(file, { passphrase: 'fel fras' }));
    expect(wrong.code).toBe('wrong-passphrase');
    expect(wrong.message).toMatch(/passphrase is wrong.*not changed/);
    expect(wrong.sv).toMatch(/lösenfrasen är fel/);
    // the wrong one is not remembered: the next open without one asks again
    expect(caught(() => Project.open(file)).code).toBe('passphrase-needed');
    expect(folderSnapshot(dir)).toEqual(before);
  });

  it('a wrong passphrase through the dispatch table travels with its Swedish message', async () => {
    const file = encryptedProjectWithText('dispatch.rodtrad');
    const s = new Session('test');
    await expect(dispatch(s, 'project.open', { path: file, passphrase: 'nej' })).rejects.toMatchObject({ code: 'wrong-passphrase' });
    const info = await dispatch(s, 'project.open', { path: file, passphrase: PASS });
    expect(info.encrypted).toBe(true);
    s.dispose();
  });

  it('encrypt an existing project, change the passphrase, decrypt it again; the data stays', async () => {
    const file = path.join(dir, 'byte.rodtrad');
    const s = new Session('test');
    s.createProject(file);
    await dispatch(s, 'codes.create', { name: SECRET });
    expect(readFileSync(file).subarray(0, 15).toString()).toBe('SQLite format 3');
    expect(await dispatch(s, 'project.setPassphrase', { passphrase: PASS })).toEqual({ encrypted: true });
    // the open connection keeps working, in WAL mode again
    await dispatch(s, 'codes.create', { name: 'Efter kryptering' });
    expect(s.requireProject().db.pragma('journal_mode', { simple: true })).toBe('wal');
    s.closeProject();
    forgetPassphrase(file);
    expect(readFileSync(file).includes(SECRET)).toBe(false);
    expect(existsSync(`${file}-wal`) ? readFileSync(`${file}-wal`).includes(SECRET) : false).toBe(false);
    expect(caught(() => Project.open(file)).code).toBe('passphrase-needed');

    s.openProject(file, PASS);
    await dispatch(s, 'project.setPassphrase', { passphrase: 'ny fras' });
    s.closeProject();
    forgetPassphrase(file);
    expect(caught(() => Project.open(file, { passphrase: PASS })).code).toBe('wrong-passphrase');

    s.openProject(file, 'ny fras');
    expect(await dispatch(s, 'project.setPassphrase', { passphrase: null })).toEqual({ encrypted: false });
    s.closeProject();
    expect(readFileSync(file).subarray(0, 15).toString()).toBe('SQLite format 3');
    s.openProject(file);
    expect((await dispatch(s, 'codes.tree', {})).map((c) => c.name).sort()).toEqual(['Efter kryptering', SECRET].sort());
    s.dispose();
  });

  it('a backup copy is encrypted under the same passphrase', async () => {
    const file = encryptedProjectWithText('kopia.rodtrad');
    const s = new Session('test');
    s.openProject(file, PASS);
    const copy = path.join(dir, 'kopia-backup.rodtrad');
    await dispatch(s, 'project.backup', { path: copy });
    s.dispose();
    expect(readFileSync(copy).includes(SECRET)).toBe(false);
    expect(caught(() => Project.open(copy)).code).toBe('passphrase-needed');
    const p = Project.open(copy, { passphrase: PASS });
    expect(p.getMeta('note')).toBe(SECRET);
    p.close();
  });

  it('an upgrade copy (<file>.vN-backup) is encrypted too', () => {
    const file = encryptedProjectWithText('uppgradering.rodtrad');
    rememberPassphrase(file, PASS);
    const db = openDb(file);
    const next = latestVersion() + 1;
    const r = migrate(db, file, next, [...loadMigrations(), { version: next, name: 'test', sql: 'CREATE TABLE extra(x)' }]);
    db.close();
    expect(r.backup).toBe(`${file}.v${latestVersion()}-backup`);
    expect(readFileSync(r.backup!).includes(SECRET)).toBe(false);
    expect(isEncryptedFile(r.backup!)).toBe(true);
    forgetPassphrase(file);
  });

  it('opens read-only (a file this process cannot write) from an encrypted copy that goes away on close', () => {
    const file = encryptedProjectWithText('skrivskydd.rodtrad');
    process.env.RODTRAD_TEST_UNWRITABLE = file;
    const before = folderSnapshot(dir);
    const p = Project.open(file, { passphrase: PASS });
    expect(p.readOnly).toBe(true);
    expect(p.getMeta('note')).toBe(SECRET);
    const copyDir = path.dirname(p.db.name);
    expect(copyDir).not.toBe(dir);
    expect(readFileSync(p.db.name).includes(SECRET)).toBe(false);
    p.close();
    expect(existsSync(copyDir)).toBe(false);
    expect(folderSnapshot(dir)).toEqual(before);
    forgetPassphrase(file);
  });

  it('job workers open the encrypted project with the passphrase handed over in memory', async () => {
    const file = encryptedProjectWithText('jobb.rodtrad');
    const s = new Session('test');
    s.openProject(file, PASS);
    const r = await dispatch(s, 'project.check', {});
    expect(r).toEqual({ ok: true, problems: [] });
    s.dispose();
  });
});
