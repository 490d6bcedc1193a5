/**
 * Job worker thread: runs the jobs it is sent, one at a time, and reports progress to the
 * core. It outlives a job (see pool.ts), so the second import finds its code loaded and
 * compiled; each job still opens and closes the project on its own connection.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CancelledError, UserError } from '../errors';
import { Project } from '../project/project';
import { makeJobContext } from './context';
import type { HostMessage, JobMessage, JobRequest } from './protocol';
import { jobNames, loadJob, warmJob } from './registry';

const post = (m: JobMessage): void => parentPort!.postMessage(m);

async function run(req: JobRequest): Promise<void> {
  let project: Project | undefined;
  try {
    warmJob(req.job);
    const fn = await loadJob(req.job);
    project = Project.open(req.projectFile, { passphrase: req.passphrase });
    const ctx = makeJobContext(new Int32Array(req.cancelFlag), (progress) => post({ type: 'progress', progress }));
    const result = await fn(project, req.params as never, ctx);
    post({ type: 'done', result });
  } catch (e) {
    const err = e as Error;
    post({
      type: 'error',
      error: {
        name: err.name,
        message: err.message,
        code: e instanceof UserError ? e.code : e instanceof CancelledError ? 'cancelled' : undefined,
        file: e instanceof UserError ? e.file : undefined,
        sv: e instanceof UserError ? e.sv : undefined,
      },
    });
  } finally {
    project?.close();
  }
}

// A spare, started before anyone needs it, loads every job's code once it has waited a
// moment (not at once: a job sent right away should not share the thread with loading the
// search engine and the chart renderer).
const options = (workerData ?? {}) as { spare?: boolean; preload?: string };
if (options.preload) {
  warmJob(options.preload);
  void loadJob(options.preload).catch(() => undefined);
}
const preload = options.spare && !options.preload
  ? setTimeout(() => {
      const ready = (): void => post({ type: 'ready' });
      for (const name of jobNames()) warmJob(name);
      void Promise.all(jobNames().map(loadJob)).then(ready, ready);
    }, 1000)
  : undefined;

parentPort!.on('message', (m: HostMessage) => {
  clearTimeout(preload);
  if (m.type === 'run') void run(m.request);
});
