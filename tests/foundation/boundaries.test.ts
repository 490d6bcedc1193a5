/**
 * The architecture's import rules: the core runs in plain Node (no electron, no DOM, no
 * React), the renderer reaches the core only through the contract (no Node, no core), and
 * the CLI reaches it only through the dispatch table, as the UI does.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...sources(full));
    else if (/\.(ts|tsx|mts|mjs|js)$/.test(entry)) out.push(full);
  }
  return out;
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs: string[] = [];
  const re = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) specs.push((m[1] ?? m[2] ?? m[3] ?? m[4])!);
  return specs;
}

describe('architecture boundaries', () => {
  it('electron/core never imports electron, React or the DOM', () => {
    const files = sources(path.join(ROOT, 'electron', 'core'));
    expect(files.length).toBeGreaterThan(10);
    const offenders: string[] = [];
    for (const f of files) {
      for (const spec of importsOf(f)) {
        if (spec === 'electron' || spec.startsWith('electron/') || spec === 'react' || spec.startsWith('react-dom')) offenders.push(`${path.relative(ROOT, f)} imports ${spec}`);
      }
      const text = readFileSync(f, 'utf8');
      if (/\b(window|document|localStorage|navigator)\.\w/.test(text.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, ''))) offenders.push(`${path.relative(ROOT, f)} uses a DOM global`);
    }
    expect(offenders).toEqual([]);
  });

  it('the renderer never imports Node, electron or the core', () => {
    const files = sources(path.join(ROOT, 'renderer', 'src'));
    expect(files.length).toBeGreaterThan(5);
    const offenders: string[] = [];
    for (const f of files) {
      for (const spec of importsOf(f)) {
        const resolved = spec.startsWith('.') ? path.relative(ROOT, path.resolve(path.dirname(f), spec)) : spec;
        const bad =
          spec.startsWith('node:') ||
          ['fs', 'path', 'os', 'child_process', 'crypto', 'worker_threads', 'electron', 'better-sqlite3-multiple-ciphers'].includes(spec) ||
          resolved.startsWith(`electron${path.sep}`) ||
          resolved === 'electron';
        if (bad) offenders.push(`${path.relative(ROOT, f)} imports ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('shared/ is pure: no Node built-ins, no electron, no React', () => {
    const offenders: string[] = [];
    for (const f of sources(path.join(ROOT, 'shared'))) {
      for (const spec of importsOf(f)) {
        if (spec.startsWith('node:') || spec === 'electron' || spec === 'react' || spec.includes('electron/core')) offenders.push(`${path.relative(ROOT, f)} imports ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('the CLI calls the core only through the dispatch table', () => {
    // The session and dispatch are the way in; errors to tell user errors from bugs; the
    // version for --version before any project is open. Anything else is a second way in
    // that lets the CLI and the UI drift apart.
    const allowed = new Set(['api/dispatch', 'api/session', 'errors', 'version'].map((m) => path.join('electron', 'core', m)));
    const files = sources(path.join(ROOT, 'electron', 'cli'));
    expect(files.length).toBeGreaterThan(10);
    const offenders: string[] = [];
    for (const f of files) {
      for (const spec of importsOf(f)) {
        if (!spec.startsWith('.')) continue;
        const resolved = path.relative(ROOT, path.resolve(path.dirname(f), spec)).replace(/\.ts$/, '');
        if (resolved.startsWith(path.join('electron', 'core') + path.sep) && !allowed.has(resolved)) offenders.push(`${path.relative(ROOT, f)} imports ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
