/**
 * Long jobs that run in a worker thread. Each job opens the project file itself (its own
 * SQLite connection; WAL lets the UI keep reading) and does its writes in transactions.
 *
 * A job's code is imported only when the job runs, so a worker starting an import does not
 * first load the search engine, the chart renderer and every file-format library (on a
 * 2-core laptop that was a third of a 1 s import).
 */
import type { Progress } from '../../../shared/contract';
import type { Project } from '../project/project';

export interface JobContext {
  progress(p: Omit<Progress, 'jobId'>): void;
  /** Throws CancelledError once the job was cancelled; call it between units of work. */
  throwIfCancelled(): void;
  readonly cancelled: boolean;
}

export type JobFn = (project: Project, params: never, ctx: JobContext) => unknown;

const loaders: Record<string, () => Promise<JobFn>> = {
  'project.check': async () => (await import('../project/check')).checkProject as JobFn,
  'search.buildIndex': async () => (await import('../search/index-build')).buildAndStoreIndex as JobFn,
  'import.files': async () => (await import('../import/pipeline')).importFiles as JobFn,
  'reports.exportTerm': async () => (await import('../export/report-jobs')).exportTermJob as JobFn,
  'refi.importProject': async () => (await import('../refi/import-project')).importRefiProject as JobFn,
  'refi.exportProject': async () => (await import('../refi/export-project')).exportRefiProject as JobFn,
  'reports.exportFrequencies': async () => (await import('../export/report-jobs')).exportFrequenciesJob as JobFn,
};

/** What a job can start before its code is even loaded (the import's reader thread). */
const warmers: Record<string, () => Promise<void>> = {
  'import.files': async () => (await import('../import/prefetch')).prewarmReader(),
};

export const jobNames = (): string[] => Object.keys(loaders);

/** Starts what the job will need alongside its own thread; never fails the job. */
export function warmJob(name: string): void {
  void warmers[name]?.().catch(() => undefined);
}

/** The job's function, its module loaded on first use; an Error for an unknown job. */
export async function loadJob(name: string): Promise<JobFn> {
  const load = loaders[name];
  if (!load) throw new Error(`no job "${name}"`);
  return load();
}
