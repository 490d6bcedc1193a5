import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');

function newestSource(dir: string): { file: string; mtime: number } {
  let newest = { file: '', mtime: 0 };
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.(ts|tsx|mjs|json|sql)$/.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    const mtime = statSync(file).mtimeMs;
    if (mtime > newest.mtime) newest = { file, mtime };
  }
  return newest;
}

describe('tests run the current source', () => {
  // Workers run dist/worker.mjs and the CLI tests dist/cli.mjs: a build older than the sources
  // would let a test pass on code that is no longer there.
  it('dist/ is built after the last change to electron/, shared/ and migrations/', () => {
    for (const bundle of ['worker.mjs', 'cli.mjs', 'core-process.mjs']) {
      const built = statSync(path.join(ROOT, 'dist', bundle)).mtimeMs;
      for (const dir of ['electron', 'shared', 'migrations']) {
        const src = newestSource(path.join(ROOT, dir));
        expect(built, `dist/${bundle} is older than ${path.relative(ROOT, src.file)}`).toBeGreaterThanOrEqual(src.mtime);
      }
    }
  });
});
