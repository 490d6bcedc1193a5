import type { MethodName, ParsedParams, Progress, Result } from '../../../shared/contract';
import type { Session } from './session';

export interface CallContext {
  session: Session;
  /** Aborted when the caller cancels the job (job.cancel) or the project closes. */
  signal: AbortSignal;
  jobId: string | undefined;
  progress(p: Omit<Progress, 'jobId'>): void;
}

export type Handler<M extends MethodName> = (ctx: CallContext, params: ParsedParams<M>) => Result<M> | Promise<Result<M>>;
export type Handlers<K extends MethodName> = { [M in K]: Handler<M> };
