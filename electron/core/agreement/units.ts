/**
 * The units coders are compared on, as [start, end) ranges of a document's stored text (UTF-16
 * offsets), trimmed of surrounding white space and never empty: speaker turns (from the
 * transcript; a document without turns falls back to paragraphs), paragraphs (blocks between
 * blank lines; lines when a document has no blank line) and sentences (ending in . ! ? … before
 * white space, or at a line break).
 */
import type { Segment } from './unitizing';

export type UnitKind = 'turn' | 'paragraph' | 'sentence' | 'char';

function trimmed(text: string, start: number, end: number): Segment | null {
  let s = start;
  let e = end;
  while (s < e && /\s/u.test(text[s]!)) s++;
  while (e > s && /\s/u.test(text[e - 1]!)) e--;
  return e > s ? { start: s, end: e } : null;
}

function split(text: string, start: number, end: number, boundary: RegExp): Segment[] {
  const out: Segment[] = [];
  const re = new RegExp(boundary.source, boundary.flags.includes('g') ? boundary.flags : `${boundary.flags}g`);
  re.lastIndex = start;
  let from = start;
  for (let m = re.exec(text); m && m.index < end; m = re.exec(text)) {
    const cut = m.index + m[0].length;
    const seg = trimmed(text, from, Math.min(cut, end));
    if (seg) out.push(seg);
    from = cut;
    if (m[0].length === 0) re.lastIndex++;
  }
  const last = trimmed(text, from, end);
  if (last) out.push(last);
  return out;
}

export function paragraphUnits(text: string): Segment[] {
  const blank = /\n[ \t]*\n/u;
  return split(text, 0, text.length, blank.test(text) ? /\n[ \t]*\n\s*/u : /\n/u);
}

export function sentenceUnits(text: string): Segment[] {
  return split(text, 0, text.length, /\n/u).flatMap((line) => split(text, line.start, line.end, /[.!?…]+["”’)\]]*(?=\s)/u));
}

export function turnUnits(text: string, turns: { start: number; end: number }[]): Segment[] {
  if (turns.length === 0) return paragraphUnits(text);
  return turns
    .map((t) => trimmed(text, t.start, t.end))
    .filter((s): s is Segment => s !== null)
    .sort((a, b) => a.start - b.start);
}

/** The first unit index whose end lies after `at` (units sorted and non-overlapping). */
export function firstUnitEndingAfter(units: Segment[], at: number): number {
  let lo = 0;
  let hi = units.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (units[mid]!.end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
