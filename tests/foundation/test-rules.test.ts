/**
 * The rules the tests live by, checked on their own source: no waiting for time and no wall
 * clock or machine speed (the project's clock is set instead, e2e waits for state), no
 * retries, and every e2e test on its own app (no app shared by the tests of a block).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const TESTS = path.join(ROOT, 'tests');
const SELF = path.relative(ROOT, __filename);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === '__screenshots__' ? [] : sources(full);
    return /\.(ts|mjs)$/.test(e.name) ? [path.relative(ROOT, full)] : [];
  });
}

// written in pieces, so this file does not match itself
const FORBIDDEN: [RegExp, string][] = [
  [new RegExp(['set', 'Timeout\\('].join('')), 'a timer'],
  [new RegExp(['wait', 'ForTimeout'].join('')), 'a wait for time'],
  [new RegExp(['\\bsleep', '\\('].join('')), 'a sleep'],
  [new RegExp(['Date\\.now', '\\(\\)'].join('')), 'the wall clock'],
  [new RegExp(['performance\\.now', '\\(\\)'].join('')), 'a stopwatch'],
  [new RegExp(['new Date', '\\(\\)'].join('')), 'the wall clock'],
  [new RegExp(['\\bretry', '\\s*:\\s*[1-9]'].join('')), 'a retry'],
];

describe('the tests themselves', () => {
  it('never wait for time, read the wall clock or time themselves, and are never retried', () => {
    const found: string[] = [];
    for (const file of [...sources(TESTS), 'vitest.config.ts'].filter((f) => f !== SELF)) {
      readFileSync(path.join(ROOT, file), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          for (const [re, what] of FORBIDDEN) if (re.test(line)) found.push(`${file}:${i + 1}: ${what}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });

  it('run e2e without retries, and give every e2e test its own app', () => {
    // vitest retries nothing unless told to: the config names no retry at all
    expect(readFileSync(path.join(ROOT, 'vitest.config.ts'), 'utf8')).not.toMatch(/^\s*retry\s*:/m);
    const files = sources(path.join(TESTS, 'e2e')).filter((f) => f.endsWith('.test.ts'));
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      const text = readFileSync(path.join(ROOT, file), 'utf8');
      // an app started once for a block would carry one test's state into the next
      expect(text, file).not.toMatch(/beforeAll\(|startApp\(/);
      expect(text, file).toMatch(/appPerTest\(/);
      expect(text, file).toMatch(/describe\.skipIf\(noChromium\)/);
    }
  });
});
