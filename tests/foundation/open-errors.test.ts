/**
 * Opening and creating projects fails with one clear line naming the file, never a raw
 * EISDIR, EADDRINUSE or "disk I/O error"; a failed `new` leaves no file; a 0-byte file is
 * refused, not turned into a project; a newer format found only in the -wal is refused
 * without the file being checkpointed (read through the WAL by a read-only connection).
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { latestVersion } from '../../electron/core/db/migrate';
import { Project } from '../../electron/core/project/project';
import { rodtrad } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

const dir = tempDir('rodtrad-open-errors');
const oneLine = (s: string): void => expect(s.trim().split('\n')).toHaveLength(1);

describe('opening and creating projects', () => {
  it('a folder given as the project is refused in one line', () => {
    const folder = path.join(dir, 'mapp.rodtrad');
    mkdirSync(folder);
    expect(() => Project.open(folder)).toThrow(`${folder}: is a folder, not a project file`);
    const r = rodtrad(['info', folder]);
    expect(r.code).toBe(1);
    oneLine(r.stderr);
    expect(r.stderr).toMatch(/is a folder, not a project file/);
    expect(r.stderr).not.toMatch(/EISDIR|internal error/);
  });

  it('a 0-byte .rodtrad is refused on open and stays 0 bytes', () => {
    const empty = path.join(dir, 'tom.rodtrad');
    writeFileSync(empty, '');
    expect(() => Project.open(empty)).toThrow(/is empty \(0 bytes\), not a Rödtråd project/);
    const r = rodtrad(['info', empty]);
    expect(r.code).toBe(1);
    oneLine(r.stderr);
    expect(statSync(empty).size).toBe(0);
    expect(existsSync(`${empty}-wal`)).toBe(false);
  });

  it('a failed `new` leaves no file behind and says why in one line (not "disk I/O error")', () => {
    // A folder where SQLite's -wal file must go makes the new project fail after its file was created.
    const file = path.join(dir, 'ny.rodtrad');
    mkdirSync(`${file}-wal`);
    expect(() => Project.create(file)).toThrow(/cannot be created/);
    expect(existsSync(file)).toBe(false);
    const r = rodtrad(['new', file]);
    expect(r.code).toBe(1);
    oneLine(r.stderr);
    expect(r.stderr).toContain(file);
    expect(r.stderr).toMatch(/cannot be created: the disk reported an error/);
    expect(existsSync(file)).toBe(false);
  });

  it('a newer format found only in the -wal is refused, and the file and its -wal stay byte-identical', () => {
    const original = path.join(dir, 'wal-newer.rodtrad');
    Project.create(original).close();
    const writer = new Database(original);
    writer.pragma('wal_autocheckpoint = 0');
    writer.pragma(`user_version = ${latestVersion() + 3}`);
    // A copy taken while the writer still has it open: the new version is only in the -wal.
    const copy = path.join(dir, 'wal-newer-copy.rodtrad');
    copyFileSync(original, copy);
    copyFileSync(`${original}-wal`, `${copy}-wal`);
    writer.close();
    const file = readFileSync(copy);
    const wal = readFileSync(`${copy}-wal`);
    expect(() => Project.open(copy)).toThrow(/newer version of Rödtråd \(project format \d+/);
    expect(readFileSync(copy).equals(file)).toBe(true);
    expect(readFileSync(`${copy}-wal`).equals(wal)).toBe(true);
  });

  it('rodtrad serve --port N with the port taken says so in one line', async () => {
    const sample = path.join(dir, 'serve.rodtrad');
    Project.create(sample).close();
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const r = rodtrad(['serve', sample, '--port', String(port)]);
      expect(r.code).toBe(1);
      oneLine(r.stderr);
      expect(r.stderr).toMatch(new RegExp(`port ${port} on 127\\.0\\.0\\.1 is already in use`));
      expect(r.stderr).not.toMatch(/EADDRINUSE|internal error/);
    } finally {
      blocker.close();
    }
  });
});
