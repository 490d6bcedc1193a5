/**
 * The compact form of the hunspell Swedish dictionary that the search reads (sv-lexicon.ts):
 * a header naming the dictionary's version, its suffix rules, `---`, then one line per entry
 * (`word` or `word/flags`), lower-cased, entries differing only in case merged, sorted as
 * JavaScript compares strings so the lexicon can binary-search the text as it is read.
 * The build writes it to dist/ (scripts/sv-lexicon-build.ts); sv-lexicon.ts makes it in
 * memory when the built file is absent.
 */
export const COMPACT_FILE = 'sv-lexicon.txt';

export const compactHeader = (version: string): string => `rodtrad-sv-lexicon 1 dictionary-sv ${version}\n`;

export function compactDictionary(aff: string, dic: string, version: string): string {
  const rules = aff.split('\n').filter((l) => l.startsWith('SFX'));
  const entries = new Map<string, string>();
  for (const line of dic.split('\n')) {
    const slash = line.indexOf('/');
    const word = (slash < 0 ? line : line.slice(0, slash)).trim().toLowerCase();
    if (!word || /^\d+$/.test(word) || word.includes('\n')) continue;
    const flags = slash < 0 ? '' : line.slice(slash + 1).trim();
    entries.set(word, (entries.get(word) ?? '') + flags);
  }
  const words = [...entries.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const lines = words.map((w) => {
    const flags = [...new Set(entries.get(w))].join('');
    return flags ? `${w}/${flags}` : w;
  });
  return `${compactHeader(version)}${rules.join('\n')}\n---\n${lines.join('\n')}\n`;
}
