/**
 * A Swedish lexicon for the search: the hunspell Swedish dictionary (the `dictionary-sv`
 * package, kept by the Swedish spelling project) read for what the search needs, which a
 * spelling checker does not offer: the lemmas a written form comes from, and every form of a
 * lemma. Snowball stems by rule and leaves "samverkan" apart from "samverkar"; the
 * dictionary knows both are forms of "samverka".
 *
 * Only suffix rules are read (Swedish inflection is suffixing; the dictionary has no prefix
 * rules); continuation flags on a suffix ("/WXZ", compound marks) are ignored. The dictionary
 * file is read on first use and kept for the process; its 154,000 entries are parsed by their
 * first two letters as lookups reach them (parsing all of them made the first search in a
 * fresh process wait about a second on a busy machine).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { appRoot } from '../paths';

interface SuffixRule {
  strip: string;
  add: string;
  condition: RegExp;
}

export interface Lexicon {
  /** Lemmas (dictionary entries) of which `word` is a form; the word itself if it is an entry. */
  lemmas(word: string): string[];
  /** Every form of a lemma the dictionary's rules make. */
  forms(lemma: string): string[];
  /** The word is in the dictionary, as an entry or a form of one. */
  isWord(word: string): boolean;
  /** The share of the dictionary's lines parsed so far (they are parsed as lookups reach them). */
  parsedShare(): number;
}

let cached: Lexicon | null | undefined;

/** The dictionary's folder: RODTRAD_SV_DICTIONARY, or the installed `dictionary-sv` package. */
function dictionaryDir(): string | null {
  const fromEnv = process.env.RODTRAD_SV_DICTIONARY;
  if (fromEnv) return existsSync(path.join(fromEnv, 'index.dic')) ? fromEnv : null;
  try {
    // resolved from the app's own folder (where its node_modules are), not bundled into the build
    return path.dirname(createRequire(path.join(appRoot(), 'package.json')).resolve('dictionary-sv'));
  } catch {
    return null;
  }
}

/** The Swedish lexicon, or null when the dictionary is not installed (the search then uses Snowball alone). */
export function swedishLexicon(): Lexicon | null {
  if (cached !== undefined) return cached;
  const dir = dictionaryDir();
  cached = dir ? readLexicon(readFileSync(path.join(dir, 'index.aff'), 'utf8'), readFileSync(path.join(dir, 'index.dic'), 'utf8')) : null;
  return cached;
}

export function readLexicon(aff: string, dic: string): Lexicon {
  const rules = new Map<string, SuffixRule[]>();
  for (const line of aff.split('\n')) {
    const m = /^SFX\s+(\S)\s+(\S+)\s+(\S+)\s+(\S+)/.exec(line);
    if (!m) continue;
    const [, flag, strip, addRaw, cond] = m as unknown as [string, string, string, string, string];
    if (/^[YN]$/.test(strip) && /^\d+$/.test(addRaw)) continue; // the block's header line
    const add = addRaw.split('/')[0]!;
    const rule: SuffixRule = { strip: strip === '0' ? '' : strip, add: add === '0' ? '' : add, condition: new RegExp(`${cond === '.' ? '' : cond}$`, 'u') };
    const list = rules.get(flag);
    if (list) list.push(rule);
    else rules.set(flag, [rule]);
  }
  const entries = dictionaryEntries(dic);
  // Reverse lookup by the added ending: longest endings first is not needed, every rule is tried.
  const byAdd = new Map<string, { flag: string; rule: SuffixRule }[]>();
  for (const [flag, list] of rules) {
    for (const rule of list) {
      const l = byAdd.get(rule.add);
      if (l) l.push({ flag, rule });
      else byAdd.set(rule.add, [{ flag, rule }]);
    }
  }
  // Searches ask for the same written forms again and again (every hit of a compound is checked).
  const known = new Map<string, string[]>();
  const lemmas = (word: string): string[] => {
    const w = word.toLowerCase();
    const seen = known.get(w);
    if (seen) return seen;
    const out = new Set<string>();
    if (entries.has(w)) out.add(w);
    // every ending the word has, looked up by itself: a few lookups instead of a pass over all endings
    for (let cut = 1; cut <= w.length; cut++) {
      const rulesForEnding = byAdd.get(w.slice(cut));
      if (!rulesForEnding) continue;
      const head = w.slice(0, cut);
      for (const { flag, rule } of rulesForEnding) {
        const base = head + rule.strip;
        const flags = entries.get(base);
        if (flags?.includes(flag) && rule.condition.test(base)) out.add(base);
      }
    }
    const found = [...out];
    if (known.size > 500_000) known.clear();
    known.set(w, found);
    return found;
  };
  const forms = (lemma: string): string[] => {
    const flags = entries.get(lemma) ?? '';
    const out = new Set([lemma]);
    for (const flag of new Set(flags)) {
      for (const rule of rules.get(flag) ?? []) {
        if (!rule.condition.test(lemma) || !lemma.endsWith(rule.strip)) continue;
        out.add(lemma.slice(0, lemma.length - rule.strip.length) + rule.add);
      }
    }
    return [...out];
  };
  return { lemmas, forms, isWord: (word) => lemmas(word).length > 0, parsedShare: entries.parsedShare };
}

/** An entry's flags by the entry (lower case), parsed one bucket of entries sharing their first two letters at a time. */
function dictionaryEntries(dic: string): { get(word: string): string | undefined; has(word: string): boolean; parsedShare(): number } {
  // One pass over the text for where each line starts, by its bucket; no strings made yet.
  const lines = new Map<number, number[]>();
  let total = 0;
  let parsedLines = 0;
  for (let at = 0; at < dic.length; ) {
    let end = dic.indexOf('\n', at);
    if (end < 0) end = dic.length;
    if (end > at) {
      total++;
      const key = bucketKey(dic, at, end);
      const list = lines.get(key);
      if (list) list.push(at);
      else lines.set(key, [at]);
    }
    at = end + 1;
  }
  const parsed = new Map<number, Map<string, string>>();
  const bucket = (word: string): Map<string, string> => {
    const key = bucketKey(word, 0, word.length);
    let entries = parsed.get(key);
    if (entries) return entries;
    parsed.set(key, (entries = new Map()));
    parsedLines += lines.get(key)?.length ?? 0;
    for (const at of lines.get(key) ?? []) {
      let end = dic.indexOf('\n', at);
      if (end < 0) end = dic.length;
      const line = dic.slice(at, end);
      const slash = line.indexOf('/');
      const w = (slash < 0 ? line : line.slice(0, slash)).trim().toLowerCase();
      if (!w || /^\d+$/.test(w)) continue;
      const flags = slash < 0 ? '' : line.slice(slash + 1).trim();
      entries.set(w, (entries.get(w) ?? '') + flags);
    }
    return entries;
  };
  return { get: (word) => bucket(word).get(word), has: (word) => bucket(word).has(word), parsedShare: () => (total ? parsedLines / total : 0) };
}

/** The first two letters of the word starting at `at` (lower case; 0 for a one-letter word) as one number. */
function bucketKey(text: string, at: number, end: number): number {
  const second = at + 1 < end ? text.charCodeAt(at + 1) : 0;
  return (lowerCode(text.charCodeAt(at)) << 16) | (second === 0x2f /* / */ || second === 0x0d ? 0 : lowerCode(second));
}

function lowerCode(c: number): number {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? c + 32 : c;
  return String.fromCharCode(c).toLowerCase().charCodeAt(0);
}
