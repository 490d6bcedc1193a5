/**
 * The export job: the project as a `.qdpx` — `project.qde` and a flat lower-case `sources/`
 * with one `<guid>.txt` per document (NOTES §2.2 export rule) — written atomically to a
 * path, or returned as base64 for a browser download.
 */
import path from 'node:path';
import type { RefiExportResult, RefiTarget } from '../../../shared/contract/refi';
import type { JobContext } from '../jobs/registry';
import { checkedWrite, exportPseudonyms } from '../privacy/export-guard';
import { makeMappedReplacer } from '../privacy/pseudonymise';
import type { Project } from '../project/project';
import { buildQde, type QdeExport } from './build-qde';
import { writeZip } from './zip-write';

export interface RefiExportParams {
  path?: string;
  target: RefiTarget;
  speakerCodes: boolean;
  pseudonymise?: boolean;
}

/** The archive's bytes: `project.qde` first, then the sources, deflated (no folder entries: the spec's flat sources/ needs none, and most tools write none). */
export function zipQdpx(qde: Pick<QdeExport, 'xml' | 'files'>, modified: Date): Buffer {
  return writeZip([{ name: 'project.qde', data: qde.xml }, ...qde.files], modified);
}

export async function exportRefiProject(p: Project, params: RefiExportParams, ctx: JobContext): Promise<RefiExportResult> {
  // the pseudonyms go in while the texts are written, so positions follow the changed texts;
  // the archive is then checked for leaks (every file inside it) before it is handed out
  const guard = exportPseudonyms(p, params.pseudonymise);
  const qde = buildQde(p, {
    target: params.target ?? 'standard',
    speakerCodes: params.speakerCodes ?? false,
    pseudonyms: guard.on && guard.entries.length > 0 ? makeMappedReplacer(guard.entries) : undefined,
    onDocument: (done, total) => {
      ctx.throwIfCancelled();
      ctx.progress({ phase: 'export', done, total: total + 1, unit: 'items' });
    },
  });
  const bytes = zipQdpx(qde, new Date(p.now()));
  ctx.throwIfCancelled();
  ctx.progress({ phase: 'export', done: 1, total: 1, unit: 'items' });
  const fileName = `${(p.getMeta('name') ?? 'project').replace(/[\\/:*?"<>|]/g, '_')}.qdpx`;
  const out = await checkedWrite(p, bytes, 'qdpx', params.path, { ...guard, replacements: qde.replacements });
  const result = { counts: qde.counts, astralDocuments: qde.astralDocuments, privacy: out.privacy };
  if (!out.path) return { path: null, fileName, data: bytes.toString('base64'), ...result };
  return { path: out.path, fileName: path.basename(out.path), data: null, ...result };
}
