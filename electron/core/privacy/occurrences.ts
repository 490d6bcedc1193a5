/**
 * How often each name of the pseudonym list occurs in the documents (with its inflections, as
 * the exports replace it) and in how many documents: what the user needs to see whether a
 * name matters and whether it is spelt as in the text. One pass over each document with
 * every name in one pattern, longest first, so "Anna Andersson" is not also counted as "Anna".
 */
import type { PseudonymRow } from '../../../shared/contract/privacy';
import type { Project } from '../project/project';
import { nameRegex } from './pseudonymise';

export interface Occurrence {
  real: string;
  count: number;
  documents: number;
}

const key = (s: string): string => s.toLocaleLowerCase('sv').replace(/\s+/gu, ' ');

export function countOccurrences(p: Project, entries: readonly PseudonymRow[]): Occurrence[] {
  const names = [...new Set(entries.map((e) => e.real.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  const counts = new Map<string, { count: number; documents: number }>(names.map((n) => [key(n), { count: 0, documents: 0 }]));
  if (names.length > 0) {
    // one alternation with the name in a group, its inflection after it (nameRegex's own rules)
    const parts = names.map((n) => nameRegex(n).source.replace(/\(\?<suffix>/u, '(?:'));
    const all = new RegExp(parts.map((s) => `(?:${s})`).join('|'), 'giu');
    const whole = names.map((n) => ({ k: key(n), re: new RegExp(`^(?:${nameRegex(n).source.replace(/\(\?<suffix>/u, '(?:')})$`, 'iu') }));
    for (const text of p.db.prepare('SELECT text FROM documents').pluck().iterate() as Iterable<string>) {
      const seen = new Set<string>();
      for (const m of text.matchAll(all)) {
        const hit = whole.find((w) => w.re.test(m[0]));
        if (!hit) continue;
        counts.get(hit.k)!.count++;
        seen.add(hit.k);
      }
      for (const k of seen) counts.get(k)!.documents++;
    }
  }
  return entries.map((e) => ({ real: e.real, ...(counts.get(key(e.real.trim())) ?? { count: 0, documents: 0 }) }));
}
