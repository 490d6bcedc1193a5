/**
 * Builds dist/ once before any test runs: jobs run in workers from `dist/worker.mjs`, the CLI
 * tests run `dist/cli.mjs` and e2e serves `dist/renderer`, so a run that skipped the build
 * would test yesterday's code (a swapped k and n in the term-report export once passed that way).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export default function setup(): void {
  const root = path.resolve(__dirname, '../..');
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}
