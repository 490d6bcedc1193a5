/**
 * SQLite's storage failures as errors the user can act on. "database or disk is full",
 * "database is locked", "attempt to write a readonly database" and "disk I/O error" are not
 * bugs in Rödtråd but facts about the disk or another program; they name the project file
 * and say what to do, in English and Swedish. Anything else stays an internal error.
 */
import { UserError } from '../errors';

/** The SQLite result code of an error from the driver ("SQLITE_FULL", "SQLITE_BUSY_SNAPSHOT" …), if it is one. */
export function sqliteCode(e: unknown): string | undefined {
  if (!(e instanceof Error) || e.name !== 'SqliteError') return undefined;
  const code = (e as Error & { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

export function readOnlyError(file: string): UserError {
  return new UserError(
    'read-only',
    'the project is read-only (the file or its folder cannot be written); nothing was changed',
    file,
    'projektet är skrivskyddat (filen eller dess mapp kan inte skrivas); inget har ändrats',
  );
}

export function storageError(e: unknown, file: string): UserError | undefined {
  if (e instanceof UserError) return e;
  const code = sqliteCode(e);
  if (code === undefined) return undefined;
  if (code === 'SQLITE_FULL') {
    return new UserError(
      'disk-full',
      'cannot be saved: the disk is full. Free some space and try again; what was saved before is intact',
      file,
      'kan inte sparas: disken är full. Frigör utrymme och försök igen; det som sparats tidigare är orört',
    );
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new UserError(
      'busy',
      'is busy: another program or window is writing to it. Nothing was changed; try again in a moment',
      file,
      'är upptagen: ett annat program eller fönster skriver i den. Inget har ändrats; försök igen om en stund',
    );
  }
  if (code.startsWith('SQLITE_READONLY')) return readOnlyError(file);
  if (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_CANTOPEN') {
    return new UserError(
      'io',
      `cannot be read or written: the disk reported an error (${(e as Error).message}). Check the disk or network drive; nothing was half-written`,
      file,
      `kan inte läsas eller skrivas: disken rapporterade ett fel (${(e as Error).message}). Kontrollera disken eller nätverksenheten; inget har skrivits till hälften`,
    );
  }
  return undefined;
}
