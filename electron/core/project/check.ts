/**
 * "Check project": SQLite's integrity and foreign-key checks plus the invariants SQLite
 * cannot express (every quotation and turn lies inside its document's text).
 */
import type { Result } from '../../../shared/contract';
import type { JobContext } from '../jobs/registry';
import type { Project } from './project';

export type CheckResult = Result<'project.check'>;

export function checkProject(p: Project, _params: unknown, ctx: JobContext): CheckResult {
  const problems: string[] = [];
  const steps = 4;
  ctx.progress({ phase: 'integrity', done: 0, total: steps, unit: 'steps' });
  const integrity = p.db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
  for (const r of integrity) if (r.integrity_check !== 'ok') problems.push(`integrity: ${r.integrity_check}`);
  ctx.throwIfCancelled();
  ctx.progress({ phase: 'foreign keys', done: 1, total: steps, unit: 'steps' });
  const fk = p.db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
  for (const r of fk) problems.push(`foreign key: ${r.table} row ${r.rowid} points to a missing ${r.parent}`);
  ctx.throwIfCancelled();
  ctx.progress({ phase: 'quotations', done: 2, total: steps, unit: 'steps' });
  const badQ = p.db
    .prepare('SELECT q.id, q.start, q."end", d.chars FROM quotations q JOIN documents d ON d.id = q.document_id WHERE q."end" > d.chars OR q.start < 0 OR q.start >= q."end"')
    .all() as { id: number; start: number; end: number; chars: number }[];
  for (const q of badQ) problems.push(`quotation ${q.id} (${q.start}-${q.end}) lies outside its document (${q.chars} characters)`);
  ctx.throwIfCancelled();
  ctx.progress({ phase: 'turns', done: 3, total: steps, unit: 'steps' });
  const badT = p.db
    .prepare('SELECT t.id, t.start, t."end", d.chars FROM turns t JOIN documents d ON d.id = t.document_id WHERE t."end" > d.chars')
    .all() as { id: number; start: number; end: number; chars: number }[];
  for (const t of badT) problems.push(`turn ${t.id} (${t.start}-${t.end}) lies outside its document (${t.chars} characters)`);
  ctx.progress({ phase: 'done', done: steps, total: steps, unit: 'steps' });
  return { ok: problems.length === 0, problems };
}
