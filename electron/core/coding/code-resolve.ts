/**
 * A code from what a user types: its full path, or — when that is not a path — a unique name
 * or path suffix ("Yrkeserfarenhet" for "Påverkansfaktorer/Yrkeserfarenhet"). When nothing
 * matches, the message names the nearest codes. A new code is made only when the caller asks
 * for it (`create`), so a typed name never becomes a second top-level code by accident.
 */
import { UserError } from '../errors';
import type { Project } from '../project/project';
import { codeByPath, joinCodePath, splitCodePath } from './codes';
import { codePaths } from './query';

const fold = (s: string): string => s.normalize('NFC').toLocaleLowerCase('sv');

function endsWith(path: string[], tail: string[], eq: (a: string, b: string) => boolean): boolean {
  if (tail.length > path.length) return false;
  const off = path.length - tail.length;
  return tail.every((n, i) => eq(path[off + i]!, n));
}

export function resolveCode(p: Project, text: string, options: { create?: boolean } = {}): number {
  const names = splitCodePath(text);
  if (names.length === 0) throw new UserError('bad-input', `"${text}" is not a code path`, undefined, `”${text}” är ingen kodsökväg`);
  const paths = [...codePaths(p)];
  const exact = paths.find(([, path]) => path.length === names.length && endsWith(path, names, (a, b) => a === b));
  if (exact) return exact[0];
  let matches = paths.filter(([, path]) => endsWith(path, names, (a, b) => a === b));
  if (matches.length === 0) matches = paths.filter(([, path]) => endsWith(path, names, (a, b) => fold(a) === fold(b)));
  if (matches.length === 1) return matches[0]![0];
  if (matches.length > 1) {
    const list = matches.map(([, path]) => `"${joinCodePath(path)}"`).join(', ');
    throw new UserError('ambiguous', `"${text}" matches ${matches.length} codes (${list}); write more of the path`, undefined, `”${text}” passar ${matches.length} koder (${list}); skriv mer av sökvägen`);
  }
  if (options.create) return codeByPath(p, text, { create: true });
  const near = nearestCodes(paths, names);
  const en = near.length ? `; nearest: ${near.map((x) => `"${x}"`).join(', ')}` : '';
  const sv = near.length ? `; närmast: ${near.map((x) => `”${x}”`).join(', ')}` : '';
  throw new UserError('not-found', `no code "${text}"${en}`, undefined, `det finns ingen kod ”${text}”${sv}`);
}

/** Up to three codes whose last name is closest to the typed last name (shared words, edit distance). */
export function nearestCodes(paths: [number, string[]][], names: string[]): string[] {
  const wanted = fold(names.at(-1)!);
  const scored = paths.map(([, path]) => {
    const name = fold(path.at(-1)!);
    const contains = name.includes(wanted) || wanted.includes(name) ? 0.5 : 0;
    const distance = levenshtein(name, wanted) / Math.max(name.length, wanted.length, 1);
    return { path: joinCodePath(path), score: distance - contains };
  });
  return scored
    .filter((s) => s.score < 0.5)
    .sort((a, b) => a.score - b.score || a.path.localeCompare(b.path, 'sv'))
    .slice(0, 3)
    .map((s) => s.path);
}

function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}
