/**
 * Every export writes through a temporary file in the target folder and a rename, so a failed
 * or interrupted export never leaves half a file where the user expects a whole one.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors';

/** Writes bytes (or UTF-8 text) to target; returns the absolute path written. */
export function writeAtomically(target: string, data: Buffer | string): string {
  const abs = path.resolve(target);
  const tmp = path.join(path.dirname(abs), `.${path.basename(abs)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, abs);
  } catch (e) {
    rmSync(tmp, { force: true });
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new UserError('write-failed', `cannot write the file: ${why}`, abs, `filen kan inte skrivas: ${why}`);
  }
  return abs;
}
