/** Running the import job inline on a real project file in a temp folder. */
import path from 'node:path';
import type { JobContext } from '../../electron/core/jobs/registry';
import { importFiles, type ImportOptions, type ImportParams, type ImportResult } from '../../electron/core/import/pipeline';
import { Project } from '../../electron/core/project/project';
import type { Progress } from '../../shared/contract';

export function newProject(dir: string, name = 'p.rodtrad'): Project {
  return Project.create(path.join(dir, name), { name: 'Importtest' });
}

export function jobContext(options: { cancelAfter?: number; onProgress?: (p: Omit<Progress, 'jobId'>) => void } = {}): JobContext & { events: Omit<Progress, 'jobId'>[] } {
  const events: Omit<Progress, 'jobId'>[] = [];
  let cancelled = false;
  return {
    events,
    progress(p) {
      events.push(p);
      options.onProgress?.(p);
      if (options.cancelAfter !== undefined && events.length > options.cancelAfter) cancelled = true;
    },
    throwIfCancelled() {
      if (cancelled) {
        const e = new Error('cancelled');
        e.name = 'CancelledError';
        throw e;
      }
    },
    get cancelled() {
      return cancelled;
    },
  };
}

export function runImport(p: Project, params: ImportParams, ctx = jobContext(), options: ImportOptions = {}): Promise<ImportResult> {
  return importFiles(p, params, ctx, options);
}

export function docRow(p: Project, id: number) {
  return p.db.prepare('SELECT name, kind, text, encoding, source_type AS sourceType, language FROM documents WHERE id = ?').get(id) as {
    name: string;
    kind: string;
    text: string;
    encoding: string | null;
    sourceType: string;
    language: string | null;
  };
}

export function turnsOf(p: Project, id: number) {
  const doc = docRow(p, id);
  return (
    p.db
      .prepare(
        `SELECT t.start, t."end" AS end, t.timestamp, s.label, s.is_interviewer AS interviewer FROM turns t
         LEFT JOIN speakers s ON s.id = t.speaker_id WHERE t.document_id = ? ORDER BY t.start`,
      )
      .all(id) as { start: number; end: number; timestamp: number | null; label: string | null; interviewer: number | null }[]
  ).map((t) => ({ ...t, text: doc.text.slice(t.start, t.end) }));
}
