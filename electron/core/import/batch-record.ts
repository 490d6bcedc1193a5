/**
 * The note an import leaves in the project while it runs (migration 007): the batch and its
 * files are recorded before the first file is written, each file that goes in is marked in
 * the same savepoint as its document, and the record is removed when the batch ends however
 * it ends. A record still there when the project opens again, from a process that no longer
 * runs, is a batch that was cut off (the window closed, the process killed): it tells which
 * files went in and which did not.
 */
import os from 'node:os';
import { cachedStatement } from '../db/driver';
import type { Project } from '../project/project';

export interface InterruptedImport {
  id: number;
  started: string;
  imported: string[];
  skipped: string[];
  notImported: string[];
}

/** Records a batch before its first file; returns its id (null for a read-only project, which imports nothing). */
export function startBatchRecord(p: Project, files: string[]): number | null {
  if (p.readOnly || files.length === 0) return null;
  return p.transaction(() =>
    Number(
      p.db.prepare('INSERT INTO import_batches(started_at, host, pid, files) VALUES (?, ?, ?, ?)').run(p.now(), os.hostname(), process.pid, JSON.stringify(files))
        .lastInsertRowid,
    ),
  );
}

/** Marks one file as written; call inside the file's own savepoint so it is undone with it. */
export function recordBatchFile(p: Project, batchId: number | null, position: number, status: 'imported' | 'skipped'): void {
  if (batchId === null) return;
  cachedStatement(p.db, 'INSERT OR REPLACE INTO import_batch_files(batch_id, position, status) VALUES (?, ?, ?)').run(batchId, position, status);
}

/** The batch ended (done, cancelled or failed): its record goes. */
export function endBatchRecord(p: Project, batchId: number | null): void {
  if (batchId === null) return;
  p.transaction(() => p.db.prepare('DELETE FROM import_batches WHERE id = ?').run(batchId));
}

function running(host: string, pid: number): boolean {
  if (host !== os.hostname()) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Batches that were cut off: recorded, never ended, and their process is gone. */
export function interruptedImports(p: Project): InterruptedImport[] {
  const batches = p.db.prepare('SELECT id, started_at, host, pid, files FROM import_batches ORDER BY id').all() as { id: number; started_at: string; host: string; pid: number; files: string }[];
  const done = p.db.prepare('SELECT position, status FROM import_batch_files WHERE batch_id = ?');
  return batches
    .filter((b) => !running(b.host, b.pid))
    .map((b) => {
      const files = JSON.parse(b.files) as string[];
      const status = new Map((done.all(b.id) as { position: number; status: string }[]).map((r) => [r.position, r.status]));
      const of = (s: string | undefined): string[] => files.filter((_, i) => status.get(i) === s);
      return { id: b.id, started: b.started_at, imported: of('imported'), skipped: of('skipped'), notImported: of(undefined) };
    });
}

/** The user has read the note: the records of cut-off batches go. */
export function dismissInterruptedImports(p: Project, ids: number[]): number {
  const del = p.db.prepare('DELETE FROM import_batches WHERE id = ?');
  return p.transaction(() => ids.reduce((n, id) => n + del.run(id).changes, 0));
}
