/**
 * Every Swedish form a reader expects a word to find: the forms of its lemmas in the lexicon
 * (sv-lexicon.ts: "samverkan" finds "samverkar", which Snowball keeps apart), and compounds
 * with one of those forms as their first or last part ("samverkansmöte", "skolsamverkan").
 * A compound's other part must itself be a Swedish word (or a compound's first part: "skol",
 * "arbets"), so "samverkar" is not read as "samverka" + "r".
 */
import { stem, type SearchLanguage } from './language';
import { swedishLexicon, type Lexicon } from './sv-lexicon';

/**
 * Suppletive and vowel-changing forms the dictionary lists as words of their own (its rules
 * only add endings): a reader searching "liten" expects "små" and "mindre".
 */
const IRREGULAR: string[][] = [
  ['göra', 'gör', 'gjorde', 'gjort', 'görs', 'gjordes', 'gjorts', 'gjord', 'gjorda', 'görande'],
  ['liten', 'litet', 'lilla', 'små', 'mindre', 'minst', 'minsta'],
  ['stor', 'stort', 'stora', 'större', 'störst', 'största'],
  ['god', 'gott', 'goda', 'bättre', 'bäst', 'bästa'],
  ['bra', 'bättre', 'bäst', 'bästa'],
  ['dålig', 'dåligt', 'dåliga', 'sämre', 'sämst', 'sämsta', 'värre', 'värst', 'värsta'],
  ['gammal', 'gammalt', 'gamla', 'äldre', 'äldst', 'äldsta'],
  ['ung', 'ungt', 'unga', 'yngre', 'yngst', 'yngsta'],
  ['lång', 'långt', 'långa', 'längre', 'längst', 'längsta'],
  ['hög', 'högt', 'höga', 'högre', 'högst', 'högsta'],
  ['låg', 'lågt', 'låga', 'lägre', 'lägst', 'lägsta'],
  ['tung', 'tungt', 'tunga', 'tyngre', 'tyngst', 'tyngsta'],
  ['många', 'fler', 'flera', 'flest', 'flesta'],
  ['mycket', 'mer', 'mera', 'mest', 'mesta'],
  ['gå', 'går', 'gick', 'gått', 'gås', 'gången', 'gånget'],
  ['ta', 'tar', 'tog', 'tagit', 'tas', 'togs', 'tagits', 'tagen', 'taget', 'tagna'],
  ['ge', 'ger', 'gav', 'gett', 'givit', 'ges', 'gavs', 'getts', 'given', 'givet', 'givna'],
  ['säga', 'säger', 'sa', 'sade', 'sagt', 'sägs', 'sades', 'sagts', 'sagd', 'sagda'],
  ['veta', 'vet', 'visste', 'vetat', 'vetas'],
  ['få', 'får', 'fick', 'fått', 'fås', 'ficks'],
  ['se', 'ser', 'såg', 'sett', 'ses', 'sågs', 'setts', 'sedd', 'sedda'],
  ['komma', 'kommer', 'kom', 'kommit', 'kommits'],
  ['sitta', 'sitter', 'satt', 'suttit'],
  ['stå', 'står', 'stod', 'stått'],
  ['dra', 'dra', 'drar', 'drog', 'dragit', 'dras', 'drogs'],
  ['skriva', 'skriver', 'skrev', 'skrivit', 'skrivs', 'skrevs', 'skriven', 'skrivet', 'skrivna'],
  ['välja', 'väljer', 'valde', 'valt', 'väljs', 'valdes', 'vald', 'valda'],
  ['sälja', 'säljer', 'sålde', 'sålt', 'säljs', 'såldes', 'såld', 'sålda'],
  ['lägga', 'lägger', 'la', 'lade', 'lagt', 'läggs', 'lades', 'lagd', 'lagda'],
  ['sätta', 'sätter', 'satte', 'satt', 'sätts', 'sattes'],
  ['förstå', 'förstår', 'förstod', 'förstått', 'förstås'],
  ['man', 'mannen', 'män', 'männen', 'mannens', 'männens'],
  ['bok', 'boken', 'böcker', 'böckerna'],
  ['hand', 'handen', 'händer', 'händerna'],
  ['fot', 'foten', 'fötter', 'fötterna'],
  ['stad', 'staden', 'städer', 'städerna'],
  ['land', 'landet', 'länder', 'länderna'],
  ['mus', 'musen', 'möss', 'mössen'],
];
const IRREGULAR_OF = new Map<string, string[]>();
for (const group of IRREGULAR) for (const f of group) IRREGULAR_OF.set(f, [...new Set([...(IRREGULAR_OF.get(f) ?? []), ...group])]);

