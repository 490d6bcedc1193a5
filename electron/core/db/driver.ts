/**
 * The one place that opens SQLite. Everything else receives a `Db` from here, so that
 * encrypting projects later means changing this module only (the driver is the
 * SQLCipher-capable fork of better-sqlite3, API-identical to it).
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { UserError } from '../errors';
import { storageError } from './storage-errors';

export type Db = Database.Database;
export type Statement = Database.Statement;

const SQLITE_HEADER = 'SQLite format 3\0';

export interface OpenOptions {
  /** Create the file when it does not exist (otherwise a missing file is an error). */
  create?: boolean;
  readonly?: boolean;
}

/** Reads the first 16 bytes: a non-empty file that is not SQLite is refused before SQLite touches it. */
export function looksLikeSqlite(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(16);
    const n = readSync(fd, buf, 0, 16, 0);
    if (n === 0) return true; // an empty file is a valid (empty) database
    return n === 16 && buf.toString('latin1') === SQLITE_HEADER;
  } finally {
    closeSync(fd);
  }
}

export function openDb(file: string, options: OpenOptions = {}): Db {
  const exists = existsSync(file);
  if (!exists && !options.create) throw new UserError('not-found', 'no such project file', file, 'projektfilen finns inte');
  if (exists && !looksLikeSqlite(file)) {
    throw new UserError('not-a-project', 'is not a Rödtråd project (not an SQLite database file)', file, 'är inget Rödtråd-projekt (ingen SQLite-databasfil)');
  }
  let db: Db;
  try {
    db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: !options.create });
  } catch (e) {
    throw storageError(e, file) ?? new UserError('cannot-open', `cannot be opened: ${(e as Error).message}`, file, `kan inte öppnas: ${(e as Error).message}`);
  }
  try {
    applyPragmas(db, options.readonly ?? false);
  } catch (e) {
    db.close();
    throw storageError(e, file) ?? new UserError('cannot-open', `cannot be opened: ${(e as Error).message}`, file, `kan inte öppnas: ${(e as Error).message}`);
  }
  return db;
}

/**
 * A project this process cannot write, opened without creating anything next to it.
 * SQLite would create -wal and -shm files even for a read-only connection (and leave them
 * with the file's read-only mode, so later writes fail), and cannot open at all in a
 * read-only folder; the driver accepts no `immutable` URI. So when the file holds
 * everything (no -wal, or an empty one), its bytes are read into memory and opened there,
 * read-only (the WAL flag in the copy's header is cleared so SQLite reads it as a plain
 * file; the file on disk is not touched). With a non-empty -wal (changes not yet written
 * into the file) SQLite must read that WAL, through the existing -wal and -shm.
 */
export function openReadOnlyProject(file: string): Db {
  const wal = `${file}-wal`;
  const walHoldsChanges = existsSync(wal) && statSync(wal).size > 0;
  if (walHoldsChanges) return openDb(file, { readonly: true });
  if (!looksLikeSqlite(file)) {
    throw new UserError('not-a-project', 'is not a Rödtråd project (not an SQLite database file)', file, 'är inget Rödtråd-projekt (ingen SQLite-databasfil)');
  }
  const bytes = readFileSync(file);
  if (bytes.length >= 20) {
    bytes[18] = 1; // file format write version: 1 = rollback journal, 2 = WAL
    bytes[19] = 1; // read version
  }
  let db: Db;
  try {
    db = new Database(bytes, { readonly: true });
    applyPragmas(db, true);
  } catch (e) {
    throw new UserError('cannot-open', `cannot be opened: ${(e as Error).message}`, file, `kan inte öppnas: ${(e as Error).message}`);
  }
  return db;
}

function applyPragmas(db: Db, readonly: boolean): void {
  db.pragma('busy_timeout = 5000');
  if (!readonly) db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Touch the schema so a corrupt or encrypted file fails here, not at the first query.
  db.prepare('SELECT count(*) FROM sqlite_master').get();
}

export function userVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Runs fn in one IMMEDIATE transaction (a writer lock up front, so concurrent writers queue
 * on busy_timeout). Inside an open transaction fn joins it instead of opening a savepoint:
 * the outer transaction is the unit of work, and an error anywhere rolls all of it back,
 * so callers must not catch an inner error and carry on writing.
 */
export function inTransaction<T>(db: Db, fn: () => T): T {
  if (db.inTransaction) return fn();
  return db.transaction(fn).immediate();
}

const statementCache = new WeakMap<Db, Map<string, Statement>>();

/**
 * A prepared statement, prepared once per connection and reused: better-sqlite3 does not
 * cache them, and hot paths (import, coding) would otherwise re-prepare on every call.
 * Callers must not change the returned statement's modes (pluck, raw …) — use `.pluck()`
 * only on statements whose every caller wants it, through the `pluck` flag.
 */
export function cachedStatement(db: Db, sql: string, options: { pluck?: boolean } = {}): Statement {
  let byDb = statementCache.get(db);
  if (!byDb) statementCache.set(db, (byDb = new Map()));
  const key = options.pluck ? `pluck:${sql}` : sql;
  let s = byDb.get(key);
  if (!s) byDb.set(key, (s = options.pluck ? db.prepare(sql).pluck() : db.prepare(sql)));
  return s;
}
