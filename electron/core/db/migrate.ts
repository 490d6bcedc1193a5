/**
 * Numbered plain-SQL migrations (migrations/NNN_name.sql), tracked by PRAGMA user_version.
 * All pending migrations run in one transaction; an existing project is copied first.
 */
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors';
import { migrationsDir } from '../paths';
import type { Db } from './driver';
import { userVersion } from './driver';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

let cache: Migration[] | undefined;

export function loadMigrations(dir = migrationsDir()): Migration[] {
  if (cache && dir === migrationsDir()) return cache;
  const found = readdirSync(dir)
    .map((f) => /^(\d{3})_([\w-]+)\.sql$/.exec(f))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ version: Number(m[1]), name: m[2]!, sql: readFileSync(path.join(dir, m[0]), 'utf8') }))
    .sort((a, b) => a.version - b.version);
  // Numbers are handed out per line of work, so one may land before a lower one: ascending and
  // unique is the rule; a number not yet merged is simply absent.
  found.forEach((m, i) => {
    if (i > 0 && m.version === found[i - 1]!.version) throw new Error(`two migrations are numbered ${String(m.version).padStart(3, '0')}`);
  });
  if (dir === migrationsDir()) cache = found;
  return found;
}

export const latestVersion = (): number => loadMigrations().at(-1)?.version ?? 0;

/**
 * user_version straight from the file header (offset 60, big-endian), read before SQLite
 * opens the file, so that a project from a newer version is refused without a single byte
 * of it changing (opening in WAL mode would rewrite the header).
 */
export function headerUserVersion(file: string): number {
  if (statSync(file).size < 100) return 0;
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(4);
    readSync(fd, buf, 0, 4, 60);
    return buf.readUInt32BE(0);
  } finally {
    closeSync(fd);
  }
}

export function refuseNewer(file: string, version: number): never {
  throw new UserError(
    'newer-version',
    `was saved by a newer version of Rödtråd (project format ${version}; this version reads up to ${latestVersion()}). Update Rödtråd to open it; the file was left untouched`,
    file,
    `sparades av en nyare version av Rödtråd (projektformat ${version}; den här versionen läser upp till ${latestVersion()}). Uppdatera Rödtråd för att öppna den; filen har inte ändrats`,
  );
}

export interface MigrateResult {
  from: number;
  to: number;
  backup?: string;
}

export function migrate(db: Db, file: string, target = latestVersion(), migrations = loadMigrations()): MigrateResult {
  const from = userVersion(db);
  if (from > (migrations.at(-1)?.version ?? 0)) refuseNewer(file, from);
  assertRodtradSchema(db, file, from);
  if (from >= target) return { from, to: from };
  return applyMigrations(db, file, from, target, migrations);
}

/** Throws unless db is empty (a new project) or has Rödtråd's schema; reads only. */
export function assertRodtradSchema(db: Db, file: string, from = userVersion(db)): void {
  if (from === 0) {
    const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
    if (tables.n > 0) throw new UserError('not-a-project', 'is an SQLite database, but not a Rödtråd project', file, 'är en SQLite-databas men inget Rödtråd-projekt');
  } else {
    const meta = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'project_meta'").get();
    if (!meta) throw new UserError('not-a-project', 'is an SQLite database, but not a Rödtråd project', file, 'är en SQLite-databas men inget Rödtråd-projekt');
  }
}

/**
 * `<file>.vN-backup`, or `<file>.vN-backup-2`, `-3` … when an earlier upgrade's copy is still
 * there: VACUUM INTO refuses an existing file, and a kept old copy must neither block opening
 * nor be overwritten.
 */
export function unusedBackupName(file: string, from: number): string {
  const base = `${file}.v${from}-backup`;
  if (!existsSync(base)) return base;
  for (let i = 2; ; i++) if (!existsSync(`${base}-${i}`)) return `${base}-${i}`;
}

function applyMigrations(db: Db, file: string, from: number, target: number, migrations: Migration[]): MigrateResult {

  let backup: string | undefined;
  if (from > 0 && file !== ':memory:') {
    backup = unusedBackupName(file, from);
    try {
      // VACUUM INTO also works for encrypted projects, where the backup API does not.
      db.prepare('VACUUM INTO ?').run(backup);
    } catch (e) {
      throw new UserError(
        'cannot-write',
        `needs an upgrade, but the backup copy ${path.basename(backup)} cannot be written next to it (${(e as Error).message}); the project was left untouched`,
        file,
        `behöver uppgraderas, men säkerhetskopian ${path.basename(backup)} kan inte skrivas bredvid den (${(e as Error).message}); projektet har inte ändrats`,
      );
    }
  }
  const pending = migrations.filter((m) => m.version > from && m.version <= target);
  db.exec('BEGIN IMMEDIATE');
  try {
    for (const m of pending) db.exec(m.sql);
    db.pragma(`user_version = ${target}`);
    db.exec('COMMIT');
  } catch (e) {
    db.exec('ROLLBACK');
    throw e;
  }
  return { from, to: target, backup };
}
