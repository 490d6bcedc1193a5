/**
 * The one folder tree browser mode may see: the user's home (or a root given to the session).
 * Every path is resolved with symlinks followed and must stay inside the root's real path,
 * so neither "..", an absolute path nor a link pointing out can reach the rest of the disk.
 */
import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { BrowseEntry } from '../../../shared/contract/project';
import { UserError } from '../errors';
import { PROJECT_EXTENSION } from '../project/project';

export interface Listing {
  dir: string;
  parent: string | null;
  rootName: string;
  entries: BrowseEntry[];
}

const outsideRoot = (given: string): UserError =>
  new UserError('outside-root', 'is outside the folders this page may use (your home folder)', given, 'ligger utanför mapparna som sidan får använda (din hemmapp)');

function isInside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function realRoot(root: string): string {
  try {
    return realpathSync(root);
  } catch {
    throw new UserError('not-found', 'the folder to browse does not exist', root, 'mappen att bläddra i finns inte');
  }
}

/** The real path of an existing entry inside the root; refuses one that is (or leads) outside. */
function realInside(rootReal: string, given: string): string {
  const candidate = path.resolve(rootReal, given);
  if (!isInside(rootReal, candidate)) throw outsideRoot(given);
  let real: string;
  try {
    real = realpathSync(candidate);
  } catch {
    throw new UserError('not-found', 'does not exist', given, 'finns inte');
  }
  if (!isInside(rootReal, real)) throw outsideRoot(given);
  return real;
}

const relativeTo = (rootReal: string, p: string): string => path.relative(rootReal, p).split(path.sep).join('/');

/** Folders and project files in `dir` (relative to the root); hidden and outside-pointing entries left out. */
export function listFolder(root: string, dir: string): Listing {
  const rootReal = realRoot(root);
  const real = realInside(rootReal, dir || '.');
  if (!statSync(real).isDirectory()) throw new UserError('not-a-folder', 'is not a folder', dir, 'är inte en mapp');
  const rel = relativeTo(rootReal, real);
  const folders: BrowseEntry[] = [];
  const projects: BrowseEntry[] = [];
  for (const d of readdirSync(real, { withFileTypes: true })) {
    // hidden entries, and a project's automatic backups (restored through project.restore, not opened)
    if (d.name.startsWith('.') || d.name.endsWith(`${PROJECT_EXTENSION}.backups`)) continue;
    const full = path.join(real, d.name);
    const entryPath = rel ? `${rel}/${d.name}` : d.name;
    try {
      const target = d.isSymbolicLink() ? realpathSync(full) : full;
      if (!isInside(rootReal, target)) continue;
      const st = statSync(target);
      if (st.isDirectory()) folders.push({ name: d.name, kind: 'folder', path: entryPath });
      else if (st.isFile() && d.name.endsWith(PROJECT_EXTENSION)) projects.push({ name: d.name, kind: 'project', path: entryPath });
    } catch {
      // a dangling link or an entry we may not read is simply not offered
    }
  }
  const byName = (a: BrowseEntry, b: BrowseEntry): number => a.name.localeCompare(b.name);
  return {
    dir: rel,
    parent: rel === '' ? null : path.posix.dirname(rel) === '.' ? '' : path.posix.dirname(rel),
    rootName: path.basename(rootReal) || rootReal,
    entries: [...folders.sort(byName), ...projects.sort(byName)],
  };
}

/** An absolute path as the page names it: relative to the root, or null when it lies outside. */
export function pageRelative(root: string, abs: string): string | null {
  const rootReal = realRoot(root);
  let real: string;
  try {
    real = realpathSync(abs);
  } catch {
    return null;
  }
  return isInside(rootReal, real) ? relativeTo(rootReal, real) : null;
}

/** The real path of an existing folder inside the root (a BrowseDir: relative, or absolute inside). */
export function folderInside(root: string, dir: string): string {
  const real = realInside(realRoot(root), dir || '.');
  if (!statSync(real).isDirectory()) throw new UserError('not-a-folder', 'is not a folder', dir, 'är inte en mapp');
  return real;
}

/** The real path of an existing project file inside the root. */
export function projectToOpen(root: string, given: string): string {
  const rootReal = realRoot(root);
  if (!isInside(rootReal, path.resolve(rootReal, given))) throw outsideRoot(given);
  if (!given.endsWith(PROJECT_EXTENSION)) throw new UserError('not-a-project', `is not a Rödtråd project (${PROJECT_EXTENSION})`, given, `är inte ett Rödtråd-projekt (${PROJECT_EXTENSION})`);
  const real = realInside(rootReal, given);
  if (!real.endsWith(PROJECT_EXTENSION)) throw outsideRoot(given);
  return real;
}

/** Where a new project goes inside the root: ".rodtrad" added when missing; an existing file refused. */
export function projectToCreate(root: string, given: string): string {
  const rootReal = realRoot(root);
  const named = given.endsWith(PROJECT_EXTENSION) ? given : `${given}${PROJECT_EXTENSION}`;
  const candidate = path.resolve(rootReal, named);
  if (!isInside(rootReal, candidate) || candidate === rootReal) throw outsideRoot(given);
  if (path.basename(candidate).startsWith('.')) {
    // the dialog hides dot-files, so such a project could not be found again
    throw new UserError('bad-name', 'a project name may not start with a dot', named, 'ett projektnamn får inte börja med en punkt');
  }
  const folder = realInside(rootReal, path.dirname(candidate));
  const target = path.join(folder, path.basename(candidate));
  let exists = true;
  try {
    lstatSync(target);
  } catch {
    exists = false;
  }
  if (exists) throw new UserError('exists', 'already exists; choose another name or open it', named, 'finns redan; välj ett annat namn eller öppna den');
  return target;
}
