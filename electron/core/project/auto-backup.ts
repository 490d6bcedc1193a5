/**
 * Automatic rotating backups: a copy when the desktop or browser-mode app opens a project and
 * again after every N minutes in which something changed; the last K are kept. Made with
 * VACUUM INTO (through backupProject), so a copy of an encrypted project is encrypted under the
 * same passphrase. They live in "<project>.backups/" next to the project file.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { forgetPassphrase, openDb, passphraseFor, rememberPassphrase } from '../db/driver';
import { assertRodtradSchema } from '../db/migrate';
import { UserError } from '../errors';
import { backupProject } from './backup';
import { PROJECT_EXTENSION, type Project } from './project';

export const AUTO_BACKUP_KEEP = 5;
export const AUTO_BACKUP_MINUTES = 10;

export interface BackupEntry {
  name: string;
  path: string;
  bytes: number;
  /** When it was made (ISO), from its name. */
  created: string;
}

export function backupFolder(projectFile: string): string {
  return `${projectFile}.backups`;
}

const NAME = /^(.+)-auto-(\d{8})-(\d{6})(?:-(\d+))?\.rodtrad$/u;

function stamp(now: Date): string {
  return now.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
}

/** The project's automatic backups, newest first. */
export function listBackups(projectFile: string): BackupEntry[] {
  const dir = backupFolder(projectFile);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => ({ name, m: NAME.exec(name) }))
    .filter((e): e is { name: string; m: RegExpExecArray } => e.m !== null)
    .map(({ name, m }) => {
      const [d, t] = [m[2]!, m[3]!];
      const file = path.join(dir, name);
      return { name, path: file, bytes: statSync(file).size, created: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4)}Z` };
    })
    .sort((a, b) => b.name.localeCompare(a.name));
}

/** Makes one automatic backup and removes the oldest beyond `keep`. */
export function makeAutoBackup(p: Project, now: Date, keep = AUTO_BACKUP_KEEP): BackupEntry {
  const dir = backupFolder(p.file);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stem = path.basename(p.file, PROJECT_EXTENSION);
  let target = path.join(dir, `${stem}-auto-${stamp(now)}${PROJECT_EXTENSION}`);
  for (let n = 2; existsSync(target); n++) target = path.join(dir, `${stem}-auto-${stamp(now)}-${n}${PROJECT_EXTENSION}`);
  backupProject(p, target);
  const all = listBackups(p.file);
  for (const old of all.slice(keep)) rmSync(old.path, { force: true });
  return all.find((b) => b.path === target)!;
}

/**
 * The timer's decision, apart from the timer: a backup is due when something changed since
 * the last one and N minutes have passed. The clock is passed in (tests give their own).
 */
export class AutoBackups {
  private last: number;
  private dirty = false;
  constructor(
    private readonly project: Project,
    now: Date,
    private readonly minutes = AUTO_BACKUP_MINUTES,
    private readonly keep = AUTO_BACKUP_KEEP,
  ) {
    this.last = now.getTime();
  }

  changed(): void {
    this.dirty = true;
  }

  /** Makes the backup when one is due; returns it, or null. */
  tick(now: Date): BackupEntry | null {
    if (!this.dirty || this.project.readOnly || !this.project.db.open) return null;
    if (now.getTime() - this.last < this.minutes * 60_000) return null;
    this.dirty = false;
    this.last = now.getTime();
    return makeAutoBackup(this.project, now, this.keep);
  }
}

/**
 * Puts a backup in the project's place: the project must be closed. The current file is kept
 * beside it as "<file>.before-restore-<time>" (nothing is lost by a wrong choice); the backup
 * is copied over the project through a temporary file and a rename.
 */
export function restoreBackupFile(projectFile: string, backup: string, now: Date): { kept: string } {
  if (!existsSync(backup)) throw new UserError('not-found', 'no such backup', backup, 'säkerhetskopian finns inte');
  const kept = `${projectFile}.before-restore-${stamp(now)}`;
  const tmp = `${projectFile}.restoring`;
  copyFileSync(backup, tmp);
  renameSync(projectFile, kept);
  for (const side of ['-wal', '-shm']) if (existsSync(`${projectFile}${side}`)) rmSync(`${projectFile}${side}`, { force: true });
  renameSync(tmp, projectFile);
  return { kept };
}

/** Refuses a backup that is not a Rödtråd project openable with the project's passphrase, before anything is changed. */
export function assertRestorable(projectFile: string, backup: string): void {
  if (!existsSync(backup)) throw new UserError('not-found', 'no such backup', backup, 'säkerhetskopian finns inte');
  if (path.resolve(backup) === path.resolve(projectFile)) throw new UserError('bad-input', 'is the open project itself', backup, 'är det öppna projektet självt');
  const passphrase = passphraseFor(projectFile);
  const known = passphraseFor(backup);
  if (passphrase !== undefined && known === undefined) rememberPassphrase(backup, passphrase);
  try {
    const db = openDb(backup, { readonly: true });
    try {
      assertRodtradSchema(db, backup);
    } finally {
      db.close();
    }
  } finally {
    if (known === undefined) forgetPassphrase(backup);
  }
}
