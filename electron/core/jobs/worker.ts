/** Worker-thread entry: runs one job from the registry and reports progress to the parent. */
import { parentPort, workerData } from 'node:worker_threads';
import { CancelledError, UserError } from '../errors';
import { Project } from '../project/project';
import type { JobMessage, JobRequest } from './protocol';
import { jobs } from './registry';
import { makeJobContext } from './context';

async function main(): Promise<void> {
  const req = workerData as JobRequest;
  const post = (m: JobMessage): void => parentPort!.postMessage(m);
  let project: Project | undefined;
  try {
    const fn = jobs[req.job];
    if (!fn) throw new Error(`no job "${req.job}"`);
    project = Project.open(req.projectFile);
    const ctx = makeJobContext(new Int32Array(req.cancelFlag), (progress) => post({ type: 'progress', progress }));
    const result = await fn(project, req.params as never, ctx);
    post({ type: 'done', result });
  } catch (e) {
    const err = e as Error;
    post({
      type: 'error',
      error: { name: err.name, message: err.message, code: e instanceof UserError ? e.code : e instanceof CancelledError ? 'cancelled' : undefined, file: e instanceof UserError ? e.file : undefined },
    });
  } finally {
    project?.close();
  }
}

void main();
