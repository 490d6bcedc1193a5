/**
 * Hands an exported file to the caller: written to `path` (through a temporary file and a
 * rename, so a failed export never leaves half a file), or returned as base64 for a browser
 * download when no path is given. Every export passes the privacy guard on the way
 * (pseudonyms, then the leak check on the file read back).
 */
import path from 'node:path';
import type { ExportResult } from '../../../shared/contract/tables';
import { guardedExport } from '../privacy/export-guard';
import type { Project } from '../project/project';

export const MIME: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  svg: 'image/svg+xml',
};

/** Which project the export comes from (its pseudonym list) and whether to pseudonymise (default: when it has a list). */
export interface ExportGuard {
  project: Project;
  pseudonymise?: boolean;
}

export async function deliver(raw: Buffer, format: string, baseName: string, target: string | undefined, guard: ExportGuard): Promise<ExportResult> {
  const mime = MIME[format] ?? 'application/octet-stream';
  const out = await guardedExport(guard.project, raw, format, target, guard.pseudonymise);
  if (!out.path) {
    return { path: null, base64: out.bytes.toString('base64'), fileName: `${safeName(baseName)}.${format}`, mime, bytes: out.bytes.length, privacy: out.privacy };
  }
  return { path: out.path, base64: null, fileName: path.basename(out.path), mime, bytes: out.bytes.length, privacy: out.privacy };
}

function safeName(s: string): string {
  // control characters are not allowed in file names on Windows; that is why they are matched
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80) || 'export';
}
