/**
 * Where a REFI-QDA selection lands in our stored text. The stored text is the source's text
 * NFC with '\n' line ends, positions in UTF-16 code units; writers count differently
 * (NOTES §5): code points (the standard, qc, QualCoder, us), UTF-16 units (NVivo), over the
 * raw text or over the text with CRLF counted as one (ATLAS.ti). Every interpretation is
 * mapped onto the stored text; the one under which the selections fit and fall on word
 * boundaries wins, ties going to what the writer is known to do. A position that falls
 * inside a character (between the halves of a surrogate pair, between a CR and its LF is
 * fine, inside a combining sequence NFC merged) has no exact place and is reported.
 */
export type PositionUnit = 'codepoints' | 'utf16' | 'codepoints-lf' | 'utf16-lf';

export const POSITION_UNITS: PositionUnit[] = ['codepoints', 'utf16', 'codepoints-lf', 'utf16-lf'];

/** The text as it is stored, and where each raw UTF-16 index lands in it (-1: nowhere exact). */
export interface MappedText {
  raw: string;
  stored: string;
  /** null when raw and stored are the same string (the common case: LF, NFC). */
  rawToStored: Int32Array | null;
  /** Raw index of each line-normalised index (null: no line end changed). */
  lfToRaw: Int32Array | null;
  lf: string;
}

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

export function mapText(raw: string): MappedText {
  // 1. line ends, as normalizeText does: CRLF, CR, U+2028/9 → LF
  const lineEnds = raw.includes('\r') || raw.includes('\u2028') || raw.includes('\u2029');
  let lf = raw;
  let rawToLf: Int32Array | null = null;
  let lfToRaw: Int32Array | null = null;
  if (lineEnds) {
    rawToLf = new Int32Array(raw.length + 1);
    lfToRaw = new Int32Array(raw.length + 1);
    const out: string[] = [];
    let l = 0;
    let runStart = 0;
    for (let i = 0; i < raw.length; i++) {
      const c = raw.charCodeAt(i);
      rawToLf[i] = l;
      if (c === 13 && raw.charCodeAt(i + 1) === 10) {
        // the CR vanishes: a position between CR and LF is the same place as before the CR
        out.push(raw.slice(runStart, i));
        runStart = i + 1;
        continue;
      }
      lfToRaw[l] = i;
      if (c === 13 || c === 0x2028 || c === 0x2029) {
        out.push(raw.slice(runStart, i), '\n');
        runStart = i + 1;
      }
      l++;
    }
    out.push(raw.slice(runStart));
    rawToLf[raw.length] = l;
    lfToRaw[l] = raw.length;
    lf = out.join('');
    lfToRaw = lfToRaw.subarray(0, l + 1);
  }
  // 2. NFC, mapped per combining sequence
  const nfc = lf.normalize('NFC');
  let lfToStored: Int32Array | null = null;
  if (nfc !== lf) lfToStored = nfcMapping(lf, nfc);
  if (!rawToLf && !lfToStored) return { raw, stored: lf, rawToStored: null, lfToRaw: null, lf };
  const rawToStored = new Int32Array(raw.length + 1);
  for (let i = 0; i <= raw.length; i++) {
    const l = rawToLf ? rawToLf[i]! : i;
    rawToStored[i] = lfToStored ? lfToStored[l]! : l;
  }
  return { raw, stored: nfc, rawToStored, lfToRaw, lf };
}

/** A code point that NFC may fold into the one before it: combining marks and Hangul vowel/trailing jamo. */
const CONTINUES = /[\p{M}\u1160-\u11ff]/u;

function nfcMapping(lf: string, nfc: string): Int32Array {
  const map = new Int32Array(lf.length + 1).fill(-1);
  const parts: string[] = [];
  let s = 0;
  let i = 0;
  while (i < lf.length) {
    // a cluster: one code point and every continuing one after it
    let j = i + (isHigh(lf.charCodeAt(i)) && isLow(lf.charCodeAt(i + 1)) ? 2 : 1);
    while (j < lf.length) {
      const cp = lf.codePointAt(j)!;
      if (!CONTINUES.test(String.fromCodePoint(cp))) break;
      j += cp > 0xffff ? 2 : 1;
    }
    const chunk = lf.slice(i, j);
    const n = chunk.normalize('NFC');
    map[i] = s;
    if (n === chunk) for (let k = i + 1; k < j; k++) map[k] = s + (k - i);
    parts.push(n);
    s += n.length;
    i = j;
  }
  map[lf.length] = s;
  if (parts.join('') !== nfc) {
    // composition across clusters (rare scripts): only the ends are certain
    map.fill(-1);
    map[0] = 0;
    map[lf.length] = nfc.length;
  }
  return map;
}

