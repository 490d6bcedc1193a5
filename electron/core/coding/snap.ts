/**
 * Snapping a selection to whole words. Offsets are UTF-16 code units; the result never
 * splits a surrogate pair or separates a letter from the combining marks, variation
 * selectors and joiners that follow it. Apostrophes and hyphens count as part of a word
 * only between two word characters ("barn-och-unga", "can't").
 */

const WORD = /[\p{L}\p{M}\p{N}\p{Pc}]/u;
/** Characters that belong to the character before them (accents, emoji modifiers, ZWJ, variation selectors). */
// The class tests one code point at a time, so a bare skin-tone modifier or ZWJ is meant to
// match on its own (the rule expects them only as parts of a whole emoji).
// eslint-disable-next-line no-misleading-character-class
const EXTENDS = /[\p{M}\u200D\u{1F3FB}-\u{1F3FF}\u{E0020}-\u{E007F}]/u;
const INNER = /['’\-‐‑]/u;
const SPACE = /\s/u;

export const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
export const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
const isHigh = isHighSurrogate;
const isLow = isLowSurrogate;

/** The code point starting at i (whole surrogate pair). */
function cpAt(text: string, i: number): string {
  const cp = text.codePointAt(i);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

/** The code point ending at i. */
function cpBefore(text: string, i: number): string {
  if (i <= 0) return '';
  if (i >= 2 && isLow(text.charCodeAt(i - 1)) && isHigh(text.charCodeAt(i - 2))) return text.slice(i - 2, i);
  return text.slice(i - 1, i);
}

/** Moves a position off the middle of a surrogate pair: start goes left, end goes right. */
export function fixSurrogates(text: string, pos: number, side: 'start' | 'end'): number {
  if (pos > 0 && pos < text.length && isLow(text.charCodeAt(pos)) && isHigh(text.charCodeAt(pos - 1))) {
    return side === 'start' ? pos - 1 : pos + 1;
  }
  return pos;
}

const isWord = (cp: string): boolean => cp !== '' && WORD.test(cp);

/** True when position i lies inside a word or inside one user-perceived character. */
function inside(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return false;
  const after = cpAt(text, i);
  const before = cpBefore(text, i);
  if (EXTENDS.test(after)) return true; // never separate a mark or joiner from its base
  if (before === '\u200D') return true; // emoji ZWJ sequence continues
  if (isWord(before) && isWord(after)) return true;
  if (isWord(before) && INNER.test(after) && isWord(cpAt(text, i + after.length))) return true;
  if (INNER.test(before) && isWord(after) && isWord(cpBefore(text, i - before.length))) return true;
  return false;
}

export interface Span {
  start: number;
  end: number;
}

/**
 * Trims surrounding whitespace from the selection, then widens each end to the edge of the
 * word it falls in. A selection of only whitespace is returned unchanged (surrogates fixed).
 */
export function snapToWords(text: string, start: number, end: number): Span {
  let s = fixSurrogates(text, Math.max(0, Math.min(start, text.length)), 'start');
  let e = fixSurrogates(text, Math.max(0, Math.min(end, text.length)), 'end');
  if (e < s) [s, e] = [e, s];
  let ts = s;
  let te = e;
  while (ts < te && SPACE.test(text[ts]!)) ts++;
  while (te > ts && SPACE.test(text[te - 1]!)) te--;
  if (ts === te) return { start: s, end: e };
  s = ts;
  e = te;
  while (inside(text, s)) s -= cpBefore(text, s).length;
  while (inside(text, e)) e += cpAt(text, e).length;
  return { start: s, end: e };
}
