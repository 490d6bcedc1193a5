/**
 * The export job: the project as a `.qdpx` — `project.qde` and a flat lower-case `sources/`
 * with one `<guid>.txt` per document (NOTES §2.2 export rule) — written atomically to a
 * path, or returned as base64 for a browser download.
 */
import path from 'node:path';
import type JSZipNs from 'jszip';
import type { RefiExportResult, RefiTarget } from '../../../shared/contract/refi';
import { writeAtomically } from '../files/write-atomically';
import type { JobContext } from '../jobs/registry';
import { lazyRequire } from '../lazy-require';
import type { Project } from '../project/project';
import { buildQde, type QdeExport } from './build-qde';

const JSZip = lazyRequire<typeof JSZipNs>('jszip');

export interface RefiExportParams {
  path?: string;
  target: RefiTarget;
  speakerCodes: boolean;
}

/** The archive's bytes: `project.qde` first, then the sources, deflated. */
export async function zipQdpx(qde: Pick<QdeExport, 'xml' | 'files'>): Promise<Buffer> {
  const zip = new (JSZip())();
  // no folder entries: the spec's flat sources/ needs none, and most tools write none
  zip.file('project.qde', qde.xml, { createFolders: false });
  for (const f of qde.files) zip.file(f.name, f.data, { createFolders: false });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'UNIX' });
}

export async function exportRefiProject(p: Project, params: RefiExportParams, ctx: JobContext): Promise<RefiExportResult> {
  const qde = buildQde(p, {
    target: params.target ?? 'standard',
    speakerCodes: params.speakerCodes ?? false,
    onDocument: (done, total) => {
      ctx.throwIfCancelled();
      ctx.progress({ phase: 'export', done, total: total + 1, unit: 'items' });
    },
  });
  const bytes = await zipQdpx(qde);
  ctx.throwIfCancelled();
  ctx.progress({ phase: 'export', done: 1, total: 1, unit: 'items' });
  const fileName = `${(p.getMeta('name') ?? 'project').replace(/[\\/:*?"<>|]/g, '_')}.qdpx`;
  if (!params.path) return { path: null, fileName, data: bytes.toString('base64'), counts: qde.counts, astralDocuments: qde.astralDocuments };
  const abs = writeAtomically(params.path, bytes);
  return { path: abs, fileName: path.basename(abs), data: null, counts: qde.counts, astralDocuments: qde.astralDocuments };
}
