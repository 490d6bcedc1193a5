/**
 * Numbers as the reports print them, by output language: Swedish "34,2" and "1 234" (decimal
 * comma, non-breaking space between thousands), English "34.2" and "1,234". Pure functions,
 * shared by the core (DOCX/XLSX/CSV/Markdown exports) and the UI, so a figure reads the same
 * everywhere.
 *
 * Rounding (docs/REPORTS.md, "Rounding"): a percentage is the exact fraction count/total
 * rounded to one decimal, half away from zero, computed in integers so 0.05 never becomes
 * 0.0 by floating-point accident. Two ways to round a column of shares are offered:
 * - 'nearest' (default): every row rounded on its own, as SPSS and the published reports do;
 *   the Total row is the exact total (sum of the counts, 100,0 %), never a sum of rounded
 *   rows, so a shown column may add up to 99,9 or 100,1.
 * - 'largest-remainder' (Hamilton): rows are rounded down, then the tenths still missing go
 *   to the rows with the largest remainders (ties: larger count first, then earlier row),
 *   so the shown column adds up to exactly 100,0.
 */

export type Lang = 'sv' | 'en';
export type RoundingRule = 'nearest' | 'largest-remainder';

/** Thousands separator in Swedish: U+00A0, so "1 234" never breaks across lines or cells. */
export const SV_GROUP = '\u00a0';

function separators(lang: Lang): { decimal: string; group: string } {
  return lang === 'sv' ? { decimal: ',', group: SV_GROUP } : { decimal: '.', group: ',' };
}

function groupDigits(digits: string, group: string): string {
  // Four-digit numbers are grouped too ("1 234"), as Swedish and English style guides for tables allow and
  // because columns of mixed 3- and 4-digit figures line up better.
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, group);
}

/**
 * Rounds to `digits` decimals, half away from zero, and returns the result as an integer
 * count of 10^-digits units (so 34.188 with one digit is 342). Works on the decimal string
 * of the number, so 1.005 → 1.01 and 0.05 → 0.1 as a person expects.
 */
export function roundToUnits(x: number, digits: number): number {
  if (!Number.isFinite(x)) throw new RangeError(`cannot round ${x}`);
  const sign = x < 0 ? -1 : 1;
  // toPrecision(15) strips the binary noise (1.0049999999999999 → "1.00500000000000").
  const s = Math.abs(x).toPrecision(15);
  const [mant, expPart] = s.split('e');
  let [intPart, frac = ''] = mant!.split('.');
  const exp = expPart ? Number(expPart) : 0;
  if (exp !== 0) {
    // Shift the decimal point by the exponent.
    let digitsAll = intPart! + frac;
    let point = intPart!.length + exp;
    if (point < 0) {
      digitsAll = '0'.repeat(-point) + digitsAll;
      point = 0;
    }
    if (point > digitsAll.length) digitsAll = digitsAll + '0'.repeat(point - digitsAll.length);
    intPart = digitsAll.slice(0, point) || '0';
    frac = digitsAll.slice(point);
  }
  const kept = (intPart! + frac.padEnd(digits, '0').slice(0, digits)).replace(/^0+(?=\d)/, '');
  const next = frac.padEnd(digits + 1, '0')[digits]!;
  let units = Number(kept);
  if (next >= '5') units += 1;
  return units === 0 ? 0 : sign * units;
}

/** Rounds half away from zero to `digits` decimals (as a number). */
export function roundHalfUp(x: number, digits = 1): number {
  return roundToUnits(x, digits) / 10 ** digits;
}

/** An integer with thousands separators: "1 234" (sv), "1,234" (en). Negative numbers use "-" so spreadsheets parse them. */
export function formatInteger(n: number, lang: Lang): string {
  return formatDecimal(n, 0, lang);
}

/** A number with exactly `digits` decimals: formatDecimal(34.188, 1, 'sv') = "34,2". */
export function formatDecimal(x: number, digits: number, lang: Lang): string {
  return formatUnits(roundToUnits(x, digits), digits, lang);
}