/** Candidate unit → stored offset (-1 where no exact place), for positions 0..units. */
export function unitMapping(t: MappedText, unit: PositionUnit): Int32Array {
  const base = unit === 'codepoints' || unit === 'utf16' ? t.raw : t.lf;
  const toRaw = (i: number): number => (base === t.raw || !t.lfToRaw ? i : t.lfToRaw[i]!);
  const toStored = (rawIndex: number): number => (t.rawToStored ? t.rawToStored[rawIndex]! : rawIndex);
  if (unit === 'utf16' || unit === 'utf16-lf') {
    const m = new Int32Array(base.length + 1);
    for (let i = 0; i <= base.length; i++) {
      // between the halves of a surrogate pair is no place in any text
      m[i] = i > 0 && i < base.length && isHigh(base.charCodeAt(i - 1)) && isLow(base.charCodeAt(i)) ? -1 : toStored(toRaw(i));
    }
    return m;
  }
  const out: number[] = [];
  for (let i = 0; i < base.length; i++) {
    out.push(toStored(toRaw(i)));
    if (isHigh(base.charCodeAt(i)) && isLow(base.charCodeAt(i + 1))) i++;
  }
  out.push(toStored(toRaw(base.length)));
  return Int32Array.from(out);
}

/** The units to try first for a writer (its `origin`), best guess first. */
export function preferredUnits(origin: string | null): PositionUnit[] {
  const o = (origin ?? '').toLowerCase();
  if (o.includes('nvivo')) return ['utf16', 'codepoints', 'utf16-lf', 'codepoints-lf'];
  if (o.includes('atlas')) return ['codepoints-lf', 'codepoints', 'utf16-lf', 'utf16'];
  return ['codepoints', 'codepoints-lf', 'utf16', 'utf16-lf'];
}

export interface Range {
  start: number;
  end: number;
}

const EDGE = /[\s\p{P}\p{S}]/u;

/** A start or end at a word's edge: what people select, and what a drifting count misses. */
function atEdge(text: string, pos: number): boolean {
  if (pos <= 0 || pos >= text.length) return true;
  const before = isLow(text.charCodeAt(pos - 1)) && pos >= 2 ? text.slice(pos - 2, pos) : text[pos - 1]!;
  return EDGE.test(before) || EDGE.test(String.fromCodePoint(text.codePointAt(pos)!));
}

export interface UnitChoice {
  unit: PositionUnit;
  /** Unit → stored offset; null when they are the same (plain text). */
  maps: Int32Array | null;
  /** The text's length in the unit. */
  length: number;
}

/**
 * Picks the unit for one source: the one under which most selections have an exact place,
 * then the most boundaries at word edges; ties go to the writer's known habit.
 */
export function chooseUnit(t: MappedText, ranges: Range[], origin: string | null): UnitChoice {
  const order = preferredUnits(origin);
  const plain = t.rawToStored === null && !/[\uD800-\uDBFF]/.test(t.raw);
  // every reading is the identity on such a text: no table to build
  if (plain || ranges.length === 0) return { unit: order[0]!, maps: null, length: t.stored.length };
  let best: { unit: PositionUnit; maps: Int32Array; placed: number; edges: number } | null = null;
  for (const unit of order) {
    const maps = unitMapping(t, unit);
    let placed = 0;
    let edges = 0;
    for (const r of ranges) {
      const s = place(maps, r.start);
      const e = place(maps, r.end);
      if (s < 0 || e < 0 || e <= s) continue;
      placed++;
      if (atEdge(t.stored, s)) edges++;
      if (atEdge(t.stored, e)) edges++;
    }
    if (!best || placed > best.placed || (placed === best.placed && edges > best.edges)) best = { unit, maps, placed, edges };
  }
  return { unit: best!.unit, maps: best!.maps, length: best!.maps.length - 1 };
}

/** A position's stored offset: -1 inside a character, -2 outside the text. */
export function place(maps: Int32Array, pos: number): number {
  if (!Number.isInteger(pos) || pos < 0 || pos >= maps.length) return -2;
  return maps[pos]!;
}

/** A position placed under the chosen reading. */
export function placeIn(choice: UnitChoice, pos: number): number {
  if (choice.maps) return place(choice.maps, pos);
  return Number.isInteger(pos) && pos >= 0 && pos <= choice.length ? pos : -2;
}

/** Stored offset (UTF-16) → code point offset, for export: prefix counts over the text. */
export function codePointOffsets(text: string): (utf16: number) => number {
  if (!/[\uD800-\uDBFF]/.test(text)) return (u) => u;
  const cp = new Int32Array(text.length + 1);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    cp[i] = n;
    if (!(isLow(text.charCodeAt(i)) && i > 0 && isHigh(text.charCodeAt(i - 1)))) n++;
  }
  cp[text.length] = n;
  return (u) => cp[u]!;
}