export interface WordFamily {
  /** Written forms (normalised) that are this word: its own and its lemmas' forms. */
  forms: Set<string>;
  /** Forms a compound may begin with besides `forms`: "skol" of "skola", "föräldra" of "förälder". */
  firstParts: Set<string>;
  /** Their stems, for the index to find candidate passages. */
  stems: string[];
  /** Find compounds of these forms too. */
  compounds: boolean;
  lexicon: Lexicon | null;
}

/** Shorter forms are not looked for inside compounds: "bo" would be in every "boende". */
const MIN_COMPOUND_PART = 4;
const MIN_LAST_PART = 3;
const MIN_OTHER_PART = 3;

export function wordFamily(norm: string, lang: SearchLanguage, options: { lexicon: boolean; compounds: boolean }): WordFamily {
  const lexicon = lang === 'sv' && options.lexicon ? swedishLexicon() : null;
  const forms = new Set([norm]);
  const lemmas = new Set([norm]);
  if (lexicon) {
    for (const l of lexicon.lemmas(norm)) lemmas.add(l);
    for (const l of IRREGULAR_OF.get(norm) ?? []) forms.add(l);
    for (const lemma of lemmas) for (const f of lexicon.forms(lemma)) if (!f.endsWith('-')) forms.add(f);
  }
  const firstParts = new Set<string>();
  for (const f of [...lemmas, ...forms]) {
    if (/[aeo]$/.test(f) && f.length > MIN_COMPOUND_PART) firstParts.add(f.slice(0, -1)); // skola → skol(-kurator)
    if (/[aoe]r$/.test(f) && f.length > MIN_COMPOUND_PART) firstParts.add(f.slice(0, -1)); // föräldrar → föräldra(-stöd)
  }
  const stems = [...new Set([...forms].map((f) => stem(f, lang)))];
  return { forms, firstParts, stems, compounds: lang === 'sv' && options.compounds, lexicon };
}

/** Whether a written form belongs to the family: one of its forms, or a compound of one. */
export function inFamily(norm: string, family: WordFamily): boolean {
  if (family.forms.has(norm)) return true;
  return family.compounds && isCompoundOf(norm, family);
}

/**
 * Whether the lexicon may overrule Snowball for this form: a word the dictionary knows whose
 * lemmas are not the query's ("tidig" is not a form of "tid", though both stem to "tid").
 */
export function lexiconRejects(norm: string, family: WordFamily): boolean {
  return family.lexicon !== null && family.lexicon.isWord(norm) && !inFamily(norm, family);
}

export function isCompoundOf(norm: string, family: WordFamily): boolean {
  const { forms, lexicon } = family;
  for (const f of forms) {
    // the last part may be short ("arbets|tid"), the first part not ("tid|ig")
    if (f.length >= MIN_LAST_PART && norm.length >= f.length + MIN_OTHER_PART && norm.endsWith(f) && isFirstPart(norm.slice(0, norm.length - f.length), lexicon)) return true;
    if (f.length >= MIN_COMPOUND_PART && norm.length >= f.length + MIN_OTHER_PART && norm.startsWith(f) && restIsWord(norm, norm.slice(f.length), lexicon, 'se')) return true;
  }
  for (const f of family.firstParts) {
    if (norm.length >= f.length + MIN_OTHER_PART && norm.startsWith(f) && restIsWord(norm, norm.slice(f.length), lexicon, 'oues')) return true;
  }
  return false;
}

/** What follows the first part is a word, maybe after a linking letter; or the whole compound is a dictionary word. */
function restIsWord(whole: string, rest: string, lexicon: Lexicon | null, linking: string): boolean {
  if (isWordPart(rest, lexicon)) return true;
  if (linking.includes(rest[0]!) && isWordPart(rest.slice(1), lexicon)) return true;
  return lexicon !== null && rest.length >= MIN_OTHER_PART && lexicon.isWord(whole);
}

function isWordPart(part: string, lexicon: Lexicon | null): boolean {
  if (part.length < MIN_OTHER_PART) return false;
  return lexicon ? lexicon.isWord(part) : true;
}

/** The first part of a compound: a word, a word without its last vowel ("skol" of "skola"), or with a linking s. */
function isFirstPart(part: string, lexicon: Lexicon | null): boolean {
  if (part.length < MIN_OTHER_PART) return false;
  if (!lexicon) return true;
  const tries = [part, `${part}a`, `${part}e`, `${part}o`];
  if (part.endsWith('s')) {
    const bare = part.slice(0, -1); // "arbets" → arbete, "myndighets" → myndighet
    tries.push(bare, `${bare}e`, `${bare}a`);
  }
  return tries.some((x) => x.length >= MIN_OTHER_PART && lexicon.isWord(x));
}