/** Formats an integer count of 10^-digits units (e.g. tenths of a percent) without any further rounding. */
export function formatUnits(units: number, digits: number, lang: Lang): string {
  const { decimal, group } = separators(lang);
  const neg = units < 0;
  const abs = String(Math.abs(Math.round(units))).padStart(digits + 1, '0');
  const intDigits = abs.slice(0, abs.length - digits);
  const frac = digits > 0 ? decimal + abs.slice(abs.length - digits) : '';
  return `${neg ? '-' : ''}${groupDigits(intDigits, group)}${frac}`;
}

/** A percentage value (already ×100) with one decimal and no sign: "34,2" / "34.2". */
export function formatPercentNumber(percent: number, lang: Lang, digits = 1): string {
  return formatDecimal(percent, digits, lang);
}

/** A percentage with its sign, as running text writes it: "73,3 %" (sv, non-breaking space) / "73.3%" (en). */
export function formatPercent(percent: number, lang: Lang, digits = 1): string {
  const n = formatDecimal(percent, digits, lang);
  return lang === 'sv' ? `${n}${SV_GROUP}%` : `${n}%`;
}

/**
 * count/total as a percentage rounded to `digits` decimals, half away from zero, computed
 * exactly in integers (4/117 → 3.4). Returns null when total is 0 (no base, no percentage).
 */
export function percentOf(count: number, total: number, digits = 1): number | null {
  if (total <= 0) return null;
  return shareUnits(count, total, digits) / 10 ** digits;
}

/** count/total in units of 10^-digits percent, rounded half up on the exact fraction (integers only). */
function shareUnits(count: number, total: number, digits: number): number {
  const scale = 100 * 10 ** digits;
  // floor((2·count·scale + total) / (2·total)) = round-half-up of count·scale/total, for count ≥ 0.
  return Math.floor((2 * count * scale + total) / (2 * total));
}

/**
 * The percentages of a column of counts out of `total` (which may be larger than their sum,
 * e.g. when a "no answer" row is shown separately and included in the list or not), rounded
 * with `rule`. Returns values with `digits` decimals (as numbers), in the order given.
 * With 'largest-remainder' and total = sum(counts), the result sums to exactly 100.
 */
export function percentColumn(counts: readonly number[], total: number, rule: RoundingRule = 'nearest', digits = 1): number[] {
  if (total <= 0) return counts.map(() => 0);
  const scale = 100 * 10 ** digits;
  if (rule === 'nearest') return counts.map((c) => shareUnits(c, total, digits) / 10 ** digits);
  // Hamilton: exact shares in units are c·scale/total; floor them, then hand out the units still missing.
  const sum = counts.reduce((a, b) => a + b, 0);
  const target = Math.round((sum * scale) / total); // whole units the column must add up to
  const floors = counts.map((c) => Math.floor((c * scale) / total));
  const remainders = counts.map((c, i) => ({ i, c, r: (c * scale) % total }));
  let missing = target - floors.reduce((a, b) => a + b, 0);
  remainders.sort((a, b) => b.r - a.r || b.c - a.c || a.i - b.i);
  for (const { i } of remainders) {
    if (missing <= 0) break;
    floors[i]! += 1;
    missing -= 1;
  }
  return floors.map((u) => u / 10 ** digits);
}

/** "22 av 30" / "22 of 30". */
export function formatKofN(k: number, n: number, lang: Lang): string {
  return `${formatInteger(k, lang)} ${lang === 'sv' ? 'av' : 'of'} ${formatInteger(n, lang)}`;
}

/** The rule in words, for the notes under a table. */
export function describeRounding(rule: RoundingRule, lang: Lang): string {
  if (lang === 'sv') {
    return rule === 'nearest'
      ? 'Procenten är avrundade var för sig till en decimal (0,05 uppåt); raden Totalt visar den exakta summan, så de avrundade raderna kan tillsammans bli 99,9 eller 100,1.'
      : 'Procenten är avrundade med största-restmetoden (Hamilton), så att kolumnen summerar till exakt 100,0.';
  }
  return rule === 'nearest'
    ? 'Percentages are rounded one by one to one decimal (0.05 up); the Total row shows the exact total, so the rounded rows may add up to 99.9 or 100.1.'
    : 'Percentages are rounded by the largest-remainder (Hamilton) method, so the column adds up to exactly 100.0.';
}
