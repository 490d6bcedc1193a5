/**
 * What a test needs from outside the repository: third-party reference files that must not be
 * copied in (they stay in the `shared/` folder beside the checkout) and tools (LibreOffice,
 * xmllint, Chromium). Outside CI a test whose need is absent is skipped and says so in one
 * line; with `CI=true` it fails instead, because CI installs every tool and has `shared/`
 * beside it, so a skip there would hide a test that never ran.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** `RODTRAD_SHARED` when set (a missing folder then means absent), else `shared/` beside the checkout. */
export function sharedDir(): string {
  return process.env.RODTRAD_SHARED ?? path.resolve(ROOT, '../shared');
}

export interface Need {
  /** The file or tool's path when present, else null. */
  path: string | null;
  /** Why the test cannot run ("needs …"), or null when it can. */
  missing: string | null;
}

/** A file under the shared folder, e.g. `refi/samples/x.qdpx`. */
export function needReference(rel: string): Need {
  const file = path.join(sharedDir(), rel);
  return existsSync(file) ? { path: file, missing: null } : { path: null, missing: `needs the reference file ${file} (shared/ beside the checkout, or RODTRAD_SHARED)` };
}

/**
 * Tools to treat as absent although installed (`RODTRAD_WITHOUT_TOOLS=soffice,chromium`), to
 * see on a full machine what a machine without them prints.
 */
function withheld(name: string): boolean {
  const names = (process.env.RODTRAD_WITHOUT_TOOLS ?? '').split(',').map((n) => n.trim()).filter(Boolean);
  return names.includes(name) || names.includes(path.basename(name));
}

/** A program on PATH (or at an absolute path). */
export function needTool(name: string): Need {
  const found = withheld(name) ? '' : path.isAbsolute(name) ? (existsSync(name) ? name : '') : spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();
  return found ? { path: found, missing: null } : { path: null, missing: `needs ${name}, which is not installed` };
}

export const inCI = (): boolean => process.env.CI === 'true';

/**
 * Decides, at collection time, whether the tests behind `needs` run. Returns true when they
 * must be skipped (and prints the one visible line); throws in CI, so the file fails.
 */
export function skipUnless(testName: string, ...needs: Need[]): boolean {
  const missing = needs.map((n) => n.missing).filter((m): m is string => m !== null);
  if (missing.length === 0) return false;
  const line = `${testName}: ${missing.join('; ')}`;
  if (inCI()) throw new Error(`CI=true and a test cannot run: ${line}`);
  console.warn(`[skipped] ${line}`);
  return true;
}

/**
 * Inside a running test: when a need is absent, prints the line and marks the test skipped
 * (so it never counts as passed), or fails it in CI. Returns the need's path otherwise.
 */
export function pathOrSkip(ctx: SkipContext, need: Need): string {
  return pathsOrSkip(ctx, need)[0]!;
}

/** pathOrSkip for several needs at once: all their paths, or one line naming every absent one. */
export function pathsOrSkip(ctx: SkipContext, ...needs: Need[]): string[] {
  const paths = needs.map((n) => n.path);
  if (paths.every((p): p is string => p !== null)) return paths;
  skipUnless(ctx.task.name, ...needs);
  return ctx.skip(needs.map((n) => n.missing).filter(Boolean).join('; '));
}

type SkipContext = { skip(note?: string): never; task: { name: string } };
