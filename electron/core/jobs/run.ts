/**
 * Runs a registered job off the calling thread (a worker thread), forwarding its progress
 * and cancelling it when the caller's signal aborts. Where the built worker is missing
 * (running from sources without a build), the job runs inline with the same contract.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Progress } from '../../../shared/contract';
import { CancelledError, UserError } from '../errors';
import { appRoot } from '../paths';
import { Project } from '../project/project';
import { makeJobContext } from './context';
import type { JobMessage, JobRequest } from './protocol';
import { jobs } from './registry';

export interface RunJobOptions {
  signal?: AbortSignal;
  onProgress?: (p: Omit<Progress, 'jobId'>) => void;
  /** Force inline execution (used where a worker makes no sense, e.g. in-memory tests). */
  inline?: boolean;
}

export function workerScript(): string | undefined {
  const file = path.join(appRoot(), 'dist', 'worker.mjs');
  return existsSync(file) ? file : undefined;
}

export async function runJob<T>(job: string, projectFile: string, params: unknown, options: RunJobOptions = {}): Promise<T> {
  const cancelFlag = new SharedArrayBuffer(4);
  const flag = new Int32Array(cancelFlag);
  const onAbort = (): void => void Atomics.store(flag, 0, 1);
  if (options.signal?.aborted) throw new CancelledError();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const script = options.inline ? undefined : workerScript();
    if (!script) return await runInline<T>(job, projectFile, params, flag, options);
    const request: JobRequest = { job, projectFile, params, cancelFlag };
    return await new Promise<T>((resolve, reject) => {
      const worker = new Worker(script, { workerData: request });
      let settled = false;
      worker.on('message', (m: JobMessage) => {
        if (m.type === 'progress') options.onProgress?.(m.progress);
        else if (m.type === 'done') {
          settled = true;
          resolve(m.result as T);
        } else {
          settled = true;
          reject(reviveError(m.error));
        }
      });
      worker.on('error', (e) => {
        settled = true;
        reject(e);
      });
      worker.on('exit', (code) => {
        if (!settled) reject(new Error(`the ${job} worker stopped unexpectedly (exit code ${code})`));
      });
    });
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
}

async function runInline<T>(job: string, projectFile: string, params: unknown, flag: Int32Array, options: RunJobOptions): Promise<T> {
  const fn = jobs[job];
  if (!fn) throw new Error(`no job "${job}"`);
  const project = Project.open(projectFile);
  try {
    return (await fn(project, params as never, makeJobContext(flag, (p) => options.onProgress?.(p)))) as T;
  } finally {
    project.close();
  }
}

function reviveError(e: { name: string; code?: string; message: string; file?: string }): Error {
  if (e.code === 'cancelled') return new CancelledError();
  if (e.name === 'UserError' && e.code) {
    // message already carries the file prefix; rebuild without doubling it
    const msg = e.file && e.message.startsWith(`${e.file}: `) ? e.message.slice(e.file.length + 2) : e.message;
    return new UserError(e.code, msg, e.file);
  }
  return new Error(e.message);
}
