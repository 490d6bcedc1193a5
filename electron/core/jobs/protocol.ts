/** Messages between the core and a job's worker thread. */
import type { Progress } from '../../../shared/contract';

export interface JobRequest {
  job: string;
  projectFile: string;
  params: unknown;
  /** Int32Array over a SharedArrayBuffer: [0] becomes 1 when the job is cancelled. */
  cancelFlag: SharedArrayBuffer;
}

export type JobMessage =
  | { type: 'progress'; progress: Omit<Progress, 'jobId'> }
  | { type: 'done'; result: unknown }
  | { type: 'error'; error: { name: string; code?: string; message: string; file?: string } };
