/** Messages between the core and its job worker threads. */
import type { Progress } from '../../../shared/contract';

export interface JobRequest {
  job: string;
  projectFile: string;
  /** An encrypted project's passphrase: passed in memory with the request, never on a command line or in a file. */
  passphrase?: string;
  params: unknown;
  /** Int32Array over a SharedArrayBuffer: [0] becomes 1 when the job is cancelled. */
  cancelFlag: SharedArrayBuffer;
}

/** From the core: run one job (a worker runs one at a time and then waits for the next). */
export type HostMessage = { type: 'run'; request: JobRequest };

export type JobMessage =
  | { type: 'ready' }
  | { type: 'progress'; progress: Omit<Progress, 'jobId'> }
  | { type: 'done'; result: unknown }
  | { type: 'error'; error: { name: string; code?: string; message: string; file?: string; sv?: string } };
