/**
 * Stemming and stop words for the languages Rödtråd searches (Swedish and English), from
 * lunr (English) and lunr-languages (Swedish, Snowball).
 */
import lunr from 'lunr';
import stemmerSupport from 'lunr-languages/lunr.stemmer.support';
import swedish from 'lunr-languages/lunr.sv';
import { detectLanguage } from '../text/language';

export type SearchLanguage = 'sv' | 'en';
export const SEARCH_LANGUAGES: SearchLanguage[] = ['sv', 'en'];

stemmerSupport(lunr);
swedish(lunr);

type PipelineFn = (token: lunr.Token) => lunr.Token | undefined;
// lunr-languages attaches its functions to the lunr object at run time; its typings do not say so.
const lunrAny = lunr as unknown as { sv: { stemmer: PipelineFn; stopWordFilter: PipelineFn }; stemmer: PipelineFn; stopWordFilter: PipelineFn };

const pipelines: Record<SearchLanguage, { stem: PipelineFn; stop: PipelineFn }> = {
  sv: { stem: lunrAny.sv.stemmer, stop: lunrAny.sv.stopWordFilter },
  en: { stem: lunrAny.stemmer, stop: lunrAny.stopWordFilter },
};

const stemCache: Record<SearchLanguage, Map<string, string>> = { sv: new Map(), en: new Map() };
const stopCache: Record<SearchLanguage, Map<string, boolean>> = { sv: new Map(), en: new Map() };

/** The stem of an already normalised word (see normalizeWord). */
export function stem(word: string, lang: SearchLanguage): string {
  const cache = stemCache[lang];
  let s = cache.get(word);
  if (s === undefined) {
    s = pipelines[lang].stem(new lunr.Token(word, {}))?.toString() ?? word;
    if (cache.size > 500_000) cache.clear();
    cache.set(word, s);
  }
  return s;
}

export function isStopWord(word: string, lang: SearchLanguage): boolean {
  const cache = stopCache[lang];
  let s = cache.get(word);
  if (s === undefined) {
    s = pipelines[lang].stop(new lunr.Token(word, {})) === undefined;
    cache.set(word, s);
  }
  return s;
}

/** The document's language: as set on the document, else detected (Swedish when unsure). */
export function documentLanguage(stored: string | null | undefined, text: string): SearchLanguage {
  const s = stored?.toLowerCase().slice(0, 2);
  if (s === 'sv' || s === 'en') return s;
  return detectLanguage(text) ?? 'sv';
}

export { lunr };
