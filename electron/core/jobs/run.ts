/**
 * Runs a registered job off the calling thread, forwarding its progress and cancelling it
 * when the caller's signal aborts. Where the built worker is missing (running from sources
 * without a build), the job runs inline with the same contract.
 *
 * Job workers are kept: one that finished a job waits (unreferenced, so it never keeps a
 * process alive) for the next, and a host can start one ahead of time (prewarmJobs). A
 * new worker costs a tenth of a second and runs its first files with cold code; on a
 * 2-core laptop that was a third of a 144-interview import.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Progress } from '../../../shared/contract';
import { CancelledError, UserError } from '../errors';
import { appRoot } from '../paths';
import { passphraseFor } from '../db/driver';
import { Project } from '../project/project';
import { makeJobContext } from './context';
import type { HostMessage, JobMessage, JobRequest } from './protocol';
import { loadJob } from './registry';

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

/** Workers waiting for a job, and when each stops waiting. */
const idle: { worker: Worker; timer: NodeJS.Timeout }[] = [];
const MAX_IDLE = 1;
const IDLE_MS = 10 * 60 * 1000;
let started = 0;

/** How many job workers this process started, and how many wait for a job now. */
export function jobWorkerStats(): { started: number; idle: number } {
  return { started, idle: idle.length };
}

function spawn(script: string, spare: boolean, preload?: string): Worker {
  started++;
  return new Worker(script, { workerData: { spare, preload } });
}

/**
 * Starts a job worker now (when a project opens) so the first job need not wait for one.
 * Given the job that will come (the CLI knows it from the command), the worker loads that
 * job's code at once; otherwise it loads every job's code after a moment.
 */
export function prewarmJobs(job?: string): void {
  const script = workerScript();
  if (!script || idle.length >= MAX_IDLE) return;
  park(spawn(script, true, job));
}

/** Stops the waiting workers (tests, shutdown). */
export async function stopIdleJobWorkers(): Promise<void> {
  await Promise.all(idle.splice(0).map(({ worker, timer }) => (clearTimeout(timer), worker.terminate())));
}

function park(worker: Worker): void {
  if (idle.length >= MAX_IDLE) {
    void worker.terminate();
    return;
  }
  worker.unref();
  const entry = { worker, timer: setTimeout(() => void drop(worker).terminate(), IDLE_MS).unref() };
  worker.once('exit', () => drop(worker));
  idle.push(entry);
}

function drop(worker: Worker): Worker {
  const i = idle.findIndex((e) => e.worker === worker);
  if (i >= 0) clearTimeout(idle.splice(i, 1)[0]!.timer);
  return worker;
}

function take(script: string): Worker {
  const waiting = idle.pop();
  if (waiting) {
    clearTimeout(waiting.timer);
    waiting.worker.removeAllListeners('exit');
    waiting.worker.ref();
    return waiting.worker;
  }
  return spawn(script, false);
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
    const request: JobRequest = { job, projectFile, passphrase: passphraseFor(projectFile), params, cancelFlag };
    const worker = take(script);
    return await new Promise<T>((resolve, reject) => {
      const finish = (settle: () => void, reusable: boolean): void => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (reusable) park(worker);
        settle();
      };
      const onMessage = (m: JobMessage): void => {
        if (m.type === 'progress') options.onProgress?.(m.progress);
        else if (m.type === 'done') finish(() => resolve(m.result as T), true);
        else if (m.type === 'error') finish(() => reject(reviveError(m.error)), true);
      };
      const onError = (e: Error): void => finish(() => reject(e), false);
      const onExit = (code: number): void => finish(() => reject(new Error(`the ${job} worker stopped unexpectedly (exit code ${code})`)), false);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ type: 'run', request } satisfies HostMessage);
    });
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
}

async function runInline<T>(job: string, projectFile: string, params: unknown, flag: Int32Array, options: RunJobOptions): Promise<T> {
  const fn = await loadJob(job);
  const project = Project.open(projectFile);
  try {
    return (await fn(project, params as never, makeJobContext(flag, (p) => options.onProgress?.(p)))) as T;
  } finally {
    project.close();
  }
}

function reviveError(e: { name: string; code?: string; message: string; file?: string; sv?: string }): Error {
  if (e.code === 'cancelled') return new CancelledError();
  if (e.name === 'UserError' && e.code) {
    // message already carries the file prefix; rebuild without doubling it
    const msg = e.file && e.message.startsWith(`${e.file}: `) ? e.message.slice(e.file.length + 2) : e.message;
    return new UserError(e.code, msg, e.file, e.sv);
  }
  return new Error(e.message);
}
