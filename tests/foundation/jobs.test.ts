import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { Session } from '../../electron/core/api/session';
import { CancelledError, UserError } from '../../electron/core/errors';
import { TermReportRequest } from '../../shared/contract/reports';
import { jobWorkerStats, prewarmJobs, runJob, stopIdleJobWorkers, workerScript } from '../../electron/core/jobs/run';
import { buildSampleProject } from '../../electron/core/sample/sample-project';
import { tempDir } from '../helpers/tmp';

const dir = tempDir('jobs');
const file = path.join(dir, 'exempel.rodtrad');
buildSampleProject(file).close();

describe('jobs off the calling thread', () => {
  it('run in a worker thread when the app is built, with progress events', async () => {
    expect(workerScript(), 'npm test builds dist/ first').toBeDefined();
    expect(existsSync(workerScript()!)).toBe(true);
    const phases: string[] = [];
    const r = await runJob<{ ok: boolean; problems: string[] }>('project.check', file, {}, { onProgress: (p) => phases.push(p.phase) });
    expect(r).toEqual({ ok: true, problems: [] });
    expect(phases.at(-1)).toBe('done');
  });

  it('keep their worker for the next job, and a prewarmed one serves the first job', async () => {
    await stopIdleJobWorkers();
    const before = jobWorkerStats().started;
    await runJob('project.check', file, {});
    expect(jobWorkerStats()).toEqual({ started: before + 1, idle: 1 });
    await runJob('project.check', file, {});
    await runJob('project.check', file, {});
    expect(jobWorkerStats()).toEqual({ started: before + 1, idle: 1 });

    await stopIdleJobWorkers();
    prewarmJobs();
    prewarmJobs();
    expect(jobWorkerStats()).toEqual({ started: before + 2, idle: 1 });
    expect(await runJob<{ ok: boolean }>('project.check', file, {})).toEqual({ ok: true, problems: [] });
    expect(jobWorkerStats()).toEqual({ started: before + 2, idle: 1 });

    // two jobs at once: the second gets a worker of its own, and only one is kept afterwards
    await Promise.all([runJob('project.check', file, {}), runJob('project.check', file, {})]);
    expect(jobWorkerStats()).toEqual({ started: before + 3, idle: 1 });
    await stopIdleJobWorkers();
    expect(jobWorkerStats().idle).toBe(0);
  });

  it('keep the Swedish message of an error from the worker', async () => {
    const params = { ...TermReportRequest.parse({ term: 'finns-inte', language: 'sv' }), format: 'docx', chart: 'line' };
    const err = await runJob('reports.exportTerm', file, params).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).message).toMatch(/no document attribute "finns-inte"/);
    expect((err as UserError).sv).toBe('det finns inget dokumentattribut ”finns-inte”');
  });

  it('run inline with the same results where no worker is wanted', async () => {
    const r = await runJob<{ ok: boolean }>('project.check', file, {}, { inline: true });
    expect(r.ok).toBe(true);
  });

  it('stop with CancelledError when cancelled', async () => {
    const c = new AbortController();
    c.abort();
    await expect(runJob('project.check', file, {}, { signal: c.signal })).rejects.toBeInstanceOf(CancelledError);
  });

  it('report through the contract as progress events tagged with the job id', async () => {
    const s = new Session('test');
    s.openProject(file);
    const events: string[] = [];
    s.on((e) => e.type === 'progress' && events.push(e.progress.jobId));
    expect(await dispatch(s, 'project.check', { jobId: 'kontroll-1' })).toEqual({ ok: true, problems: [] });
    expect(events.length).toBeGreaterThan(0);
    expect(new Set(events)).toEqual(new Set(['kontroll-1']));
    s.dispose();
  });

  it('find quotations outside their document', async () => {
    const s = new Session('test');
    const p = s.openProject(file);
    p.db.pragma('ignore_check_constraints = ON');
    p.db.prepare("INSERT INTO quotations(guid, document_id, start, \"end\", created_at, modified_at) VALUES ('bad', 1, 10, 99999999, 'x', 'x')").run();
    const r = await dispatch(s, 'project.check', {});
    expect(r.ok).toBe(false);
    expect(r.problems[0]).toMatch(/lies outside its document/);
    s.dispose();
  });
});
