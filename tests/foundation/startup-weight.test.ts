/**
 * What a process loads before it does anything: the CLI, a job worker and the import's
 * reader load only what every command needs, and the heavy libraries (Word, Excel, PDF,
 * charts, stemmers, CSV) only when a command or job uses them. Read from the built files
 * (npm test builds dist/ first), following static imports through the shared chunks.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const DIST = path.resolve(__dirname, '../../dist');
const HEAVY = ['docx', 'exceljs', 'mammoth', 'pdfjs-dist', 'jszip', 'fast-xml-parser', '@resvg/resvg-js', 'lunr', 'lunr-languages', 'papaparse', 'iconv-lite', 'yauzl'];

/** Packages a built file loads at start: its static imports, followed through local chunks. */
function loadedAtStart(entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    // static imports, and a module's own top-level `await import()` (which runs at start too)
    const specs = [...text.matchAll(/^import\s(?:[^;]*?\sfrom\s)?"([^"]+)";?$/gms), ...text.matchAll(/^(?:const|var|let)\s[^=\n]+=\s*await import\("([^"]+)"\)/gm)];
    for (const m of specs) {
      const spec = m[1]!;
      if (spec.startsWith('.')) visit(path.resolve(path.dirname(file), spec));
      else if (!spec.startsWith('node:')) packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
    }
    // createRequire-based loading at module top would load a package as well
    for (const m of text.matchAll(/^(?:const|var|let)\s+\w+\s*=\s*(?:__require|require)\("([^"]+)"\)/gm)) packages.add(m[1]!.split('/')[0]!);
  };
  visit(path.join(DIST, entry));
  return packages;
}

describe('startup weight', () => {
  it('follows the imports through the chunks (what every process does need is found)', () => {
    expect(existsSync(path.join(DIST, 'cli.mjs')), 'npm test builds dist/ first').toBe(true);
    expect(loadedAtStart('cli.mjs')).toEqual(new Set(['zod', 'better-sqlite3-multiple-ciphers', 'cli-progress']));
    expect(loadedAtStart('worker.mjs')).toEqual(new Set(['better-sqlite3-multiple-ciphers']));
  });

  for (const entry of ['cli.mjs', 'worker.mjs', 'import-reader.mjs']) {
    it(`${entry} loads none of the heavy libraries before they are needed`, () => {
      expect([...loadedAtStart(entry)].filter((p) => HEAVY.includes(p))).toEqual([]);
    });
  }

  it('the import job loads no format library until a file needs one', () => {
    const chunk = readdirSync(path.join(DIST, 'chunks')).find((f) => /^pipeline-.*\.mjs$/.test(f));
    expect(chunk, 'the import job is a chunk of its own').toBeDefined();
    expect([...loadedAtStart(path.join('chunks', chunk!))].filter((p) => HEAVY.includes(p))).toEqual([]);
  });
});
