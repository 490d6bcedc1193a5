/** The language of a text (Swedish or English), for search stemming; null when unsure. */
import { franc } from 'franc-min';

export function detectLanguage(text: string): 'sv' | 'en' | null {
  if (text.length < 40) return null;
  // a sample from the middle is enough and keeps large imports fast
  const mid = Math.max(0, Math.floor(text.length / 2) - 300);
  const code = franc(text.slice(mid, mid + 600), { only: ['swe', 'eng', 'nob', 'dan'], minLength: 20 });
  return code === 'swe' ? 'sv' : code === 'eng' ? 'en' : null;
}
