/**
 * The one place that opens SQLite, and so the one place that knows about encryption.
 * Everything else receives a `Db` from here (the driver is the SQLCipher-capable fork of
 * better-sqlite3, API-identical to it).
 *
 * Encryption: SQLCipher 4 format (AES-256-CBC per page with an HMAC-SHA512, the key derived
 * from the passphrase by PBKDF2-HMAC-SHA512 with 256,000 iterations and a per-file random
 * salt). SQLite3MultipleCiphers encrypts the WAL frames like the pages, and VACUUM INTO
 * writes a copy under the same key, so migration backups and rotating backups are
 * encrypted too. Passphrases live only in this process's memory (`rememberPassphrase`),
 * keyed by the project file; a job worker gets it in its request message.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { pbkdf2Sync, randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../errors';
import { sqliteCode, storageError } from './storage-errors';

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

const passphrases = new Map<string, string>();

/** Keeps a project's passphrase in memory for the opens that follow (this process only). */
export function rememberPassphrase(file: string, passphrase: string): void {
  if (passphrase.length === 0) throw new UserError('bad-input', 'the passphrase is empty', file, 'lösenfrasen är tom');
  passphrases.set(path.resolve(file), passphrase);
}

/** Forgets a project's passphrase, and the keys derived from it when no other open file uses it. */
export function forgetPassphrase(file: string): void {
  const abs = path.resolve(file);
  const passphrase = passphrases.get(abs);
  passphrases.delete(abs);
  if (passphrase !== undefined && ![...passphrases.values()].includes(passphrase)) derivedKeys.delete(passphrase);
}

/** The passphrase remembered for a project file, if any (handed to job workers in memory). */
export function passphraseFor(file: string): string | undefined {
  return passphrases.get(path.resolve(file));
}

/**
 * A non-empty file without SQLite's plain header: an encrypted project (SQLCipher files
 * start with their random salt), or something that is no project at all, which only a
 * passphrase can tell apart.
 */
export function isEncryptedFile(file: string): boolean {
  if (!existsSync(file)) return false;
  const size = statSync(file).size;
  // SQLite files are whole pages (512 bytes at least); a text or other file is refused as before
  return size > 0 && size % 512 === 0 && !looksLikeSqlite(file);
}

export function passphraseNeeded(file: string): UserError {
  return new UserError(
    'passphrase-needed',
    'is encrypted (or is not a Rödtråd project): give its passphrase (the CLI reads RODTRAD_PASSPHRASE or asks on a terminal); the file was not changed',
    file,
    'är krypterad (eller inget Rödtråd-projekt): ange lösenfrasen (kommandoraden läser RODTRAD_PASSPHRASE eller frågar i terminalen); filen har inte ändrats',
  );
}

export function notSqlite(file: string): UserError {
  return new UserError('not-a-project', 'is not a Rödtråd project (not an SQLite database file)', file, 'är inget Rödtråd-projekt (ingen SQLite-databasfil)');
}

function wrongPassphrase(file: string): UserError {
  return new UserError(
    'wrong-passphrase',
    'cannot be opened: the passphrase is wrong (or the file is not a Rödtråd project); the file was not changed',
    file,
    'kan inte öppnas: lösenfrasen är fel (eller så är filen inget Rödtråd-projekt); filen har inte ändrats',
  );
}

/** SQLCipher 4's key derivation: PBKDF2-HMAC-SHA512, 256,000 iterations, 32-byte key, the file's 16-byte salt. */
export const KDF_ITERATIONS = 256_000;
/** Keys derived per passphrase, by the file's salt (hex). */
const derivedKeys = new Map<string, Map<string, Buffer>>();

/**
 * The key for a passphrase and a salt, derived once per process and kept in memory: SQLCipher
 * would spend a quarter of a second on every connection (a project open makes two, every job
 * worker one), and a raw key skips that while meaning exactly the same key.
 */
function derivedKey(passphrase: string, salt: Buffer): Buffer {
  let bySalt = derivedKeys.get(passphrase);
  if (!bySalt) derivedKeys.set(passphrase, (bySalt = new Map()));
  const id = salt.toString('hex');
  let key = bySalt.get(id);
  if (!key) bySalt.set(id, (key = pbkdf2Sync(Buffer.from(passphrase, 'utf8'), salt, KDF_ITERATIONS, 32, 'sha512')));
  return key;
}

/**
 * SQLCipher 4 settings (set before the key on every connection), then the key: for an
 * existing file the raw key derived with its salt, for a new one a raw key with a fresh
 * random salt (both exactly what SQLCipher derives from the passphrase itself).
 */
function applyKey(db: Db, file: string, passphrase: string): void {
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
  const existing = existsSync(file) && statSync(file).size >= 16;
  const salt = existing ? readSalt(file) : randomBytes(16);
  const key = derivedKey(passphrase, salt).toString('hex');
  db.key(Buffer.from(existing ? `x'${key}'` : `x'${key}${salt.toString('hex')}'`, 'latin1'));
}

