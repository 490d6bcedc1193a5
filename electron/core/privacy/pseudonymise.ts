/**
 * Replacing real names by pseudonyms in export text, and finding them again for the leak
 * check. Names match as whole words, case-insensitively, with any run of white space between
 * the parts of a multi-word name, and with their Swedish and English inflections: the
 * genitive ("Anderssons", "Person A:s"), the definite forms of places and units
 * ("Rinkebyn", "Rinkebys") are carried over to the pseudonym ("Anderssons" → "Person A:s").
 * Pure functions: no project, no file.
 */

export interface PseudonymEntry {
  real: string;
  pseudonym: string;
}

const LETTER = '\\p{L}\\p{N}';

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The name as a pattern: parts escaped, any white space between them. */
function namePattern(real: string): string {
  return real.trim().split(/\s+/u).map(escapeRegex).join('\\s+');
}

/**
 * Inflection suffixes that may follow a name: the genitive (s, :s, 's, ’s) and, for place
 * and unit names, definite forms (en, n, et, t) and their genitive. "Anna" + "n" does not
 * happen in Swedish text, so allowing these on every name costs nothing and catches more.
 */
const SUFFIX = "(?<suffix>:s|['’]s|s|ens|ets|ns|ts|en|et|n|t)?";

export function nameRegex(real: string): RegExp {
  return new RegExp(`(?<![${LETTER}])${namePattern(real)}${SUFFIX}(?![${LETTER}])`, 'giu');
}

/** The Swedish genitive of a pseudonym: "Person A" → "Person A:s", "Eva" → "Evas", "Lars" → "Lars". */
export function genitive(pseudonym: string): string {
  // an abbreviation, letter or number ends the name: colon before the s ("Person A:s", "IFO:s")
  if (/(^|[\s-])[\p{Lu}\p{N}]+$/u.test(pseudonym)) return `${pseudonym}:s`;
  if (/[sxz]$/u.test(pseudonym)) return pseudonym;
  return `${pseudonym}s`;
}

function inflect(pseudonym: string, suffix: string | undefined): string {
  if (!suffix) return pseudonym;
  const genitiveSuffix = /s$/u.test(suffix);
  if (suffix.startsWith("'") || suffix.startsWith('’') || suffix === ':s' || suffix === 's') return genitive(pseudonym);
  // definite forms have no sensible equivalent on a pseudonym: keep it plain (or its genitive)
  return genitiveSuffix ? genitive(pseudonym) : pseudonym;
}

export interface Replacer {
  /** The text with every real name replaced, and how many replacements were made. */
  (text: string): { text: string; count: number };
}

/** Where a replacement went: [start, end) of the text before it and of the text after it. */
interface Span {
  from: number;
  to: number;
  newFrom: number;
  newTo: number;
}

/** Positions in the text before the replacements → positions in the text after them. */
export interface PositionMap {
  /**
   * A position's place after the replacements. One inside a replaced name goes to the
   * pseudonym's start (`side` 'start') or end ('end'), so a quotation that cut into a name
   * holds the whole pseudonym instead of half of it.
   */
  (pos: number, side: 'start' | 'end'): number;
}

export interface MappedReplacer {
  (text: string): { text: string; count: number; map: PositionMap };
}

function spanMap(spans: Span[]): PositionMap {
  return (pos, side) => {
    // the last span starting before pos (spans are in order and do not overlap)
    let lo = 0;
    let hi = spans.length - 1;
    let k = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid]!.from < pos) {
        k = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (k < 0) return pos;
    const sp = spans[k]!;
    if (pos >= sp.to) return pos - sp.to + sp.newTo;
    return side === 'start' ? sp.newFrom : sp.newTo;
  };
}

/**
 * Longest names first, so "Anna Andersson" is replaced before "Anna"; each name's pass
 * records where it changed the text, so positions into the text (a quotation's offsets)
 * can follow it.
 */
export function makeMappedReplacer(entries: readonly PseudonymEntry[]): MappedReplacer {
  const sorted = entries.filter((e) => e.real.trim().length > 0).sort((a, b) => b.real.length - a.real.length);
  const patterns = sorted.map((e) => ({ re: nameRegex(e.real), pseudonym: e.pseudonym }));
  return (text) => {
    let count = 0;
    let out = text;
    const maps: PositionMap[] = [];
    for (const { re, pseudonym } of patterns) {
      const spans: Span[] = [];
      let shift = 0;
      out = out.replace(re, (...args: unknown[]) => {
        const match = args[0] as string;
        const offset = args[args.length - 3] as number;
        const groups = args[args.length - 1] as { suffix?: string };
        const replacement = inflect(pseudonym, groups.suffix);
        spans.push({ from: offset, to: offset + match.length, newFrom: offset + shift, newTo: offset + shift + replacement.length });
        shift += replacement.length - match.length;
        count++;
        return replacement;
      });
      if (spans.length > 0) maps.push(spanMap(spans));
    }
    return { text: out, count, map: (pos, side) => maps.reduce((x, m) => m(x, side), pos) };
  };
}

export function makeReplacer(entries: readonly PseudonymEntry[]): Replacer {
  const replace = makeMappedReplacer(entries);
  return (text) => {
    const r = replace(text);
    return { text: r.text, count: r.count };
  };
}

/** Swedish personnummer and samordningsnummer (YYMMDD-NNNN, YYYYMMDDNNNN …) with a valid check digit. */
const PERSONNUMMER = /(?<![\p{N}])(?:19|20)?(\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01]|6[1-9]|[78]\d|9[01])([-+ ]?)(\d{4})(?![\p{N}])/gu;

function luhnOk(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

export function findPersonnummer(text: string): { index: number; match: string }[] {
  const out: { index: number; match: string }[] = [];
  for (const m of text.matchAll(PERSONNUMMER)) {
    const ten = `${m[1]}${m[2]}${m[3]}${m[5]}`;
    if (luhnOk(ten)) out.push({ index: m.index, match: m[0] });
  }
  return out;
}

/** Swedish phone numbers: 07x-xxx xx xx, 08-xxx xx xx, +46 …; at least eight digits. */
const PHONE = /(?<![\p{N}+])(?:\+46[\s-]?|0)\d{1,3}[\s-]?\d{2,3}[\s-]?\d{2}[\s-]?\d{2}(?![\p{N}])/gu;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;

export function findPhoneNumbers(text: string): string[] {
  return [...text.matchAll(PHONE)].map((m) => m[0]);
}

export function findEmails(text: string): string[] {
  return [...text.matchAll(EMAIL)].map((m) => m[0]);
}
