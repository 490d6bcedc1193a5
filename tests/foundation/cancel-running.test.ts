/**
 * Cancelling a job while it runs, across the worker boundary, the way the app does it: the
 * job runs in a worker thread (through dispatch, like the UI and CLI), and when its first
 * progress event reaches this thread, `job.cancel` is dispatched for it. The cancel point is
 * that event, not a moment in time. An import must stop short of the end, say it was
 * cancelled, and leave only whole documents behind; an index build must stop with
 * `cancelled` and store nothing. Both then run normally.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch, toWireError } from '../../electron/core/api/dispatch';
import { Session } from '../../electron/core/api/session';
import { workerScript } from '../../electron/core/jobs/run';
import { tempDir } from '../helpers/tmp';

const dir = tempDir('rodtrad-cancel-running');
const FILES = 300;
const TURNS = 60;

/** A folder of transcripts, each with TURNS speaker turns, big enough that the batch outlasts a message to the worker many times over. */
function transcripts(): string {
  const folder = path.join(dir, 'intervjuer');
  mkdirSync(folder, { recursive: true });
  for (let f = 0; f < FILES; f++) {
    const turns = Array.from({ length: TURNS }, (_, t) => `${t % 2 === 0 ? 'Intervjuare' : `P${(t % 5) + 1}`}: Intervju ${f}, replik ${t}. Vi pratade om ärendefördelningen och om hur man bollar med kollegorna i korridoren när chefen inte är där.`);
    writeFileSync(path.join(folder, `intervju-${String(f).padStart(3, '0')}.txt`), turns.join('\n\n'));
  }
  return folder;
}

/** On the job's first progress event, `job.cancel` through the dispatch table, as the UI's cancel button does. */
function cancelOnFirstProgress(s: Session, jobId: string): { answer(): Promise<{ cancelled: boolean }> | undefined } {
  let answer: Promise<{ cancelled: boolean }> | undefined;
  s.on((e) => {
    if (e.type === 'progress' && e.progress.jobId === jobId) answer ??= dispatch(s, 'job.cancel', { jobId });
  });
  return { answer: () => answer };
}

const folder = transcripts();

describe('cancelling a running job', () => {
  it('stops an import in its worker when job.cancel arrives mid-run, reports it cancelled, and leaves only whole documents', async () => {
    expect(workerScript(), 'the job runs in the built worker').toBeDefined();
    const s = new Session('test');
    const p = s.createProject(path.join(dir, 'avbruten.rodtrad'));
    const jobId = 'import-avbryt';
    const cancel = cancelOnFirstProgress(s, jobId);

    const r = await dispatch(s, 'import.files', { jobId, sources: [{ path: folder }] });

    expect(await cancel.answer()).toEqual({ cancelled: true });
    // stopped, and says so
    expect(r.cancelled).toBe(true);
    expect(r.results).toHaveLength(FILES);
    expect(r.imported).toBeLessThan(FILES);
    const statuses = r.results.map((x) => x.status);
    const firstCancelled = statuses.indexOf('cancelled');
    expect(firstCancelled).toBeGreaterThanOrEqual(0);
    expect(statuses.slice(0, firstCancelled).every((x) => x === 'imported')).toBe(true);
    expect(statuses.slice(firstCancelled).every((x) => x === 'cancelled')).toBe(true);
    expect(r.results[firstCancelled]!.error).toMatch(/cancelled before it was imported/);
    // the job is gone from the session: a second cancel finds nothing
    expect(await dispatch(s, 'job.cancel', { jobId })).toEqual({ cancelled: false });

    // nothing half-written: exactly the imported files, each whole
    const docs = p.db.prepare('SELECT id, source_name AS source FROM documents ORDER BY id').all() as { id: number; source: string }[];
    expect(docs.map((d) => d.source)).toEqual(r.results.filter((x) => x.status === 'imported').map((x) => path.basename(x.file)));
    for (const d of docs) expect(p.db.prepare('SELECT count(*) FROM turns WHERE document_id = ?').pluck().get(d.id), d.source).toBe(TURNS);
    expect(p.db.prepare('SELECT count(*) FROM turns WHERE document_id NOT IN (SELECT id FROM documents)').pluck().get()).toBe(0);
    expect(p.db.prepare('SELECT count(*) FROM speakers WHERE document_id NOT IN (SELECT id FROM documents)').pluck().get()).toBe(0);
    expect(p.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(p.db.pragma('foreign_key_check')).toEqual([]);

    // the project goes on: the same folder again brings in the rest, the imported ones are known duplicates
    const again = await dispatch(s, 'import.files', { sources: [{ path: folder }] });
    expect(again.cancelled).toBe(false);
    expect(again.imported).toBe(FILES - r.imported);
    expect(p.db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(FILES);
    s.dispose();
  });

  it('stops a search index build in its worker when job.cancel arrives mid-run, and stores nothing', async () => {
    const s = new Session('test');
    const p = s.createProject(path.join(dir, 'index.rodtrad'));
    expect((await dispatch(s, 'import.files', { sources: [{ path: folder }] })).imported).toBe(FILES);
    const stored = (): unknown => p.db.prepare("SELECT count(*) FROM derived WHERE key = 'search-index'").pluck().get();
    const jobId = 'index-avbryt';
    const cancel = cancelOnFirstProgress(s, jobId);
    const err = await dispatch(s, 'search.buildIndex', { jobId }).catch((e: unknown) => e);
    expect(await cancel.answer()).toEqual({ cancelled: true });
    expect(toWireError(err)).toMatchObject({ code: 'cancelled' });
    expect(stored()).toBe(0);
    expect(await dispatch(s, 'search.status', {})).toMatchObject({ state: 'missing' });
    // the next build runs to the end
    expect(await dispatch(s, 'search.buildIndex', {})).toMatchObject({ origin: 'built' });
    expect(stored()).toBe(1);
    s.dispose();
  });
});
