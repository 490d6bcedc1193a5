/**
 * Long jobs that run in a worker thread. Each job opens the project file itself (its own
 * SQLite connection; WAL lets the UI keep reading) and does its writes in transactions.
 */
import type { Progress } from '../../../shared/contract';
import type { Project } from '../project/project';
import { checkProject } from '../project/check';
import { buildAndStoreIndex } from '../search/index-build';
import { importFiles } from '../import/pipeline';
import { exportFrequenciesJob, exportTermJob } from '../analysis/report-jobs';

export interface JobContext {
  progress(p: Omit<Progress, 'jobId'>): void;
  /** Throws CancelledError once the job was cancelled; call it between units of work. */
  throwIfCancelled(): void;
  readonly cancelled: boolean;
}

export type JobFn = (project: Project, params: never, ctx: JobContext) => unknown;

export const jobs: Record<string, JobFn> = {
  'project.check': checkProject as JobFn,
  'search.buildIndex': buildAndStoreIndex as JobFn,
  'import.files': importFiles as JobFn,
  'reports.exportTerm': exportTermJob as JobFn,
  'reports.exportFrequencies': exportFrequenciesJob as JobFn,
};
