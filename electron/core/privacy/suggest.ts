/**
 * Suggestions for the pseudonym list, for the user to confirm: what in the documents could
 * identify someone and is not covered by the list yet.
 */
import type { PseudonymKind, PseudonymRow, PseudonymSuggestion } from '../../../shared/contract/privacy';
import type { Project } from '../project/project';
import { nameRegex, findEmails, findPersonnummer, findPhoneNumbers } from './pseudonymise';
import { parseListCsv } from './pseudonym-list';
import { guessKind, nextPseudonym, PLACE_PREPOSITION } from '../../../shared/privacy/entity-kind';

/** A capitalised word after something that is not a sentence end (or a speaker label). */
const MID_SENTENCE_CAPITAL = /(?<=[\p{L}\p{N},;)”"'–-][ \t]+)(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?![\p{L}\p{N}])/gu;
/** Words capitalised mid-sentence that are not names (the English "I" is one letter, never matched). */
const EMAIL_LIKE = /\S+@\S+/gu;
const NOT_NAMES = new Set(['jag', 'du', 'ni', 'vi', 'han', 'hon', 'de', 'men', 'och', 'the', 'ok', 'okej', 'ja', 'nej']);

/** The kind of one name (from the name and the words before it in the documents) and the pseudonym it would get. */
export function guessFor(p: Project, real: string, list: readonly PseudonymRow[]): { kind: PseudonymKind; pseudonym: string } {
  const re = nameRegex(real);
  let contexts = 0;
  let placeContexts = 0;
  for (const text of p.db.prepare('SELECT text FROM documents').pluck().iterate() as Iterable<string>) {
    for (const m of text.matchAll(re)) {
      contexts++;
      if (PLACE_PREPOSITION.test(text.slice(Math.max(0, m.index - 12), m.index))) placeContexts++;
    }
  }
  const kind = guessKind(real, placeContexts, contexts);
  return { kind, pseudonym: nextPseudonym(kind, list) };
}

export function suggestPseudonyms(p: Project, list: readonly PseudonymRow[], importedNames?: { content: string; file?: string }): PseudonymSuggestion[] {
  const covered = (text: string): boolean => list.some((e) => nameRegex(e.real).test(text));
  const found = new Map<string, { text: string; kind: PseudonymKind; reason: PseudonymSuggestion['reason']; count: number }>();
  const add = (text: string, kind: PseudonymKind, reason: PseudonymSuggestion['reason']): void => {
    const key = text.toLocaleLowerCase('sv');
    const had = found.get(key);
    if (had) had.count++;
    else found.set(key, { text, kind, reason, count: 1 });
  };

  for (const name of p.db.prepare("SELECT DISTINCT name FROM speakers WHERE name IS NOT NULL AND trim(name) <> ''").pluck().all() as string[]) add(name.trim(), 'person', 'speaker');
  if (importedNames) for (const e of parseListCsv(importedNames.content, importedNames.file)) add(e.real, e.kind, 'list');

  const codeWords = new Set<string>();
  for (const name of p.db.prepare('SELECT name FROM codes').pluck().all() as string[]) {
    for (const w of name.split(/[^\p{L}]+/u)) if (w) codeWords.add(w.toLocaleLowerCase('sv'));
  }
  const lowerSeen = new Set<string>();
  const capitals = new Map<string, number>();
  /** How often each capitalised word came right after a place preposition ("i Norrdal"). */
  const afterPreposition = new Map<string, number>();
  for (const text of p.db.prepare('SELECT text FROM documents').pluck().iterate() as Iterable<string>) {
    for (const m of findPersonnummer(text)) add(m.match, 'other', 'personnummer');
    for (const m of findPhoneNumbers(text)) add(m, 'other', 'phone');
    for (const m of findEmails(text)) add(m, 'other', 'email');
    // (e-mail addresses are lower case and would hide the names in them)
    for (const w of text.replace(EMAIL_LIKE, ' ').match(/(?<![\p{L}])\p{Ll}+(?![\p{L}])/gu) ?? []) lowerSeen.add(w);
    for (const m of text.matchAll(MID_SENTENCE_CAPITAL)) {
      capitals.set(m[1]!, (capitals.get(m[1]!) ?? 0) + 1);
      if (PLACE_PREPOSITION.test(text.slice(Math.max(0, m.index - 12), m.index))) afterPreposition.set(m[1]!, (afterPreposition.get(m[1]!) ?? 0) + 1);
    }
  }
  // the genitive joins its name: "Solbergas" counts for "Solberga"
  for (const [word, count] of [...capitals]) {
    const stem = word.replace(/s$/u, '');
    if (stem !== word && capitals.has(stem)) {
      capitals.set(stem, capitals.get(stem)! + count);
      afterPreposition.set(stem, (afterPreposition.get(stem) ?? 0) + (afterPreposition.get(word) ?? 0));
      capitals.delete(word);
    }
  }
  for (const [word, count] of capitals) {
    const lower = word.toLocaleLowerCase('sv');
    // a word also written in lower case is an ordinary word, capitalised for emphasis or a title
    if (lowerSeen.has(lower) || codeWords.has(lower) || NOT_NAMES.has(lower)) continue;
    add(word, guessKind(word, afterPreposition.get(word) ?? 0, count), 'capitalised');
    found.get(lower)!.count = count;
  }

  const taken: PseudonymRow[] = [...list];
  const out: PseudonymSuggestion[] = [];
  const order: PseudonymSuggestion['reason'][] = ['speaker', 'list', 'personnummer', 'email', 'phone', 'capitalised'];
  const sorted = [...found.values()].sort((a, b) => order.indexOf(a.reason) - order.indexOf(b.reason) || b.count - a.count || a.text.localeCompare(b.text, 'sv'));
  for (const s of sorted) {
    if (covered(s.text)) continue;
    const pseudonym = nextPseudonym(s.kind, taken);
    taken.push({ real: s.text, pseudonym, kind: s.kind });
    out.push({ ...s, pseudonym });
  }
  return out;
}
