// Mutation check: do the tests notice when a feature breaks? Five chosen lines (DOCX import,
// undo, merging codes, the theme table's DOCX, the term report's "k av n") are broken one at a
// time in a temporary copy of the source tree (the checkout is never edited), the test files
// that cover each are run there, and the check fails if any mutant still passes, or if the
// line to break is no longer found (the code moved: update the mutant here).
//
// The covering files run as `npx vitest run --project unit <files>`, outside CI and with
// LibreOffice withheld: rendering to PDF is not what these lines are about, and it is slow.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Each mutant: the one line (exact text, found once) and what it becomes, and the test files that must fail. */
export const MUTANTS = [
  {
    name: 'DOCX import: bold speaker names forgotten',
    file: 'electron/core/import/formats/docx.ts',
    from: "return { text, sourceType: 'docx', encoding: null, knownLabels };",
    to: "return { text, sourceType: 'docx', encoding: null, knownLabels: [] };",
    tests: ['tests/import/formats.test.ts'],
  },
  {
    name: 'undo: the inverse step keeps the rows the wrong way round',
    file: 'electron/core/undo/journal.ts',
    from: "ELSE 'u' END, new, old)",
    to: "ELSE 'u' END, old, new)",
    tests: ['tests/coding/undo.test.ts'],
  },
  {
    name: "merge codes: the source's links are not moved",
    file: 'electron/core/coding/tree-edit.ts',
    from: '.run(targetId, sourceId).changes;',
    to: '.run(sourceId, sourceId).changes;',
    tests: ['tests/coding/tree.test.ts'],
  },
  {
    name: 'theme-table DOCX: sub-bullets on their parent\'s level',
    file: 'electron/core/export/theme-table-docx.ts',
    from: '...bullets(b.children, level + 1),',
    to: '...bullets(b.children, level),',
    tests: ['tests/analysis/theme-table.test.ts'],
  },
  {
    name: 'term report: k and n swapped',
    file: 'electron/core/export/term-report-export.ts',
    from: 'formatKofN(k, n, lang)',
    to: 'formatKofN(n, k, lang)',
    tests: ['tests/reports/term-report.test.ts'],
  },
];

/** The checkout's files as git sees them (tracked and new, not ignored), copied to a fresh folder. */
function copyTree(to) {
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  for (const rel of listed.stdout.split('\0')) {
    if (!rel || rel === 'node_modules' || rel.startsWith('node_modules/')) continue;
    const from = path.join(root, rel);
    if (!existsSync(from)) continue; // deleted in the work tree
    mkdirSync(path.dirname(path.join(to, rel)), { recursive: true });
    copyFileSync(from, path.join(to, rel));
  }
  symlinkSync(realpathSync(path.join(root, 'node_modules')), path.join(to, 'node_modules'), 'dir');
}

/** Runs test files in the copy; the outcome from vitest's JSON report. */
function runTests(tree, files, tag) {
  const report = path.join(tree, `.mutation-${tag}.json`);
  // the reference files stay where the checkout finds them (beside it), not beside the copy
  const env = { ...process.env, RODTRAD_WITHOUT_TOOLS: 'soffice', RODTRAD_SHARED: process.env.RODTRAD_SHARED ?? path.resolve(root, '../shared') };
  delete env.CI;
  const r = spawnSync(process.execPath, [path.join(tree, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--project', 'unit', '--reporter=json', `--outputFile.json=${report}`, ...files], {
    cwd: tree,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (!existsSync(report)) return { code: r.status, failed: 0, total: 0, failedFiles: 0, output: `${r.stdout}\n${r.stderr}` };
  const json = JSON.parse(readFileSync(report, 'utf8'));
  rmSync(report, { force: true });
  return { code: r.status, failed: json.numFailedTests, total: json.numTotalTests, failedFiles: json.numFailedTestSuites, output: `${r.stderr}` };
}

function main() {
  const started = Date.now();
  const tree = mkdtempSync(path.join(os.tmpdir(), 'rodtrad-mutation-'));
  const cleanUp = () => rmSync(tree, { recursive: true, force: true });
  process.once('SIGINT', () => (cleanUp(), process.exit(130)));
  process.once('SIGTERM', () => (cleanUp(), process.exit(143)));
  try {
    copyTree(tree);
    // the covering files must pass unbroken, or a "killed" would mean nothing
    const files = [...new Set(MUTANTS.flatMap((m) => m.tests))];
    const baseline = runTests(tree, files, 'baseline');
    if (baseline.code !== 0 || baseline.failed > 0 || baseline.total === 0) {
      console.error(`mutation-check: the covering tests fail without any mutant (${baseline.failed} of ${baseline.total} failed):\n${baseline.output.slice(-4000)}`);
      return 1;
    }
    const rows = [];
    for (const m of MUTANTS) {
      const file = path.join(tree, m.file);
      const original = readFileSync(file, 'utf8');
      const found = original.split(m.from).length - 1;
      if (found !== 1) {
        rows.push({ mutant: m.name, outcome: `NOT APPLIED (the line is found ${found} times in ${m.file})`, ok: false });
        continue;
      }
      writeFileSync(file, original.replace(m.from, m.to));
      try {
        const r = runTests(tree, m.tests, String(rows.length));
        if (r.failed > 0) rows.push({ mutant: m.name, outcome: `killed (${r.failed} of ${r.total} tests failed)`, ok: true });
        else if (r.code === 0) rows.push({ mutant: m.name, outcome: `SURVIVED (${r.total} tests passed)`, ok: false });
        else rows.push({ mutant: m.name, outcome: `ERROR (vitest exit ${r.code}, no failing test)`, ok: false, output: r.output });
      } finally {
        writeFileSync(file, original);
      }
    }
    const width = Math.max(...rows.map((r) => r.mutant.length));
    console.log(`${'mutant'.padEnd(width)}  outcome`);
    for (const r of rows) console.log(`${r.mutant.padEnd(width)}  ${r.outcome}`);
    for (const r of rows.filter((x) => x.output)) console.error(`\n${r.mutant}:\n${r.output.slice(-3000)}`);
    const bad = rows.filter((r) => !r.ok).length;
    console.log(`mutation-check: ${rows.length - bad} of ${rows.length} mutants killed in ${Math.round((Date.now() - started) / 1000)} s`);
    return bad === 0 ? 0 : 1;
  } finally {
    cleanUp();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main();
