/**
 * Hands an exported file to the caller: written to `path` (through a temporary file and a
 * rename, so a failed export never leaves half a file), or returned as base64 for a browser
 * download when no path is given.
 */
import { writeAtomically } from '../files/write-atomically';
import path from 'node:path';
import type { ExportResult } from '../../../shared/contract/tables';

export const MIME: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

export function deliver(bytes: Buffer, format: string, baseName: string, target: string | undefined): ExportResult {
  const mime = MIME[format] ?? 'application/octet-stream';
  if (!target) {
    return { path: null, base64: bytes.toString('base64'), fileName: `${safeName(baseName)}.${format}`, mime, bytes: bytes.length };
  }
  const abs = writeAtomically(target, bytes);
  return { path: abs, base64: null, fileName: path.basename(abs), mime, bytes: bytes.length };
}

function safeName(s: string): string {
  // control characters are not allowed in file names on Windows; that is why they are matched
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80) || 'export';
}
