/**
 * Position mapping on texts made to tell the readings apart: emoji (UTF-16 vs code points),
 * CRLF (counted or not), a BOM, decomposed letters (NFC), and selections that have no exact place.
 */
import { describe, expect, it } from 'vitest';
import { chooseUnit, codePointOffsets, mapText, place, placeIn, unitMapping } from '../../electron/core/refi/positions';

/** The words of a text with their ranges counted in code points over the text as written. */
function wordRanges(raw: string, unit: 'codepoints' | 'utf16', countCr: boolean): { word: string; start: number; end: number }[] {
  const units = (s: string): number => {
    const t = countCr ? s : s.replace(/\r\n/g, '\n');
    return unit === 'utf16' ? t.length : Array.from(t).length;
  };
  return [...raw.matchAll(/[\p{L}\p{M}]+/gu)].map((m) => ({ word: m[0].normalize('NFC'), start: units(raw.slice(0, m.index)), end: units(raw.slice(0, m.index + m[0].length)) }));
}

const RAW = 'Första 😀 raden.\r\nAndra 👨‍👩‍👧 rad med cafe\u0301.\r\nTredje 🙂 och sista rad.\r\n';

describe('REFI-QDA position mapping', () => {
  it('stores NFC with LF and maps raw positions through both', () => {
    const t = mapText(`\uFEFF${RAW}`.slice(1));
    expect(t.stored).toBe(RAW.replace(/\r\n/g, '\n').normalize('NFC'));
    expect(t.rawToStored).not.toBeNull();
  });

  for (const [unit, countCr, origin, expected] of [
    ['utf16', true, 'NVivo for Windows 12.6', 'utf16'],
    ['codepoints', false, 'ATLAS.ti 23.2', 'codepoints-lf'],
    ['codepoints', true, 'QualCoder 3.5', 'codepoints'],
    ['utf16', false, 'some tool', 'utf16-lf'],
  ] as const) {
    it(`${origin}: ${unit}${countCr ? ' with CRs' : ' without CRs'} is recognised and every word lands on itself`, () => {
      const t = mapText(RAW);
      const ranges = wordRanges(RAW, unit, countCr);
      const choice = chooseUnit(t, ranges, origin);
      expect(choice.unit).toBe(expected);
      for (const r of ranges) expect(t.stored.slice(placeIn(choice, r.start), placeIn(choice, r.end))).toBe(r.word);
    });
  }

  it('the readings disagree here, so a wrong one would misplace words (the test above is not trivial)', () => {
    const t = mapText(RAW);
    const ranges = wordRanges(RAW, 'utf16', true);
    const wrong = unitMapping(t, 'codepoints');
    const misplaced = ranges.filter((r) => t.stored.slice(place(wrong, r.start), place(wrong, r.end)) !== r.word);
    expect(misplaced.length).toBeGreaterThan(5);
  });

  it('a position inside an emoji or inside a sequence NFC merges has no place; outside the text is -2', () => {
    const t = mapText('ab 😀 cafe\u0301 x');
    const utf16 = unitMapping(t, 'utf16');
    expect(place(utf16, 4)).toBe(-1); // between the halves of 😀
    const cps = unitMapping(t, 'codepoints');
    // "cafe\u0301": e+accent become é; a position between them is inside one character
    expect(place(cps, 9)).toBe(-1);
    expect(place(cps, 10)).toBe(t.stored.indexOf(' x'));
    expect(place(cps, 99)).toBe(-2);
  });

  it('export offsets: UTF-16 → code points', () => {
    const text = 'a😀b👨‍👩‍👧c';
    const cp = codePointOffsets(text);
    expect(cp(text.indexOf('b'))).toBe(2);
    expect(cp(text.indexOf('c'))).toBe(Array.from(text.slice(0, text.indexOf('c'))).length);
    expect(cp(text.length)).toBe(Array.from(text).length);
  });
});
