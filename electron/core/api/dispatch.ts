/**
 * The one dispatch table: every API method maps to one core function. The desktop IPC
 * handler, the browser-mode server and the CLI all call `dispatch` and nothing else.
 */
import { contract, isMethodName } from '../../../shared/contract';
import type { MethodName, Params, Result } from '../../../shared/contract';
import { tableHandlers } from '../analysis/table-handlers';
import { attributeHandlers } from '../attributes/handlers';
import { codebookHandlers } from '../codebooks/handlers';
import { codingHandlers } from '../coding/handlers';
import { documentHandlers } from '../documents/handlers';
import { UserError } from '../errors';
import { groupHandlers } from '../groups/handlers';
import { hostHandlers } from '../host/handlers';
import { jobHandlers } from '../jobs/handlers';
import { memoHandlers } from '../memos/handlers';
import { projectHandlers } from '../project/handlers';
import { reportHandlers } from '../analysis/report-handlers';
import { sampleHandlers } from '../sample/handlers';
import { speakerHandlers } from '../speakers/handlers';
import { historyHandlers } from '../undo/handlers';
import { searchHandlers } from '../search/handlers';
import { mergeHandlers } from './merge-handlers';
import type { Session } from './session';
import type { CallContext, Handler, Handlers } from './types';
import { importHandlers } from '../import/handlers';
import { teamHandlers } from '../teams/handlers';
import { agreementHandlers } from '../agreement/handlers';
import { refiHandlers } from '../refi/handlers';
import { drillHandlers } from '../analysis/drill-handlers';
import { codeMapHandlers } from '../analysis/codemap-handlers';
import { applyPathPolicy } from './path-policy';
import { privacyHandlers } from '../privacy/handlers';
import { mediaHandlers } from '../media/handlers';

/** Each area's part of the table; every contract method is in exactly one of them. */
export const handlerMaps = [
  projectHandlers,
  privacyHandlers,
  sampleHandlers,
  hostHandlers,
  jobHandlers,
  documentHandlers,
  speakerHandlers,
  groupHandlers,
  codingHandlers,
  codebookHandlers,
  memoHandlers,
  attributeHandlers,
  historyHandlers,
  searchHandlers,
  tableHandlers,
  reportHandlers,
  importHandlers,
  teamHandlers,
  agreementHandlers,
  refiHandlers,
  drillHandlers,
  mediaHandlers,
  codeMapHandlers,
] as const;

const handlers: Handlers<MethodName> = mergeHandlers(...handlerMaps);

/** Checks results against their schema too; on in tests, off in production for speed. */
const validateResults = process.env.RODTRAD_VALIDATE_RESULTS === '1';

let jobCounter = 0;

export async function dispatch<M extends MethodName>(session: Session, method: M, rawParams: Params<M> | unknown): Promise<Result<M>> {
  if (!isMethodName(method)) throw new UserError('unknown-method', `unknown method "${String(method)}"`);
  const spec = contract[method];
  const parsed = spec.params.safeParse(rawParams ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'params'}: ${i.message}`).join('; ');
    throw new UserError('bad-params', `${method}: ${issues}`);
  }
  // which files this host may name: refused or resolved here, before any handler runs
  applyPathPolicy(session, method, spec.params, parsed.data);
  const params = parsed.data as Record<string, unknown>;
  // Only a job registers its id: `job.cancel` names the job it cancels with the same field, and
  // registering that call under it would replace the running job's controller with its own.
  const jobId = spec.job ? (typeof params.jobId === 'string' ? params.jobId : `job-${++jobCounter}`) : undefined;
  const controller = new AbortController();
  if (jobId) session.jobs.set(jobId, controller);
  const ctx: CallContext = {
    session,
    signal: controller.signal,
    jobId,
    progress: (p) => session.emit({ type: 'progress', progress: { ...p, jobId: jobId ?? method } }),
  };
  try {
    const handler = handlers[method] as Handler<M>;
    const result = await handler(ctx, parsed.data as never);
    if (validateResults) {
      const check = spec.result.safeParse(result);
      if (!check.success) throw new Error(`${method} returned a result that breaks its contract: ${check.error.message}`);
    }
    if (spec.mutates) session.emit({ type: 'changed', method, contentVersion: session.project?.contentVersion() });
    return result as Result<M>;
  } finally {
    if (jobId) session.jobs.delete(jobId);
  }
}

/** The error shape every transport sends: user errors keep their message; anything else is a bug. */
export interface WireError {
  code: string;
  message: string;
  file?: string;
  /** The message in Swedish (with the file name, as `message`), where the core has one. */
  messageSv?: string;
}

export function toWireError(e: unknown): WireError {
  if (e instanceof UserError) {
    const sv = e.sv === undefined ? undefined : e.file ? `${e.file}: ${e.sv}` : e.sv;
    return { code: e.code, message: e.message, file: e.file, ...(sv ? { messageSv: sv } : {}) };
  }
  if (e instanceof Error && e.name === 'CancelledError') return { code: 'cancelled', message: 'cancelled' };
  const message = e instanceof Error ? e.message : String(e);
  return { code: 'internal', message: `internal error: ${message}` };
}
