/** The report sentences by language: `wording('sv')` / `wording('en')`. */
import type { Lang } from '../format/numbers';
import { en } from './en';
import { sv } from './sv';
import type { Wording } from './types';

export type { DocumentKindName, ProvenanceFacts, RaisedFacts, RankPlace, Wording } from './types';

export function wording(lang: Lang): Wording {
  return lang === 'sv' ? sv : en;
}
