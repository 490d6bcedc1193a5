/**
 * A private snapshot of a project that is merged: the input file is only ever read (copied
 * byte for byte, or read through a read-only connection when its WAL holds changes), so
 * merging can never change it. The snapshot may then be upgraded and attached freely.
 */
import { copyFileSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { looksLikeSqlite, openDb, openReadOnlyProject } from '../db/driver';
import { UserError } from '../errors';
import { Project } from '../project/project';

export interface Snapshot {
  /** The input as the user named it (absolute). */
  source: string;
  /** The private copy, inside the merge's scratch folder. */
  file: string;
}

export function snapshotProject(source: string, scratchDir: string, index: number): Snapshot {
  const abs = path.resolve(source);
  if (!existsSync(abs)) throw new UserError('not-found', 'no such project file', abs, 'projektfilen finns inte');
  if (!statSync(abs).isFile() || !looksLikeSqlite(abs)) throw new UserError('not-a-project', 'is not a Rödtråd project (not an SQLite database file)', abs, 'är inget Rödtråd-projekt (ingen SQLite-databasfil)');
  const file = path.join(scratchDir, `source-${index}.rodtrad`);
  const wal = `${abs}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) {
    // Changes still in the WAL: let SQLite read file + WAL read-only and write a clean copy.
    const db = openReadOnlyProject(abs);
    try {
      db.prepare('VACUUM INTO ?').run(file);
    } finally {
      db.close();
    }
  } else {
    copyFileSync(abs, file);
  }
  // Opening the copy checks that it is a Rödtråd project and upgrades an older one (the copy only).
  try {
    Project.open(file).close();
  } catch (e) {
    // Name the user's file, not the private copy.
    if (e instanceof UserError) throw new UserError(e.code, e.file ? e.message.slice(e.file.length + 2) : e.message, abs, e.sv);
    throw e;
  }
  // A clean single file again (the open above may have left a WAL behind on some systems).
  openDb(file).close();
  return { source: abs, file };
}
