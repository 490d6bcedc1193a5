/**
 * A Swedish lexicon for the search: the hunspell Swedish dictionary (the `dictionary-sv`
 * package, kept by the Swedish spelling project) read for what the search needs, which a
 * spelling checker does not offer: the lemmas a written form comes from, and every form of a
 * lemma. Snowball stems by rule and leaves "samverkan" apart from "samverkar"; the
 * dictionary knows both are forms of "samverka".
 *
 * Only suffix rules are read (Swedish inflection is suffixing; the dictionary has no prefix
 * rules); continuation flags on a suffix ("/WXZ", compound marks) are ignored.
 *
 * Reading the dictionary's 154,000 lines into a map took over a second, paid by the first
 * Swedish query of every process. The build therefore writes the compact form
 * (sv-lexicon-compact.ts: the suffix rules, then every entry lower-cased, merged and sorted)
 * to dist/, and the lexicon looks entries up in that text by binary search: reading it is one
 * file read and one pass for line starts. Without the built file (or with
 * RODTRAD_SV_DICTIONARY) the compact form is made from the dictionary on first use.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { appRoot } from '../paths';
import { COMPACT_FILE, compactDictionary, compactHeader } from './sv-lexicon-compact';

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
}

let cached: Lexicon | null | undefined;

/** The dictionary's folder: RODTRAD_SV_DICTIONARY, or the installed `dictionary-sv` package. */
export function dictionaryDir(): string | null {
  const fromEnv = process.env.RODTRAD_SV_DICTIONARY;
  if (fromEnv) return existsSync(path.join(fromEnv, 'index.dic')) ? fromEnv : null;
  try {
    // resolved from the app's own folder (where its node_modules are), not bundled into the build
    return path.dirname(createRequire(path.join(appRoot(), 'package.json')).resolve('dictionary-sv'));
  } catch {
    return null;
  }
}

/** The installed dictionary's version, which names the compact form it matches. */
export function dictionaryVersion(dir: string): string {
  try {
    return (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The compact form written by the build, when it matches the installed dictionary. */
function builtCompact(dir: string): string | null {
  if (process.env.RODTRAD_SV_DICTIONARY) return null;
  const file = path.join(appRoot(), 'dist', COMPACT_FILE);
  if (!existsSync(file)) return null;
  const text = readFileSync(file, 'utf8');
  return text.startsWith(compactHeader(dictionaryVersion(dir))) ? text : null;
}

/** The Swedish lexicon, or null when the dictionary is not installed (the search then uses Snowball alone). */
export function swedishLexicon(): Lexicon | null {
  if (cached !== undefined) return cached;
  const dir = dictionaryDir();
  if (!dir) return (cached = null);
  const compact =
    builtCompact(dir) ??
    compactDictionary(readFileSync(path.join(dir, 'index.aff'), 'utf8'), readFileSync(path.join(dir, 'index.dic'), 'utf8'), dictionaryVersion(dir));
  cached = readCompactLexicon(compact);
  return cached;
}

/** Forgets the loaded lexicon (the bench measures a first load). */
export function forgetSwedishLexicon(): void {
  cached = undefined;
}

/** The lexicon straight from hunspell's two files (tests with a dictionary of their own). */
export function readLexicon(aff: string, dic: string): Lexicon {
  return readCompactLexicon(compactDictionary(aff, dic, 'inline'));
}

function parseRules(lines: string[]): Map<string, SuffixRule[]> {
  const rules = new Map<string, SuffixRule[]>();
  for (const line of lines) {
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
  return rules;
}

/**
 * An entry's flags by binary search over the sorted entry lines (`word` or `word/flags`),
 * compared code unit by code unit in place (as JavaScript compares strings, which is how the
 * compact form was sorted), so a lookup allocates nothing until it has found its line.
 */
function entryLookup(text: string, from: number): (word: string) => string | undefined {
  const starts: number[] = [];
  for (let i = from; i < text.length; ) {
    const nl = text.indexOf('\n', i);
    const end = nl < 0 ? text.length : nl;
    if (end > i) starts.push(i);
    i = end + 1;
  }
  const lineStarts = Uint32Array.from(starts);
  const SLASH = 47;
  const NEWLINE = 10;
  /** word compared with the entry at s: negative when word sorts first, 0 when it is the entry. */
  const compare = (word: string, s: number): number => {
    for (let k = 0; ; k++) {
      const c = s + k < text.length ? text.charCodeAt(s + k) : NEWLINE;
      const entryEnded = c === SLASH || c === NEWLINE;
      if (k === word.length) return entryEnded ? 0 : -1;
      if (entryEnded) return 1;
      const d = word.charCodeAt(k) - c;
      if (d !== 0) return d;
    }
  };
  return (word) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const s = lineStarts[mid]!;
      const d = compare(word, s);
      if (d === 0) {
        const after = s + word.length;
        if (text.charCodeAt(after) !== SLASH) return '';
        const nl = text.indexOf('\n', after);
        return text.slice(after + 1, nl < 0 ? text.length : nl);
      }
      if (d > 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  };
}

export function readCompactLexicon(compact: string): Lexicon {
  const split = compact.indexOf('\n---\n');
  if (split < 0) throw new Error('the compact Swedish lexicon has no entry section');
  const rules = parseRules(compact.slice(0, split).split('\n'));
  const flagsOf = entryLookup(compact, split + 5);
  // Reverse lookup by the added ending, then by what the rule strips: the rules sharing both
  // share one candidate lemma, looked up once.
  const byAdd = new Map<string, Map<string, { flag: string; rule: SuffixRule }[]>>();
  for (const [flag, list] of rules) {
    for (const rule of list) {
      let byStrip = byAdd.get(rule.add);
      if (!byStrip) byAdd.set(rule.add, (byStrip = new Map()));
      const l = byStrip.get(rule.strip);
      if (l) l.push({ flag, rule });
      else byStrip.set(rule.strip, [{ flag, rule }]);
    }
  }
  // Searches ask for the same written forms again and again (every hit of a compound is checked).
  const known = new Map<string, string[]>();
  const lemmas = (word: string): string[] => {
    const w = word.toLowerCase();
    const seen = known.get(w);
    if (seen) return seen;
    const out = new Set<string>();
    if (flagsOf(w) !== undefined) out.add(w);
    // every ending the word has, looked up by itself: a few lookups instead of a pass over all endings
    for (let cut = 1; cut <= w.length; cut++) {
      const byStrip = byAdd.get(w.slice(cut));
      if (!byStrip) continue;
      const head = w.slice(0, cut);
      for (const [strip, rulesForBase] of byStrip) {
        const base = head + strip;
        const flags = flagsOf(base);
        if (!flags) continue;
        for (const { flag, rule } of rulesForBase) {
          if (flags.includes(flag) && rule.condition.test(base)) {
            out.add(base);
            break;
          }
        }
      }
    }
    const found = [...out];
    if (known.size > 500_000) known.clear();
    known.set(w, found);
    return found;
  };
  const forms = (lemma: string): string[] => {
    const flags = flagsOf(lemma) ?? '';
    const out = new Set([lemma]);
    for (const flag of new Set(flags)) {
      for (const rule of rules.get(flag) ?? []) {
        if (!rule.condition.test(lemma) || !lemma.endsWith(rule.strip)) continue;
        out.add(lemma.slice(0, lemma.length - rule.strip.length) + rule.add);
      }
    }
    return [...out];
  };
  return { lemmas, forms, isWord: (word) => lemmas(word).length > 0 };
}
