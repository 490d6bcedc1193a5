/** Dates as the UI language writes them (2026-11-24 14:05 in Swedish, 24 Nov 2026, 14:05 in English). */
export function formatDateTime(iso: string, lang: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}
