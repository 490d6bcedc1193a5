import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { headerUserVersion, latestVersion, loadMigrations, migrate } from '../../electron/core/db/migrate';
import { openDb } from '../../electron/core/db/driver';
import { Project } from '../../electron/core/project/project';
import { tempDir } from '../helpers/tmp';

const dir = tempDir('migrations');
let n = 0;
const fresh = (): string => path.join(dir, `p${++n}.rodtrad`);

/** The schema as SQLite reports it, in a stable order: what the snapshot pins down. */
function schemaOf(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db.prepare("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type, name").all() as { type: string; name: string; sql: string }[];
    return `${rows.map((r) => `-- ${r.type} ${r.name}\n${r.sql};`).join('\n\n')}\n`;
  } finally {
    db.close();
  }
}

describe('migrations', () => {
  it('are numbered ascending without repeats and the latest is the schema version of a new project', () => {
    const all = loadMigrations();
    expect(all.length).toBeGreaterThan(0);
    all.forEach((m, i) => expect(m.version).toBeGreaterThan(i > 0 ? all[i - 1]!.version : 0));
    const p = Project.create(fresh());
    expect(p.schemaVersion).toBe(latestVersion());
    p.close();
  });

  it('match the schema snapshot', async () => {
    const file = fresh();
    Project.create(file).close();
    await expect(schemaOf(file)).toMatchFileSnapshot('./schema.snapshot.sql');
  });

  it('upgrade a project from every older version to the same schema as a new project, keeping its data, after a backup copy', () => {
    const target = fresh();
    Project.create(target).close();
    const expected = schemaOf(target);
    for (let from = 1; from < latestVersion(); from++) {
      const file = fresh();
      const db = openDb(file, { create: true });
      migrate(db, file, from);
      db.prepare("INSERT INTO project_meta(key, value) VALUES ('app', 'rodtrad'), ('name', 'gammal') ON CONFLICT(key) DO UPDATE SET value = excluded.value").run();
      db.close();
      const p = Project.open(file);
      expect(p.schemaVersion).toBe(latestVersion());
      expect(p.getMeta('name')).toBe('gammal');
      p.close();
      expect(existsSync(`${file}.v${from}-backup`)).toBe(true);
      expect(schemaOf(file)).toBe(expected);
    }
    // version 0 (an empty file) → latest is what Project.create does; covered above
    expect(latestVersion()).toBeGreaterThanOrEqual(1);
  });

  it('roll back completely when a migration fails: the project keeps its old version and data', () => {
    const file = fresh();
    const good = loadMigrations();
    const db = openDb(file, { create: true });
    migrate(db, file, good.length);
    db.prepare("INSERT INTO project_meta(key, value) VALUES ('name', 'orörd')").run();
    const broken = [...good, { version: good.length + 1, name: 'broken', sql: 'CREATE TABLE extra(x); ALTER TABLE nosuch ADD COLUMN y;' }];
    expect(() => migrate(db, file, good.length + 1, broken)).toThrow(/nosuch/);
    expect(db.pragma('user_version', { simple: true })).toBe(good.length);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'extra'").pluck().get()).toBe(0);
    expect(db.prepare("SELECT value FROM project_meta WHERE key = 'name'").pluck().get()).toBe('orörd');
    db.close();
    expect(existsSync(`${file}.v${good.length}-backup`)).toBe(true);
  });

  it('refuse a project from a newer version and leave the file byte-identical', () => {
    const file = fresh();
    Project.create(file).close();
    const db = new Database(file);
    db.pragma('journal_mode = DELETE');
    db.pragma(`user_version = ${latestVersion() + 5}`);
    db.close();
    const before = readFileSync(file);
    expect(headerUserVersion(file)).toBe(latestVersion() + 5);
    expect(() => Project.open(file)).toThrow(/newer version of Rödtråd/);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuse a file that is not SQLite, and an SQLite file that is not a project', () => {
    const text = fresh();
    writeFileSync(text, 'Intervjuare: hej\n'.repeat(20));
    expect(() => Project.open(text)).toThrow(/not a Rödtråd project \(not an SQLite database file\)/);
    const other = fresh();
    const db = new Database(other);
    db.exec('CREATE TABLE t(x)');
    db.close();
    const before = readFileSync(other);
    expect(() => Project.open(other)).toThrow(/SQLite database, but not a Rödtråd project/);
    expect(readFileSync(other).equals(before)).toBe(true);
  });

  it('open projects with WAL, synchronous=FULL, foreign keys and a busy timeout', () => {
    const p = Project.create(fresh());
    expect(p.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(p.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(p.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(p.db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    p.close();
  });

  it('refuse to create a project over an existing file', () => {
    const file = fresh();
    writeFileSync(file, '');
    expect(() => Project.create(file)).toThrow(/already exists/);
    expect(path.basename(file)).toMatch(/\.rodtrad$/);
  });
});

describe('migration backups', () => {
  it('a leftover backup from an earlier upgrade does not stop the project from opening; the new backup gets its own name', () => {
    const file = fresh();
    const db = openDb(file, { create: true });
    migrate(db, file, 1);
    db.prepare("INSERT INTO project_meta(key, value) VALUES ('app', 'rodtrad'), ('name', 'gammal') ON CONFLICT(key) DO UPDATE SET value = excluded.value").run();
    db.close();
    const leftover = `${file}.v1-backup`;
    writeFileSync(leftover, 'an old backup the user kept');
    const p = Project.open(file);
    expect(p.schemaVersion).toBe(latestVersion());
    expect(p.getMeta('name')).toBe('gammal');
    p.close();
    expect(readFileSync(leftover, 'utf8')).toBe('an old backup the user kept');
    const second = `${file}.v1-backup-2`;
    expect(existsSync(second)).toBe(true);
    const copy = new Database(second, { readonly: true });
    expect(copy.prepare("SELECT value FROM project_meta WHERE key = 'name'").pluck().get()).toBe('gammal');
    copy.close();
  });
});
