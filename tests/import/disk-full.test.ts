/**
 * A full disk during an import: every file gets its own result, the message says the disk
 * is full and names the project file, and what is in the project is exactly what the
 * results say went in. The full disk is simulated with PRAGMA max_page_count on the import's
 * connection (SQLite then answers SQLITE_FULL, as on a real full disk), and a failing group
 * commit with the pipeline's beforeCommit test hook throwing SQLite's own SQLITE_FULL error.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp';
import { jobContext, newProject, runImport } from './helpers';

const dir = tempDir('rodtrad-disk-full');

function folderOfInterviews(name: string, files: number, firstLines = 300): string {
  const folder = path.join(dir, name);
  mkdirSync(folder);
  for (let i = 0; i < files; i++) {
    const lines = Array.from({ length: i === 0 ? firstLines : 300 }, (_, j) => `${j % 2 ? 'AA' : 'Intervjuare'}: rad ${j} i intervju ${i} om samverkan och ärenden mellan förvaltningar.`);
    writeFileSync(path.join(folder, `intervju-${String(i).padStart(2, '0')}.txt`), lines.join('\n'));
  }
  return folder;
}

const documents = (p: ReturnType<typeof newProject>): number => p.db.prepare('SELECT count(*) FROM documents').pluck().get() as number;

describe('a full disk during import', () => {
  it('gives each file its own result; the ones that did not fit say the disk is full and name the project', async () => {
    const folder = folderOfInterviews('full', 8);
    const p = newProject(dir, 'full.rodtrad');
    const pages = p.db.pragma('page_count', { simple: true }) as number;
    p.db.pragma(`max_page_count = ${pages + 40}`);
    const r = await runImport(p, { sources: [{ path: folder }] }, jobContext(), { readerThread: false });
    expect(r.results).toHaveLength(8);
    expect(r.imported).toBeGreaterThan(0);
    expect(r.failed).toBeGreaterThan(0);
    expect(r.imported + r.failed).toBe(8);
    for (const f of r.results.filter((x) => x.status === 'failed')) {
      expect(f.error).toContain(path.basename(f.file));
      expect(f.error).toMatch(/the disk is full/);
      expect(f.error).toContain(p.file);
      expect(f.errorSv).toMatch(/disken är full/);
    }
    expect(documents(p)).toBe(r.imported);
    p.close();
  });

  it('a group commit that fails marks every file of the group failed (no TDZ error), and the batch goes on', async () => {
    // The first file is larger than a commit group (4 MB), so its group is committed (and
    // fails) while the file's own write is still returning.
    const folder = folderOfInterviews('lost-group', 4, 60_000);
    const p = newProject(dir, 'lost.rodtrad');
    let commits = 0;
    const r = await runImport(p, { sources: [{ path: folder }] }, jobContext(), {
      readerThread: false,
      beforeCommit: () => {
        if (++commits === 1) throw new Database.SqliteError('database or disk is full', 'SQLITE_FULL');
      },
    });
    expect(r.results).toHaveLength(4);
    expect(r.failed).toBe(4 - documents(p));
    expect(r.failed).toBeGreaterThan(0);
    for (const f of r.results.filter((x) => x.status === 'failed')) {
      expect(f.error).toMatch(/the disk is full/);
      expect(f.error).toContain(p.file);
    }
    for (const f of r.results.filter((x) => x.status === 'imported')) {
      expect(p.db.prepare('SELECT 1 FROM documents WHERE id = ?').get(f.documentId)).toBeTruthy();
    }
    p.close();
  });
});
