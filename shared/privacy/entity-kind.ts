/**
 * What kind of thing a name in the pseudonym list is, guessed from the name (and, where the
 * core has them, the words before it in the documents) for the user to confirm: a person, a
 * place or district ("Norrdal", "i Söderby"), an organisation or unit ("Försäkringskassan",
 * "IFO", "Socialkontoret Väst"), or other (personnummer, phone numbers, e-mail addresses).
 * Pure: the core uses it for suggestions, the page for a name typed or selected by hand.
 */
import type { PseudonymKind } from '../contract/privacy';

/** Endings of Swedish organisations and units, in the definite form they are named with. */
const ORGANISATION = /(kassan|förmedlingen|verket|myndigheten|nämnden|förvaltningen|kontoret|enheten|mottagningen|tjänsten|centralen|skolan|gymnasiet|boendet|hemmet|polisen|bolaget|kliniken|vården|kommun|kommunen|region|regionen|stiftelsen|föreningen|förbundet|gruppen|teamet|avdelningen|sektionen|byrån|huset|institutet|akuten)$/iu;
const ORGANISATION_WORD = /(^|\s)(AB|HB|IFO|BUP|HVB|LSS|SoL|[Kk]ommun|[Rr]egion|[Ss]tiftelse|[Ff]örening|[Ss]ocialtjänst(en)?|[Ss]ocialkontor(et)?|[Vv]årdcentral(en)?|[Ee]nhet(en)?)(\s|$)/u;
/** Endings of Swedish place names: -dal, -by, -berg, -köping, -holm, -vik, -sund … */
const PLACE = /(dal|dalen|by|byn|berg|berga|bergen|köping|holm|holmen|stad|staden|vik|viken|torp|hult|ås|åsen|sund|näs|näset|fors|lund|lunda|hamn|hamnen|bo|ö|ön|tuna|sta|inge|ryd|red|rud|mark|hed|heden|gärde|gärdet|äng|ängen|bro|backa|backen|höjden|torget|gatan|vägen|parken|sjö|sjön|strand|stranden|skog|skogen|malm|slätt|slätten|vall|vallen|åker|åkra|hage|hagen|stad|träsk|älv|älven)$/iu;
const PLACE_WORD = /(^|\s)(stadsdel(en)?|förort(en)?|kvarter(et)?|område(t)?|län|socken)(\s|$)/iu;
/** Prepositions that put a place after them ("i Norrdal", "på Söderby", "från Rinkeby"). */
export const PLACE_PREPOSITION = /(?:^|[^\p{L}])(i|på|från|till|mot|utanför|inom|runt|kring|nära|in|ut)\s+$/iu;

const DIGITS_OR_MAIL = /@|\d{3}/u;

/**
 * The kind of a name. `placeContexts` of `contexts`: of the name's occurrences the caller
 * looked at, how many came right after a place preposition ("i Norrdal"). Many Swedish
 * surnames end like places (Lindberg, Berglund), so a place ending alone decides only for a
 * one-word name that is never seen, or seen after a place preposition; "Bertil Berg" is a person.
 */
export function guessKind(name: string, placeContexts = 0, contexts = 0): PseudonymKind {
  const n = name.trim();
  if (DIGITS_OR_MAIL.test(n)) return 'other';
  if (/^\p{Lu}{2,6}$/u.test(n) || ORGANISATION_WORD.test(n)) return 'unit';
  const words = n.split(/\s+/u);
  if (words.some((w) => ORGANISATION.test(w))) return 'unit';
  if (PLACE_WORD.test(n)) return 'place';
  const mostlyAfterPreposition = contexts > 0 && placeContexts * 2 > contexts;
  if (mostlyAfterPreposition) return 'place';
  if (words.length === 1 && PLACE.test(n) && (contexts === 0 || placeContexts > 0)) return 'place';
  return 'person';
}

/** Pseudonym prefixes per kind, in the language of the exports the list mostly serves (Swedish). */
export const PSEUDONYM_PREFIX: Record<PseudonymKind, string> = { person: 'Person', place: 'Plats', unit: 'Enhet', other: 'Namn' };

/** "A" … "Z", "AA" …: the next label not yet used after the prefix of this kind ("Person C"). */
export function nextPseudonym(kind: PseudonymKind, taken: readonly { pseudonym: string }[]): string {
  const used = new Set(taken.map((t) => t.pseudonym.toLocaleLowerCase('sv')));
  for (let i = 0; ; i++) {
    let label = '';
    for (let n = i; ; n = Math.floor(n / 26) - 1) {
      label = String.fromCharCode(65 + (n % 26)) + label;
      if (n < 26) break;
    }
    const candidate = `${PSEUDONYM_PREFIX[kind]} ${label}`;
    if (!used.has(candidate.toLocaleLowerCase('sv'))) return candidate;
  }
}
