/**
 * Stemming and stop words for the languages Rödtråd searches (Swedish and English), from
 * lunr (English) and lunr-languages (Swedish, Snowball).
 */
import type lunrNs from 'lunr';
import { lazyRequire } from '../lazy-require';
import { detectLanguage } from '../text/language';

export type SearchLanguage = 'sv' | 'en';
export const SEARCH_LANGUAGES: SearchLanguage[] = ['sv', 'en'];

type PipelineFn = (token: lunrNs.Token) => lunrNs.Token | undefined;
type Pipelines = Record<SearchLanguage, { stem: PipelineFn; stop: PipelineFn }>;

// Loaded on first use: a CLI command that does not search should not pay for the stemmers.
const requireLunr = lazyRequire<typeof lunrNs>('lunr');
const requireSupport = lazyRequire<(l: typeof lunrNs) => void>('lunr-languages/lunr.stemmer.support');
const requireSwedish = lazyRequire<(l: typeof lunrNs) => void>('lunr-languages/lunr.sv');
let loaded: Pipelines | undefined;

/** lunr with the Swedish stemmer registered on it. */
export function lunr(): typeof lunrNs {
  pipelines();
  return requireLunr();
}

function pipelines(): Pipelines {
  if (loaded) return loaded;
  const l = requireLunr();
  requireSupport()(l);
  requireSwedish()(l);
  // lunr-languages attaches its functions to the lunr object at run time; its typings do not say so.
  const any = l as unknown as { sv: { stemmer: PipelineFn; stopWordFilter: PipelineFn }; stemmer: PipelineFn; stopWordFilter: PipelineFn };
  return (loaded = {
    sv: { stem: any.sv.stemmer, stop: any.sv.stopWordFilter },
    en: { stem: any.stemmer, stop: any.stopWordFilter },
  });
}

const stemCache: Record<SearchLanguage, Map<string, string>> = { sv: new Map(), en: new Map() };
const stopCache: Record<SearchLanguage, Map<string, boolean>> = { sv: new Map(), en: new Map() };

/** The stem of an already normalised word (see normalizeWord). */
export function stem(word: string, lang: SearchLanguage): string {
  const cache = stemCache[lang];
  let s = cache.get(word);
  if (s === undefined) {
    s = pipelines()[lang].stem(new (requireLunr().Token)(word, {}))?.toString() ?? word;
    if (cache.size > 500_000) cache.clear();
    cache.set(word, s);
  }
  return s;
}

export function isStopWord(word: string, lang: SearchLanguage): boolean {
  const cache = stopCache[lang];
  let s = cache.get(word);
  if (s === undefined) {
    s = pipelines()[lang].stop(new (requireLunr().Token)(word, {})) === undefined;
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

