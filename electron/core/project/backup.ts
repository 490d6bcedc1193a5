/**
 * "Save a copy": a consistent snapshot of the project in a new file. VACUUM INTO rather than
 * the backup API because it also works for encrypted projects (the copy keeps the key).
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors';
import { PROJECT_EXTENSION, type Project } from './project';

/**
 * Where a copy goes when the caller names no file (browser mode names none): beside the
 * project, "<name>-backup-<date and time>.rodtrad", numbered if that name is taken.
 */
export function backupTargetBeside(projectFile: string, now: Date = new Date()): string {
  const dir = path.dirname(projectFile);
  const stem = path.basename(projectFile, PROJECT_EXTENSION);
  const stamp = now.toISOString().slice(0, 19).replace('T', '-').replace(/:/g, '');
  for (let n = 1; ; n++) {
    const candidate = path.join(dir, `${stem}-backup-${stamp}${n === 1 ? '' : `-${n}`}${PROJECT_EXTENSION}`);
    if (!existsSync(candidate)) return candidate;
  }
}

export function backupProject(p: Project, target: string | undefined): { path: string; bytes: number } {
  const abs = target === undefined ? backupTargetBeside(p.file) : path.resolve(target);
  if (abs === p.file) throw new UserError('bad-input', 'is the open project itself; choose another file for the copy', abs, 'är det öppna projektet självt; välj en annan fil för kopian');
  if (existsSync(abs)) throw new UserError('exists', 'already exists; choose another name for the copy', abs, 'finns redan; välj ett annat namn för kopian');
  if (!existsSync(path.dirname(abs))) throw new UserError('not-found', 'the folder does not exist', path.dirname(abs), 'mappen finns inte');
  try {
    p.db.prepare('VACUUM INTO ?').run(abs);
  } catch (e) {
    throw new UserError('cannot-write', `cannot be written: ${(e as Error).message}`, abs, `kan inte skrivas: ${(e as Error).message}`);
  }
  return { path: abs, bytes: statSync(abs).size };
}
