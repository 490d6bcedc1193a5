/** Locale-aware sorting and numbers: Swedish order (å ä ö last) and decimal comma in Swedish. */
const collators = new Map<string, Intl.Collator>();
export function collator(lang: string): Intl.Collator {
  let c = collators.get(lang);
  if (!c) collators.set(lang, (c = new Intl.Collator(lang === 'sv' ? 'sv' : 'en', { numeric: true, sensitivity: 'base' })));
  return c;
}

export function formatNumber(n: number, lang: string, fractionDigits = 0): string {
  return new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(n);
}

export function formatTimestamp(seconds: number): string {
  const s = Math.floor(seconds);
  const hh = String(Math.floor(s / 3600)).padStart(2, '0');
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return `${hh}:${mm}:${ss}`;
}
