/**
 * "Make coder copies": N copies of the open (master) project, one per coder, each with the
 * same GUIDs as the master and its coder set, so the copies can later be merged exactly.
 * Every target is checked before the first is written; a failure removes what was written.
 */
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors';
import { PROJECT_EXTENSION, Project } from '../project/project';

export interface CoderCopy {
  coder: string;
  coderGuid: string;
  path: string;
}

/** A file-name-safe form of a coder's name ("Anna B." → "Anna-B"). */
export function coderFileStem(name: string): string {
  const s = name
    .normalize('NFC')
    // Control characters are not allowed in file names on Windows; that is why they are matched.
    // eslint-disable-next-line no-control-regex
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/gu, '-')
    .replace(/\s+/gu, '-')
    .replace(/^[.-]+|[.-]+$/gu, '');
  return s || 'coder';
}

export function makeCoderCopies(master: Project, outDir: string, coders: string[]): CoderCopy[] {
  const dir = path.resolve(outDir);
  if (!existsSync(dir)) throw new UserError('not-found', 'the folder does not exist', dir, 'mappen finns inte');
  const names = coders.map((c) => c.trim()).filter((c) => c.length > 0);
  if (names.length === 0) throw new UserError('bad-input', 'name at least one coder', undefined, 'ange minst en kodare');
  const stem = path.basename(master.file, PROJECT_EXTENSION);
  const targets = names.map((coder) => ({ coder, path: path.join(dir, `${stem}-${coderFileStem(coder)}${PROJECT_EXTENSION}`) }));
  const seen = new Set<string>();
  for (const t of targets) {
    if (seen.has(t.path)) throw new UserError('bad-input', `two coders give the same file name: ${path.basename(t.path)}`, undefined, `två kodare ger samma filnamn: ${path.basename(t.path)}`);
    seen.add(t.path);
    if (existsSync(t.path)) throw new UserError('exists', 'already exists; choose another folder for the copies', t.path, 'finns redan; välj en annan mapp för kopiorna');
    if (t.path === master.file) throw new UserError('bad-input', 'is the master project itself', t.path, 'är själva huvudprojektet');
  }
  const written: string[] = [];
  try {
    return targets.map((t) => {
      master.db.prepare('VACUUM INTO ?').run(t.path);
      written.push(t.path);
      const copy = Project.open(t.path);
      try {
        copy.transaction(() => {
          // The master's undo history is not the coder's: their first Ctrl+Z must not undo the master's work.
          copy.db.exec('DELETE FROM history');
          copy.setMeta('copy_of', master.getMeta('project_guid') ?? '');
        });
        copy.setCurrentCoder(t.coder);
        return { coder: t.coder, coderGuid: copy.currentCoder().guid ?? '', path: t.path };
      } finally {
        copy.close();
      }
    });
  } catch (e) {
    for (const f of written) for (const x of [f, `${f}-wal`, `${f}-shm`]) rmSync(x, { force: true });
    if (e instanceof UserError) throw e;
    throw new UserError('cannot-write', `cannot write the coder copies: ${(e as Error).message}`, dir, `kodarkopiorna kan inte skrivas: ${(e as Error).message}`);
  }
}
