/**
 * Finds the folder the app ships from (the one holding migrations/ and sample-corpus/),
 * whether the code runs from source (tests), from dist/ (CLI, browser mode) or from
 * inside Electron's app archive.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

export function appRoot(): string {
  if (cached) return cached;
  const fromEnv = process.env.RODTRAD_APP_ROOT;
  if (fromEnv && existsSync(path.join(fromEnv, 'migrations'))) return (cached = fromEnv);
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    if (existsSync(path.join(dir, 'migrations')) && existsSync(path.join(dir, 'package.json'))) return (cached = dir);
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  throw new Error('Rödtråd cannot find its migrations/ folder next to package.json');
}

export const migrationsDir = (): string => path.join(appRoot(), 'migrations');
export const sampleCorpusDir = (): string => path.join(appRoot(), 'sample-corpus');
