/** Hands an exported codebook to the caller: written to a path (atomically) or returned as text. */
import { writeAtomically } from '../files/write-atomically';
import path from 'node:path';

export function writeCodebookExport(content: string, codes: number, format: 'csv' | 'txt' | 'qdc', target: string | undefined) {
  if (!target) return { codes, path: null, fileName: `codebook.${format}`, content };
  const abs = writeAtomically(target, content);
  return { codes, path: abs, fileName: path.basename(abs), content: null };
}
