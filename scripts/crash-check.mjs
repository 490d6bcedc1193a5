// The full SIGKILL crash check (issue 15): builds the Node entry points, then runs
// dist/crash-check.mjs (100 kills while coding, 20 while importing, 20 while migrating).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--node-only'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const run = spawnSync(process.execPath, [path.join(root, 'dist', 'crash-check.mjs')], { stdio: 'inherit' });
process.exit(run.status ?? 1);
