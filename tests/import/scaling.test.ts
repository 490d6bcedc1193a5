/**
 * An import's cost grows with the files it brings, not with the documents already in the
 * project. Counted, not timed: how often a statement that walks a whole table of the
 * corpus (documents, their turns and speakers) runs, and how many pages reach the WAL.
 * An import of 1,440 interviews took 180 s instead of 16 s when the next document's position
 * was found by max() over every document row and an attribute sheet scanned the documents
 * once per row.
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Project } from '../../electron/core/project/project';
import { tempDir } from '../helpers/tmp';
import { newProject, runImport } from './helpers';
import { fullScans, recordStatements } from '../helpers/query-plan';

const dir = tempDir('rodtrad-import-scaling');
const CORPUS_TABLES = new Set(['documents', 'turns', 'speakers']);

/** A folder of n small group interviews and an attribute sheet naming each of them. */
function corpus(n: number, prefix = 'grupp'): string {
  const folder = path.join(dir, `in-${prefix}-${n}`);
  mkdirSync(folder);
  const sheet = ['dokument;termin;grupp'];
  for (let i = 1; i <= n; i++) {
    const lines = Array.from({ length: 12 }, (_, k) => `${['I', 'CS', 'MK'][k % 3]}: Replik ${k} i ${prefix}intervju ${i} om samverkan och stöd.`);
    writeFileSync(path.join(folder, `${prefix}-${i}.txt`), lines.join('\n\n'));
    sheet.push(`${prefix}-${i};${i % 2 ? 'HT16' : 'VT17'};${i % 3 ? 'chef' : 'medarbetare'}`);
  }
  writeFileSync(path.join(folder, 'attribut.csv'), sheet.join('\n'));
  return folder;
}

/** How many times statements that walk a whole corpus table ran during the import of `folder` into `p`. */
async function scansDuringImport(p: Project, folder: string): Promise<{ scans: number; statements: string[]; prepared: number }> {
  const { runs: counts, prepared } = await recordStatements(() => runImport(p, { sources: [{ path: folder }], kind: 'interview', duplicates: 'skip' }, undefined, { readerThread: false }));
  let scans = 0;
  const statements: string[] = [];
  for (const [sql, n] of counts) {
    const tables = fullScans(p.db, sql).filter((t) => CORPUS_TABLES.has(t));
    if (tables.length === 0) continue;
    scans += n;
    statements.push(`${n}× ${sql.replace(/\s+/g, ' ').slice(0, 120)} (scans ${tables.join(', ')})`);
  }
  return { scans, statements, prepared };
}

const open: Project[] = [];
afterEach(() => {
  for (const p of open.splice(0)) p.close();
});

describe('import cost grows with the files imported, not with the project', () => {
  it('walks a whole corpus table no more often for 2N files than for N (the next position, attribute sheets)', async () => {
    const small = newProject(dir, 'scans-8.rodtrad');
    const large = newProject(dir, 'scans-16.rodtrad');
    open.push(small, large);
    const a = await scansDuringImport(small, corpus(8));
    const b = await scansDuringImport(large, corpus(16));
    expect(small.db.prepare('SELECT count(*) FROM document_attribute_values').pluck().get()).toBe(16);
    expect(large.db.prepare('SELECT count(*) FROM document_attribute_values').pluck().get()).toBe(32);
    // a scan per batch is linear; a scan per file or per sheet row makes the batch quadratic
    expect(b.statements, b.statements.join('\n')).toEqual(a.statements);
    expect(b.scans).toBe(a.scans);
  });

  it('prepares no more statements for 2N files than for N (memory flat in the batch)', async () => {
    const small = newProject(dir, 'prepared-8.rodtrad');
    const large = newProject(dir, 'prepared-16.rodtrad');
    open.push(small, large);
    const a = await scansDuringImport(small, corpus(8, 'prep'));
    const b = await scansDuringImport(large, corpus(16, 'prep'));
    expect(b.prepared).toBe(a.prepared);
  });

  it('writes about twice the pages for twice the files, into a project that already holds documents', async () => {
    const pages = async (n: number): Promise<number> => {
      const p = newProject(dir, `pages-${n}.rodtrad`);
      open.push(p);
      await runImport(p, { sources: [{ path: corpus(n, 'forst') }], kind: 'interview', duplicates: 'skip' }, undefined, { readerThread: false, groupCommitMs: Infinity });
      p.db.pragma('wal_checkpoint(TRUNCATE)');
      p.db.pragma('wal_autocheckpoint = 0');
      const before = walFrames(p);
      await runImport(p, { sources: [{ path: corpus(n, 'sedan') }], kind: 'interview', duplicates: 'skip' }, undefined, { readerThread: false, groupCommitMs: Infinity });
      return walFrames(p) - before;
    };
    const n = await pages(40);
    const twice = await pages(80);
    expect(n).toBeGreaterThan(40);
    expect(twice / n).toBeLessThan(2.3);
  });
});

/**
 * Frames in the WAL: pages written by commits since it was emptied (with automatic
 * checkpoints off nothing starts it over, so its length counts every frame).
 */
function walFrames(p: Project): number {
  const pageSize = p.db.pragma('page_size', { simple: true }) as number;
  const wal = `${p.file}-wal`;
  return existsSync(wal) ? Math.max(0, (statSync(wal).size - 32) / (pageSize + 24)) : 0;
}
