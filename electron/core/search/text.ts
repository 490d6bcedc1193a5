/**
 * Words as a Swedish reader sees them: tokens with their UTF-16 offsets into the stored text,
 * compared case-insensitively. å, ä and ö are letters of their own and are never folded
 * (har ≠ här, for ≠ för); other accents are folded on purpose, because Swedish writes
 * loanwords both ways (idé/ide, entré/entre, café/cafe) and a search for one should find both.
 */

export interface Token {
  /** UTF-16 offsets into the text the token was read from. */
  start: number;
  end: number;
  /** Lower case, accents other than å/ä/ö folded. */
  norm: string;
}

// Letters and digits, with inner apostrophes kept ("it's"); hyphens and colons split words,
// so "IFO-chefen" is found by "ifo" and by "chefen", and "SoL:s" by "sol".
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  const slice = from === 0 && to === text.length ? text : text.slice(from, to);
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(slice))) {
    out.push({ start: from + m.index, end: from + m.index + m[0].length, norm: normalizeWord(m[0]) });
  }
  return out;
}

const foldCache = new Map<string, string>();

/** Lower case and fold accents except the Swedish letters å, ä, ö (and their capitals). */
export function normalizeWord(word: string): string {
  const cached = foldCache.get(word);
  if (cached !== undefined) return cached;
  const lower = word.toLowerCase().replace(/’/g, "'");
  // Plain ASCII and åäö need no folding: the common case, kept fast.
  const folded = /^[a-z0-9'åäö]*$/.test(lower) ? lower : foldAccents(lower);
  if (foldCache.size > 200_000) foldCache.clear();
  foldCache.set(word, folded);
  return folded;
}

function foldAccents(s: string): string {
  let out = '';
  for (const ch of s) {
    if (ch === 'å' || ch === 'ä' || ch === 'ö') out += ch;
    else if (ch === 'æ') out += 'ä'; // Danish/Norwegian spellings a Swedish reader reads as ä/ö
    else if (ch === 'ø') out += 'ö';
    else out += ch.normalize('NFD').replace(/\p{M}+/gu, '');
  }
  return out;
}

/** Sentence containing [start, end) within [from, to): ends at . ! ? … or a line break. */
export function sentenceAround(text: string, start: number, end: number, from: number, to: number): [number, number] {
  let s = start;
  while (s > from) {
    const c = text[s - 1]!;
    if (c === '\n') break;
    if (/[.!?…]/.test(c) && /\s/.test(text[s] ?? ' ')) break;
    s--;
  }
  let e = end;
  while (e < to) {
    const c = text[e]!;
    if (c === '\n') break;
    e++;
    if (/[.!?…]/.test(c) && (e >= to || /\s/.test(text[e]!))) break;
  }
  return trimSpan(text, s, e);
}

/** Paragraph (text between line breaks) containing [start, end), kept within [from, to). */
export function paragraphAround(text: string, start: number, end: number, from: number, to: number): [number, number] {
  let s = start;
  while (s > from && text[s - 1] !== '\n') s--;
  let e = end;
  while (e < to && text[e] !== '\n') e++;
  return trimSpan(text, s, e);
}

/** The span without leading and trailing white space (a quotation never starts with a blank). */
export function trimSpan(text: string, s: number, e: number): [number, number] {
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return [s, e];
}

/** Levenshtein distance of a and b is at most max (stops early once it cannot be). */
export function withinDistance(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      rowMin = Math.min(rowMin, cur[j]!);
    }
    if (rowMin > max) return false;
    prev = cur;
  }
  return prev[b.length]! <= max;
}

/** A term as FTS5 stores it: anything but letters and digits becomes "_" (a token character there). */
export function ftsToken(term: string): string {
  return term.replace(/[^\p{L}\p{N}]+/gu, '_');
}
