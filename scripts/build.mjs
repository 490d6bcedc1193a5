// Builds what runs outside vitest: the Node entry points (CLI, browser-mode server, Electron
// main + preload, the desktop core process, worker, benchmarks) with esbuild, and the renderer with Vite.
// `--node-only` skips the renderer (benchmarks need only the core).
import { build as esbuild } from 'esbuild';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const nodeOnly = process.argv.includes('--node-only');
const started = Date.now();

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
};

rmSync(path.join(root, 'dist', 'chunks'), { recursive: true, force: true });
await esbuild({
  ...common,
  format: 'esm',
  outdir: 'dist',
  // shared code goes into chunks, and a job's modules (imported when the job runs) load
  // only in the process or worker that runs it
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  outExtension: { '.js': '.mjs' },
  entryPoints: {
    cli: 'electron/cli.ts',
    main: 'electron/main.ts',
    'core-process': 'electron/core-process.ts',
    worker: 'electron/core/jobs/worker.ts',
    'import-reader': 'electron/core/import/reader-worker.ts',
    // the REFI import's second thread: the well-formedness check, then source preparation (refi/helper-thread.ts)
    'refi-helper': 'electron/core/refi/helper-worker.ts',
    bench: 'scripts/bench.ts',
    // the process the crash check (scripts/crash-check.mjs, tests/privacy/crash.test.ts) kills
    'crash-child': 'scripts/crash/child.ts',
    'crash-check': 'scripts/crash/check.ts',
    'sv-lexicon-build': 'scripts/sv-lexicon-build.ts',
  },
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
// the Swedish lexicon in the compact form the search reads (electron/core/search/sv-lexicon.ts)
await import(pathToFileURL(path.join(root, 'dist', 'sv-lexicon-build.mjs')).href);
// A sandboxed preload must be CommonJS and may require nothing but 'electron'.
await esbuild({ ...common, format: 'cjs', outfile: 'dist/preload.cjs', entryPoints: ['electron/preload.ts'] });

if (!nodeOnly) {
  rmSync(path.join(root, 'dist', 'renderer'), { recursive: true, force: true });
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}
console.log(`Rödtråd built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
