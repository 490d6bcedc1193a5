/**
 * An open project: one SQLite file, migrated to the current schema, plus the few
 * helpers every feature needs (ids, clock, the current coder, one-transaction writes).
 */
import { randomUUID } from 'node:crypto';
import { existsSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../db/driver';
import { changePassphrase, closeDb, forgetPassphrase, inTransaction, isEncryptedFile, looksLikeSqlite, notSqlite, openDb, openReadOnlyProject, rememberPassphrase, userVersion } from '../db/driver';
import { assertRodtradSchema, headerUserVersion, latestVersion, migrate, refuseNewer } from '../db/migrate';
import { UserError } from '../errors';
import { readOnlyError, storageError } from '../db/storage-errors';
import { canWriteProject } from './writable';

export const PROJECT_EXTENSION = '.rodtrad';

export class Project {
  readonly db: Db;
  readonly file: string;
  /** Opened read-only because this process cannot write the file or its folder: every write is refused. */
  readonly readOnly: boolean;
  /**
   * The project's clock (milliseconds since the epoch). Everything that stamps or times
   * project data reads it, so a test can set it instead of waiting for time to pass.
   */
  clock: () => number = envClock;
  private coderIdCache: number | undefined;
  /** The coder id found inside the running transaction: a bulk write looks it up once, not per row. */
  private txCoderId: number | undefined;

  private constructor(db: Db, file: string, readOnly = false) {
    this.db = db;
    this.file = file;
    this.readOnly = readOnly;
  }

  /** Creates a new, empty project file (encrypted when a passphrase is given). Refuses to overwrite an existing file. */
  static create(file: string, options: { name?: string; passphrase?: string } = {}): Project {
    const abs = path.resolve(file);
    if (existsSync(abs)) throw new UserError('exists', 'already exists; choose another name or open it', abs, 'finns redan; välj ett annat namn eller öppna den');
    if (options.passphrase !== undefined) rememberPassphrase(abs, options.passphrase);
    else forgetPassphrase(abs);
    // What this call creates is removed again if it fails: a failed `new` leaves no 0-byte file.
    const ours = [abs, `${abs}-wal`, `${abs}-shm`].filter((f) => !existsSync(f));
    const undoCreate = (): void => {
      forgetPassphrase(abs);
      for (const f of ours) rmSync(f, { force: true });
    };
    let db: Db;
    try {
      db = openDb(abs, { create: true });
    } catch (e) {
      undoCreate();
      throw creationError(e, abs);
    }
    try {
      migrate(db, abs);
      const p = new Project(db, abs);
      p.transaction(() => {
        p.setMeta('app', 'rodtrad');
        p.setMeta('project_guid', randomUUID());
        p.setMeta('name', options.name ?? path.basename(abs, PROJECT_EXTENSION));
        p.setMeta('created_at', p.now());
      });
      return p;
    } catch (e) {
      db.close();
      undoCreate();
      throw creationError(e, abs);
    }
  }

  /**
   * Opens an existing project, upgrading its schema (after a backup copy) when it is older.
   * An encrypted one needs its passphrase, given here or remembered from an earlier open; a
   * wrong one is forgotten again and nothing is written.
   */
  static open(file: string, options: { passphrase?: string } = {}): Project {
    const abs = path.resolve(file);
    if (!existsSync(abs)) throw new UserError('not-found', 'no such project file', abs, 'projektfilen finns inte');
    refuseNonFile(abs);
    if (options.passphrase !== undefined) rememberPassphrase(abs, options.passphrase);
    try {
      return Project.openFile(abs);
    } catch (e) {
      if (options.passphrase !== undefined && e instanceof UserError && e.code === 'wrong-passphrase') forgetPassphrase(abs);
      throw e;
    }
  }

  private static openFile(abs: string): Project {
    const encrypted = isEncryptedFile(abs);
    if (!encrypted && !looksLikeSqlite(abs)) throw notSqlite(abs);
    // an encrypted header is unreadable; the version is checked once the file is open
    const headerVersion = encrypted ? 0 : headerUserVersion(abs);
    if (headerVersion > latestVersion()) refuseNewer(abs, headerVersion);
    if (!canWriteProject(abs)) return Project.openReadOnly(abs);
    // Look before writing: a foreign SQLite file must not even get its journal mode changed.
    const probe = openDb(abs, { readonly: true });
    try {
      assertRodtradSchema(probe, abs);
      // The header can be older than the WAL (a copy taken while the project was open): a
      // read-only connection reads user_version through the WAL and writes nothing, whereas
      // closing a read-write one would checkpoint the newer WAL into the file.
      const version = userVersion(probe);
      if (version > latestVersion()) refuseNewer(abs, version);
    } finally {
      probe.close();
    }
    const db = openDb(abs);
    try {
      migrate(db, abs);
      return new Project(db, abs);
    } catch (e) {
      db.close();
      throw storageError(e, abs) ?? e;
    }
  }

  private static openReadOnly(abs: string): Project {
    const db = openReadOnlyProject(abs);
    try {
      assertRodtradSchema(db, abs);
      const version = userVersion(db);
      if (version > latestVersion()) refuseNewer(abs, version);
      if (version < latestVersion()) {
        throw new UserError(
          'read-only',
          `is read-only and from an older version of Rödtråd (project format ${version}); it must be upgraded before it can be opened. Make the file and its folder writable, or open a copy`,
          abs,
          `är skrivskyddad och från en äldre version av Rödtråd (projektformat ${version}); den måste uppgraderas innan den kan öppnas. Gör filen och dess mapp skrivbara, eller öppna en kopia`,
        );
      }
      return new Project(db, abs, true);
    } catch (e) {
      closeDb(db);
      throw storageError(e, abs) ?? e;
    }
  }

  close(): void {
    closeDb(this.db);
  }

  /**
   * Encrypts the file with a passphrase, changes it, or (null) decrypts the file. Not inside
   * a transaction: the whole file is rewritten under the new key in one step by SQLite.
   */
  setPassphrase(passphrase: string | null): void {
    if (this.readOnly) throw readOnlyError(this.file);
    if (this.db.inTransaction) throw new Error('setPassphrase inside a transaction');
    try {
      changePassphrase(this.db, this.file, passphrase);
    } catch (e) {
      throw storageError(e, this.file) ?? e;
    }
  }

  /** Whether the file is encrypted (opened with a passphrase). */
  get encrypted(): boolean {
    return isEncryptedFile(this.file);
  }

  get schemaVersion(): number {
    return userVersion(this.db);
  }

  /**
   * fn as one IMMEDIATE transaction (joining an open one). A storage failure of the whole
   * transaction (the lock still taken after busy_timeout, a full disk, a read-only file) is
   * rolled back by SQLite and reported as a UserError naming the project; inside an outer
   * transaction errors pass through untouched for the outer one to report.
   */
  transaction<T>(fn: () => T): T {
    if (this.readOnly) throw readOnlyError(this.file);
    if (this.db.inTransaction) return fn();
    try {
      return inTransaction(this.db, fn);
    } catch (e) {
      throw storageError(e, this.file) ?? e;
    } finally {
      // what was looked up inside may have been rolled back with it
      this.txCoderId = undefined;
    }
  }

  /** The time stamps writes and exports carry; RODTRAD_NOW (an ISO time) fixes it, so tests never read the wall clock. */
  now(): string {
    return new Date(this.clock()).toISOString();
  }

  guid(): string {
    return randomUUID();
  }

  getMeta(key: string): string | undefined {
    const row = this.db.prepare('SELECT value FROM project_meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value;
  }

  setMeta(key: string, value: string): void {
    this.db.prepare('INSERT INTO project_meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  /** Content version: bumped by triggers whenever searchable content changes. */
  contentVersion(): number {
    return Number(this.getMeta('content_version') ?? '0');
  }

  /** The coder whose work is recorded: set in the project, else the OS user. */
  currentCoderName(): string {
    return this.getMeta('current_coder') ?? defaultCoderName();
  }

  /**
   * The current coder's row, created on first use (so reading a project never writes to it).
   * Only a row made outside a transaction is remembered: one made inside may be rolled back.
   */
  currentCoderId(): number {
    if (this.coderIdCache !== undefined) return this.coderIdCache;
    if (!this.db.inTransaction) this.txCoderId = undefined;
    else if (this.txCoderId !== undefined) return this.txCoderId;
    const id = this.ensureCoder(this.currentCoderName());
    if (this.db.inTransaction) this.txCoderId = id;
    else this.coderIdCache = id;
    return id;
  }

  /** The current coder by name and GUID; guid is null until the coder's row exists (first coding or setCurrentCoder). */
  currentCoder(): { id: number | null; name: string; guid: string | null; chosen: boolean } {
    const name = this.currentCoderName();
    const row = this.db.prepare('SELECT id, guid FROM coders WHERE name = ?').get(name) as { id: number; guid: string } | undefined;
    return { id: row?.id ?? null, name, guid: row?.guid ?? null, chosen: this.getMeta('current_coder') !== undefined };
  }

  setCurrentCoder(name: string): number {
    const id = this.transaction(() => {
      this.setMeta('current_coder', name);
      return this.ensureCoder(name);
    });
    this.txCoderId = undefined;
    this.coderIdCache = id;
    return id;
  }

  ensureCoder(name: string): number {
    const row = this.db.prepare('SELECT id FROM coders WHERE name = ?').get(name) as { id: number } | undefined;
    if (row) return row.id;
    return Number(this.db.prepare('INSERT INTO coders(guid, name, created_at) VALUES (?, ?, ?)').run(this.guid(), name, this.now()).lastInsertRowid);
  }
}

/** A folder, or a 0-byte file (with no WAL holding its pages), is no project: refused before SQLite would turn it into one. */
function refuseNonFile(abs: string): void {
  const st = statSync(abs);
  if (st.isDirectory()) throw new UserError('not-a-project', 'is a folder, not a project file; give the .rodtrad file inside it', abs, 'är en mapp, ingen projektfil; ange .rodtrad-filen i den');
  if (!st.isFile()) throw new UserError('not-a-project', 'is not a regular file', abs, 'är ingen vanlig fil');
  const wal = `${abs}-wal`;
  if (st.size === 0 && !(existsSync(wal) && statSync(wal).size > 0)) {
    throw new UserError('not-a-project', 'is empty (0 bytes), not a Rödtråd project; it was left as it is', abs, 'är tom (0 byte), inget Rödtråd-projekt; den har lämnats som den är');
  }
}

/** Why a new project could not be made, in words (the disk, the folder), naming the file. */
function creationError(e: unknown, abs: string): unknown {
  const why = storageError(e, abs);
  if (!why || why.code === 'exists') return e;
  const reasons: Record<string, { en: string; sv: string }> = {
    io: { en: 'the disk reported an error; check the folder and the disk. No file was left behind', sv: 'disken rapporterade ett fel; kontrollera mappen och disken. Ingen fil lämnades kvar' },
    'disk-full': { en: 'the disk is full. No file was left behind', sv: 'disken är full. Ingen fil lämnades kvar' },
    'read-only': { en: 'the folder cannot be written. No file was left behind', sv: 'mappen kan inte skrivas. Ingen fil lämnades kvar' },
    busy: { en: 'another program is using the file. No file was left behind', sv: 'ett annat program använder filen. Ingen fil lämnades kvar' },
  };
  const r = reasons[why.code];
  if (!r) return why;
  return new UserError('cannot-create', `cannot be created: ${r.en}`, abs, `kan inte skapas: ${r.sv}`);
}

function defaultCoderName(): string {
  try {
    return os.userInfo().username || 'coder';
  } catch {
    return 'coder';
  }
}

/** The wall clock, unless RODTRAD_NOW (an ISO time) fixes it for a process a test starts (the CLI, export workers). */
function envClock(): number {
  const fixed = process.env.RODTRAD_NOW;
  const at = fixed ? Date.parse(fixed) : Number.NaN;
  return Number.isNaN(at) ? Date.now() : at;
}
