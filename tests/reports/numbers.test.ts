import { describe, expect, it } from 'vitest';
import {
  SV_GROUP,
  formatDecimal,
  formatInteger,
  formatKofN,
  formatPercent,
  formatPercentNumber,
  percentColumn,
  percentOf,
  roundHalfUp,
} from '../../shared/format/numbers';

describe('number formatting by language', () => {
  it('writes a decimal comma in Swedish and a point in English', () => {
    expect(formatPercentNumber(34.188, 'sv')).toBe('34,2');
    expect(formatPercentNumber(0.86, 'sv')).toBe('0,9');
    expect(formatPercentNumber(34.188, 'en')).toBe('34.2');
    expect(formatDecimal(100, 1, 'sv')).toBe('100,0');
  });

  it('groups thousands with a non-breaking space in Swedish and a comma in English', () => {
    expect(formatInteger(1234567, 'sv')).toBe(`1${SV_GROUP}234${SV_GROUP}567`);
    expect(formatInteger(1234567, 'en')).toBe('1,234,567');
    expect(formatInteger(999, 'sv')).toBe('999');
    expect(formatDecimal(-1234.56, 1, 'sv')).toBe(`-1${SV_GROUP}234,6`);
  });

  it('rounds half away from zero on the decimal value, not the binary one', () => {
    expect(roundHalfUp(0.05, 1)).toBe(0.1);
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    expect(roundHalfUp(-2.25, 1)).toBe(-2.3);
    expect(roundHalfUp(1e-7, 1)).toBe(0);
    expect(roundHalfUp(12345678.95, 1)).toBe(12345679);
  });

  it('writes percents and "k av n" as running text does', () => {
    expect(formatPercent(73.33, 'sv')).toBe(`73,3${SV_GROUP}%`);
    expect(formatPercent(73.33, 'en')).toBe('73.3%');
    expect(formatKofN(22, 30, 'sv')).toBe('22 av 30');
    expect(formatKofN(22, 30, 'en')).toBe('22 of 30');
    expect(percentOf(22, 30)).toBe(73.3);
    expect(percentOf(1, 0)).toBeNull();
  });
});

describe('rounding a column of shares', () => {
  const counts = [4, 20, 20, 21, 9, 21, 22]; // respondents per area of work, 117 in all

  it("'nearest' rounds each row on its own, as the published table does", () => {
    expect(percentColumn(counts, 117, 'nearest')).toEqual([3.4, 17.1, 17.1, 17.9, 7.7, 17.9, 18.8]);
  });

  it("'largest-remainder' makes the shown column add up to exactly 100.0", () => {
    const shown = percentColumn(counts, 117, 'largest-remainder');
    const tenths = shown.map((x) => Math.round(x * 10));
    expect(tenths.reduce((a, b) => a + b, 0)).toBe(1000);
    // every row is its exact share rounded down or up, never further off
    counts.forEach((c, i) => expect(Math.abs(shown[i]! - (100 * c) / 117)).toBeLessThan(0.1));
  });

  it('holds the 100.0 sum for many random columns', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let trial = 0; trial < 500; trial++) {
      const col = Array.from({ length: 1 + Math.floor(rnd() * 14) }, () => Math.floor(rnd() * 50));
      const total = col.reduce((a, b) => a + b, 0);
      if (total === 0) continue;
      const sum = percentColumn(col, total, 'largest-remainder').reduce((a, b) => a + Math.round(b * 10), 0);
      expect(sum).toBe(1000);
    }
  });
});
