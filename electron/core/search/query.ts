/**
 * The query language, as researchers type it:
 *   arbetsbelastning          a word, found in all its forms (stemmed)
 *   social*                   words beginning with "social"
 *   handläggare~1             fuzzy: up to 1 (or 2) letters different
 *   "fasta tjänster"          an exact phrase (word forms as written, case-insensitive)
 *   +sekretess -tystnadsplikt required / excluded
 *   speaker:CS  talare:AL     a speaker (label or name)
 *   kind:fieldnote  typ:intervju
 *   grupp:chef  verksamhet:"Barn och unga"   an attribute value
 * Words are all required unless the query contains OR / ELLER, then any of them will do.
 */
import { UserError } from '../errors';

export type Presence = 'required' | 'optional' | 'prohibited';

export type Clause =
  | { type: 'word'; presence: Presence; word: string; wildcard: boolean; fuzzy: number }
  | { type: 'phrase'; presence: Presence; words: string[] }
  | { type: 'field'; presence: Presence; field: 'speaker' | 'kind' | 'attr'; name: string; value: string; wildcard: boolean };

export interface ParsedQuery {
  clauses: Clause[];
  anyOf: boolean;
}

const SPEAKER_FIELDS = new Set(['speaker', 'talare', 'sp']);
const KIND_FIELDS = new Set(['kind', 'typ', 'dokumenttyp']);
const KIND_NAMES: Record<string, string> = {
  intervju: 'interview', interview: 'interview', gruppintervju: 'interview',
  fältanteckning: 'fieldnote', faltanteckning: 'fieldnote', fieldnote: 'fieldnote', anteckning: 'fieldnote',
  enkät: 'survey', survey: 'survey', memo: 'memo', övrigt: 'other', other: 'other',
};

// [sign][field:]("phrase" | word)[suffix]
const PART = /([+-]?)(?:([\p{L}\p{N}_.-]+):)?(?:"([^"]*)"?|([^\s"]+))/gu;

export function parseQuery(input: string): ParsedQuery {
  const q = input.normalize('NFC').trim();
  if (!q) throw new UserError('bad-query', 'the search query is empty', undefined, 'sökfrågan är tom');
  const clauses: Clause[] = [];
  let anyOf = false;
  PART.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PART.exec(q))) {
    const [, sign, fieldName, phrase, bare] = m;
    if (!sign && !fieldName && phrase === undefined && bare && /^(OR|ELLER)$/.test(bare)) {
      anyOf = true;
      continue;
    }
    const presence: Presence = sign === '+' ? 'required' : sign === '-' ? 'prohibited' : 'optional';
    if (fieldName) {
      const value = phrase ?? bare ?? '';
      if (!value) throw new UserError('bad-query', `"${fieldName}:" needs a value, e.g. ${fieldName}:chef`, undefined, `”${fieldName}:” behöver ett värde, t.ex. ${fieldName}:chef`);
      const wildcard = phrase === undefined && value.endsWith('*');
      const v = wildcard ? value.slice(0, -1) : value;
      const f = fieldName.toLowerCase();
      if (SPEAKER_FIELDS.has(f)) clauses.push({ type: 'field', presence, field: 'speaker', name: 'speaker', value: v, wildcard });
      else if (KIND_FIELDS.has(f)) clauses.push({ type: 'field', presence, field: 'kind', name: 'kind', value: KIND_NAMES[v.toLowerCase()] ?? v.toLowerCase(), wildcard });
      else clauses.push({ type: 'field', presence, field: 'attr', name: fieldName, value: v, wildcard });
      continue;
    }
    if (phrase !== undefined) {
      const words = phrase.split(/[^\p{L}\p{N}'’]+/u).filter(Boolean);
      if (words.length === 1) clauses.push({ type: 'word', presence, word: words[0]!, wildcard: false, fuzzy: 0 });
      else if (words.length > 1) clauses.push({ type: 'phrase', presence, words });
      continue;
    }
    let word = bare!;
    let wildcard = false;
    let fuzzy = 0;
    const fz = /~(\d?)$/.exec(word);
    if (fz) {
      fuzzy = Math.min(2, Math.max(1, Number(fz[1] || '1')));
      word = word.slice(0, fz.index);
    }
    if (word.endsWith('*')) {
      wildcard = true;
      word = word.replace(/\*+$/, '');
    }
    if (word.includes('*')) throw new UserError('bad-query', `"${bare}": * may only end a word (social*)`, undefined, `”${bare}”: * får bara stå sist i ett ord (social*)`);
    // Punctuation around a word ("samverkan," or "(chef)") is not part of it.
    const parts = word.split(/[^\p{L}\p{N}'’]+/u).filter(Boolean);
    if (parts.length === 0) continue;
    if (parts.length > 1 && !wildcard && !fuzzy) {
      // "IFO-chefen" is two words in the text: search it as the phrase it is.
      clauses.push({ type: 'phrase', presence, words: parts });
      continue;
    }
    clauses.push({ type: 'word', presence, word: parts.join(''), wildcard, fuzzy });
  }
  if (clauses.length === 0) throw new UserError('bad-query', `"${input}" contains no words to search for`, undefined, `”${input}” innehåller inga ord att söka efter`);
  // Plain words are required unless the query says OR/ELLER.
  for (const c of clauses) if (c.presence === 'optional' && (!anyOf || c.type === 'field')) c.presence = 'required';
  return { clauses, anyOf };
}
