/** The reports.* methods: term report, survey frequency tables, coded open answers, and their exports. */
import path from 'node:path';
import type { ReportExportResult } from '../../../shared/contract/reports';
import { deliver as deliverExport, type ExportGuard } from '../export/deliver';
import type { Handlers } from '../api/types';
import { UserError } from '../errors';
import type { Project } from '../project/project';
import { runJob } from '../jobs/run';
import { frequencies, openAnswers } from './frequencies';
import { reportSettings, saveReportSettings } from './report-settings';
import { termReport } from './term-report';

/** Writes to `file` when given (through a temporary file, so a failure leaves no half file), else returns base64. */
export function deliver(bytes: Buffer, format: string, file: string | undefined, defaultName: string, guard: ExportGuard): Promise<ReportExportResult> {
  if (file && path.extname(file).slice(1).toLowerCase() !== format) throw new UserError('bad-input', `the file name must end in .${format}`, file, `filnamnet måste sluta på .${format}`);
  return deliverExport(bytes, format, defaultName, file, guard);
}

export function variables(p: Project): { name: string; levels: string[]; used: Record<string, number> }[] {
  const attrs = p.db.prepare("SELECT id, name FROM attributes WHERE scope = 'document' ORDER BY position, id").all() as { id: number; name: string }[];
  const levels = p.db.prepare('SELECT value FROM attribute_levels WHERE attribute_id = ? ORDER BY position').pluck();
  const used = p.db.prepare(
    `SELECT d.kind, count(*) AS n FROM document_attribute_values v JOIN documents d ON d.id = v.document_id
     WHERE v.attribute_id = ? AND trim(v.value) <> '' GROUP BY d.kind`,
  );
  return attrs.map((a) => ({
    name: a.name,
    levels: levels.all(a.id) as string[],
    used: Object.fromEntries((used.all(a.id) as { kind: string; n: number }[]).map((r) => [r.kind, r.n])),
  }));
}

type ReportMethod = 'reports.settings' | 'reports.saveSettings' | 'reports.variables' | 'reports.term' | 'reports.exportTerm' | 'reports.frequencies' | 'reports.openAnswers' | 'reports.exportFrequencies';

export const reportHandlers: Handlers<ReportMethod> = {
  'reports.settings': ({ session }) => reportSettings(session.requireProject()),
  'reports.saveSettings': ({ session }, { settings }) => saveReportSettings(session.requireProject(), settings),
  'reports.variables': ({ session }) => variables(session.requireProject()),
  'reports.term': ({ session }, req) => termReport(session.requireProject(), req),
  'reports.exportTerm': async ({ session, signal, progress }, req) => {
    const { path: file, jobId: _jobId, ...params } = req;
    const { pseudonymise } = req;
    const project = session.requireProject();
    const bytes = await runJob<Uint8Array>('reports.exportTerm', project.file, params, { signal, onProgress: progress });
    return deliver(Buffer.from(bytes), req.format, file, req.language === 'sv' ? 'terminsrapport' : 'term-report', { project, pseudonymise });
  },
  'reports.frequencies': ({ session }, req) => frequencies(session.requireProject(), req),
  'reports.openAnswers': ({ session }, req) => openAnswers(session.requireProject(), req),
  'reports.exportFrequencies': async ({ session, signal, progress }, req) => {
    const { path: file, jobId: _jobId, ...params } = req;
    const { pseudonymise } = req;
    const project = session.requireProject();
    const bytes = await runJob<Uint8Array>('reports.exportFrequencies', project.file, params, { signal, onProgress: progress });
    return deliver(Buffer.from(bytes), req.format, file, req.language === 'sv' ? 'frekvenstabeller' : 'frequency-tables', { project, pseudonymise });
  },
};
