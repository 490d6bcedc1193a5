/**
 * The import job: a REFI-QDA project file → this (new, empty) project, in one transaction.
 * The handler creates the project file first and removes it again when anything fails, so a
 * refused or cancelled import leaves nothing behind.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { RefiImportReport } from '../../../shared/contract/refi';
import { UserError } from '../errors';
import type { JobContext } from '../jobs/registry';
import type { Project } from '../project/project';
import { DEFAULT_ARCHIVE_LIMITS, type ArchiveLimits } from './archive';
import type { HelperOptions } from './helper-thread';
import { loadRefiWith } from './load';
import { planDocuments, startPlan } from './plan-import';
import { writeImport } from './write-import';

export interface RefiImportParams {
  source: { path?: string; name?: string; data?: string };
  skipMissingSources?: boolean;
  /** Tests: smaller caps, to refuse a bomb without inflating a gigabyte. */
  limits?: ArchiveLimits;
}

/** The bytes and the name to show for a source given by path or as base64 contents. */
export function sourceBytes(source: RefiImportParams['source']): { bytes: Buffer; display: string } {
  if (source.path !== undefined) {
    const abs = path.resolve(source.path);
    try {
      return { bytes: readFileSync(abs), display: abs };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new UserError('not-found', code === 'ENOENT' ? 'no such file' : `cannot read the file (${code ?? (e as Error).message})`, abs, code === 'ENOENT' ? 'filen finns inte' : `filen går inte att läsa (${code ?? (e as Error).message})`);
    }
  }
  return { bytes: Buffer.from(source.data ?? '', 'base64'), display: source.name ?? 'upload' };
}

/**
 * The one transaction of an import into a new, empty file. It is written with a rollback
 * journal, not the WAL: a rollback journal keeps only pages that existed before (nearly none
 * in a new file), so the import's pages are written once, where the WAL writes them twice
 * (to the log, then again by the checkpoint). Cut off midway, the journal rolls the file back
 * to the empty project, as the WAL would. The project is in WAL mode again afterwards.
 * synchronous=NORMAL and a page cache that holds the transaction keep pages from being
 * spilled and written twice. A failed import removes the file anyway.
 */
async function withBulkWrites<T>(p: Project, write: () => Promise<T>): Promise<T> {
  const synchronous = p.db.pragma('synchronous', { simple: true }) as number;
  const cacheSize = p.db.pragma('cache_size', { simple: true }) as number;
  // refused (left in WAL) when another connection has the file open: then nothing changes
  const journal = p.db.pragma('journal_mode = DELETE', { simple: true }) as string;
  p.db.pragma('synchronous = NORMAL');
  p.db.pragma('cache_size = -65536');
  try {
    return await write();
  } finally {
    if (journal === 'delete') p.db.pragma('journal_mode = WAL');
    p.db.pragma(`synchronous = ${synchronous}`);
    p.db.pragma(`cache_size = ${cacheSize}`);
  }
}

/** `helper`: tests choose the second thread's script, or none (helper-thread.ts). */
export async function importRefiProject(p: Project, params: RefiImportParams, ctx: JobContext, helper?: HelperOptions): Promise<RefiImportReport> {
  const { bytes, display } = sourceBytes(params.source);
  ctx.progress({ phase: 'read', done: 0, total: 1, unit: 'steps' });
  // the documents are prepared in two threads and written as they come, while the second
  // thread's well-formedness verdict is awaited only before the commit
  const { result } = await loadRefiWith(bytes, display, params.limits ?? DEFAULT_ARCHIVE_LIMITS, async (l, thread) => {
    if (l.kind === 'codebook') {
      throw new UserError('bad-file', 'is a codebook (.qdc), not a project; add it to an open project with the codebook import', display, 'är en kodbok (.qdc), inget projekt; lägg till den i ett öppet projekt med kodboksimporten');
    }
    ctx.throwIfCancelled();
    const refi = l.project;
    const { plan, inputs } = startPlan(refi, l.archive, display, { skipMissingSources: params.skipMissingSources ?? false });
    const documents = planDocuments(refi, inputs, thread.prepare(inputs, refi.origin), plan);
    const total = inputs.length + 1;
    let step = 0;
    const written = await withBulkWrites(p, () =>
      writeImport(p, refi, documents, l.archive, {
        onStep: () => {
          ctx.throwIfCancelled();
          ctx.progress({ phase: 'write', done: ++step, total, unit: 'items' });
        },
        beforeCommit: thread.verdict,
      }),
    );
    return { refi, plan, written };
  }, helper);
  const { refi, plan, written } = result;
  const ignored = Object.entries(refi.ignored)
    .filter(([, n]) => n > 0)
    .map(([name, n]) => ({ kind: 'element' as const, name: `${n} × ${name}`, reason: `${name} elements are not imported (Rödtråd has no such thing)`, reasonSv: `${name}-element importeras inte (Rödtråd har inget sådant)`, codings: 0 }));
  return {
    file: display,
    origin: refi.origin,
    projectName: p.getMeta('name') ?? '',
    counts: written.counts,
    positions: plan.positions,
    merged: plan.merged,
    skipped: [...plan.skipped, ...written.skipped, ...ignored],
    unplaced: plan.unplaced,
    warnings: [...plan.warnings, ...written.warnings],
  };
}
