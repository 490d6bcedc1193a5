/** Hands an exported codebook to the caller: written to a path (atomically) or returned as text. */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors';

export function writeCodebookExport(content: string, codes: number, format: 'csv' | 'txt', target: string | undefined) {
  if (!target) return { codes, path: null, fileName: `codebook.${format}`, content };
  const abs = path.resolve(target);
  const tmp = path.join(path.dirname(abs), `.${path.basename(abs)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, content, 'utf8');
    renameSync(tmp, abs);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new UserError('write-failed', `cannot write the codebook: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, abs);
  }
  return { codes, path: abs, fileName: path.basename(abs), content: null };
}
