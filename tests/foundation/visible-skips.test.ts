/**
 * A test that cannot run says so: with a tool withheld (RODTRAD_WITHOUT_TOOLS, as on a machine
 * without it), real test files are run by a nested vitest. Outside CI the tests that need the
 * tool are reported skipped, never passed, with one line naming what is missing; with CI=true
 * the same run fails.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp';

const ROOT = path.resolve(__dirname, '../..');
const VITEST = path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
const dir = tempDir('rodtrad-visible-skips');

interface Outcome {
  code: number | null;
  output: string;
  /** test name → passed / failed / skipped … */
  states: Map<string, string>;
}

/** One test file under a nested vitest (no build: the outer run has built dist/ already). */
function runFile(file: string, env: Record<string, string>): Outcome {
  const tag = Math.random().toString(36).slice(2);
  const config = path.join(dir, `vitest-${tag}.config.mjs`);
  const report = path.join(dir, `report-${tag}.json`);
  writeFileSync(config, `export default { test: { root: ${JSON.stringify(ROOT)}, include: [${JSON.stringify(file)}], environment: 'node', testTimeout: 120000, hookTimeout: 120000 } };\n`);
  const { CI: _ci, ...inherited } = process.env;
  const r = spawnSync(process.execPath, [VITEST, 'run', '--config', config, '--reporter=default', '--reporter=./tests/setup/skipped-summary.ts', '--reporter=json', `--outputFile.json=${report}`], {
    cwd: ROOT,
    env: { ...inherited, ...env },
    encoding: 'utf8',
    timeout: 240_000,
  });
  const json = JSON.parse(readFileSync(report, 'utf8')) as { testResults: { assertionResults: { fullName: string; status: string }[] }[] };
  const states = new Map(json.testResults.flatMap((f) => f.assertionResults.map((a) => [a.fullName, a.status] as const)));
  return { code: r.status, output: `${r.stdout}\n${r.stderr}`, states };
}

describe('tests that need a tool', () => {
  it('skip visibly without LibreOffice, and fail in CI', () => {
    const file = 'tests/reports/frequencies.test.ts';
    const needs = 'survey frequency tables renders the DOCX tables in LibreOffice (PNG to look at)';
    const local = runFile(file, { RODTRAD_WITHOUT_TOOLS: 'soffice' });
    expect(local.code, local.output).toBe(0);
    expect(local.states.get(needs), [...local.states.keys()].join('\n')).toBe('skipped');
    expect(local.output).toMatch(/\[skipped\] renders the DOCX tables in LibreOffice \(PNG to look at\): needs soffice, which is not installed/);
    // and once more at the end of the run
    expect(local.output).toMatch(/1 test skipped because something they need is absent[^\n]*\n {2}\[skipped\] renders the DOCX tables in LibreOffice/);
    // the rest of the file still runs
    expect([...local.states.values()].filter((s) => s === 'passed').length).toBeGreaterThan(2);

    const ci = runFile(file, { RODTRAD_WITHOUT_TOOLS: 'soffice', CI: 'true' });
    expect(ci.code).not.toBe(0);
    expect(ci.states.get(needs)).toBe('failed');
    expect(ci.output).toMatch(/CI=true and a test cannot run/);
  }, 240_000);

  it('skip every e2e test visibly without Chromium, and fail in CI', () => {
    const file = 'tests/e2e/foundation.test.ts';
    const local = runFile(file, { RODTRAD_CHROMIUM: path.join(dir, 'no-chromium') });
    expect(local.code, local.output).toBe(0);
    expect(local.states.size).toBeGreaterThan(0);
    expect([...local.states.values()].every((s) => s === 'skipped')).toBe(true);
    expect(local.output).toMatch(/\[skipped\] e2e \(browser mode in Chromium\): needs \S*no-chromium, which is not installed/);
    expect(local.output).toMatch(/\d+ tests? skipped because something they need is absent[^\n]*\n {2}\[skipped\] e2e \(browser mode in Chromium\)/);

    const ci = runFile(file, { RODTRAD_CHROMIUM: path.join(dir, 'no-chromium'), CI: 'true' });
    expect(ci.code).not.toBe(0);
    expect(ci.output).toMatch(/CI=true and a test cannot run: e2e/);
  }, 240_000);
});