function readSalt(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const salt = Buffer.alloc(16);
    readSync(fd, salt, 0, 16, 0);
    return salt;
  } finally {
    closeSync(fd);
  }
}

export function openDb(file: string, options: OpenOptions = {}): Db {
  const exists = existsSync(file);
  if (!exists && !options.create) throw new UserError('not-found', 'no such project file', file, 'projektfilen finns inte');
  const encrypted = exists && isEncryptedFile(file);
  if (exists && !encrypted && !looksLikeSqlite(file)) throw notSqlite(file);
  const passphrase = passphraseFor(file);
  if (encrypted && passphrase === undefined) throw passphraseNeeded(file);
  // a new (or empty) file with a remembered passphrase is created encrypted
  const useKey = passphrase !== undefined && (encrypted || !exists || statSync(file).size === 0);
  let db: Db;
  try {
    db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: !options.create });
  } catch (e) {
    throw storageError(e, file) ?? new UserError('cannot-open', `cannot be opened: ${(e as Error).message}`, file, `kan inte öppnas: ${(e as Error).message}`);
  }
  try {
    if (useKey) applyKey(db, file, passphrase);
    applyPragmas(db, options.readonly ?? false);
  } catch (e) {
    db.close();
    if (encrypted && sqliteCode(e) === 'SQLITE_NOTADB') throw wrongPassphrase(file);
    throw storageError(e, file) ?? new UserError('cannot-open', `cannot be opened: ${(e as Error).message}`, file, `kan inte öppnas: ${(e as Error).message}`);
  }
  return db;
}

/**
 * An in-memory database (the search index is built in one and later opened from its stored
 * bytes): it lives only in this process, and temp_store=MEMORY keeps its sorts and temporary
 * tables off the disk too, where they would be plain text next to an encrypted project.
 */
export function openMemoryDb(bytes?: Buffer): Db {
  const db = bytes ? new Database(bytes) : new Database(':memory:');
  db.pragma('temp_store = MEMORY');
  return db;
}

/**
 * Encrypts, re-keys (passphrase not null) or decrypts (null) the open connection's file in
 * place. SQLCipher cannot re-key in WAL mode, so the journal goes to DELETE (which folds the
 * WAL into the file) for the change and back to WAL after; the remembered passphrase follows.
 */
export function changePassphrase(db: Db, file: string, passphrase: string | null): void {
  if (passphrase !== null && passphrase.length === 0) throw new UserError('bad-input', 'the passphrase is empty', file, 'lösenfrasen är tom');
  const wasEncrypted = isEncryptedFile(file);
  db.pragma('journal_mode = DELETE');
  try {
    if (!wasEncrypted) {
      db.pragma("cipher = 'sqlcipher'");
      db.pragma('legacy = 4');
    }
    db.rekey(Buffer.from(passphrase ?? '', 'utf8'));
  } finally {
    db.pragma('journal_mode = WAL');
  }
  if (passphrase === null) forgetPassphrase(file);
  else rememberPassphrase(file, passphrase);
}

/** Temporary folders holding encrypted read-only copies, removed when their connection closes. */
const readOnlyCopies = new Map<Db, string>();

/** Closes a connection and removes what opening it created (an encrypted read-only copy). */
export function closeDb(db: Db): void {
  if (db.open) db.close();
  const dir = readOnlyCopies.get(db);
  if (dir) {
    readOnlyCopies.delete(db);
    rmSync(dir, { recursive: true, force: true });
  }
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
  if (isEncryptedFile(file)) return openEncryptedReadOnly(file);
  if (!looksLikeSqlite(file)) throw notSqlite(file);
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

/**
 * An encrypted file cannot be opened from bytes in memory (the cipher needs a file), and
 * its WAL flag sits inside the encrypted first page. So the still-encrypted bytes are
 * copied into a private temporary folder and opened there read-only; nothing readable
 * reaches the disk, and the folder goes when the connection closes (`closeDb`).
 */
function openEncryptedReadOnly(file: string): Db {
  const passphrase = passphraseFor(file);
  if (passphrase === undefined) throw passphraseNeeded(file);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rodtrad-ro-'));
  const copy = path.join(dir, path.basename(file));
  let db: Db | undefined;
  try {
    copyFileSync(file, copy);
    passphrases.set(path.resolve(copy), passphrase);
    db = openDb(copy, { readonly: true });
    readOnlyCopies.set(db, dir);
    return db;
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    if (e instanceof UserError && e.code === 'wrong-passphrase') throw wrongPassphrase(file);
    throw e;
  } finally {
    passphrases.delete(path.resolve(copy));
  }
}

function applyPragmas(db: Db, readonly: boolean): void {
  db.pragma('busy_timeout = 5000');
  // Temporary tables and sort spills stay in memory: a temp file would hold plain text.
  db.pragma('temp_store = MEMORY');
  if (!readonly) {
    db.pragma('journal_mode = WAL');
    // Deleted rows are overwritten, so deleted text leaves no readable trace in the file.
    db.pragma('secure_delete = ON');
  }
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
