/**
 * The compact Swedish lexicon (issue 13 §6: the first Swedish query no longer parses the
 * hunspell dictionary): the build's file matches the installed dictionary, and looking entries
 * up in it by binary search finds exactly what the dictionary lists.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPACT_FILE, compactDictionary, compactHeader } from '../../electron/core/search/sv-lexicon-compact';
import { dictionaryDir, dictionaryVersion, readCompactLexicon, readLexicon } from '../../electron/core/search/sv-lexicon';
import { skipUnless } from '../helpers/reference';

const dir = dictionaryDir();
const noDictionary = skipUnless('compact Swedish lexicon', dir ? { path: dir, missing: null } : { path: null, missing: 'needs the dictionary-sv package (npm) or RODTRAD_SV_DICTIONARY' });

describe.skipIf(noDictionary)('compact Swedish lexicon', () => {
  const aff = dir ? readFileSync(path.join(dir, 'index.aff'), 'utf8') : '';
  const dic = dir ? readFileSync(path.join(dir, 'index.dic'), 'utf8') : '';

  it('the build wrote the compact form of the installed dictionary to dist/', () => {
    const built = path.resolve(__dirname, '../../dist', COMPACT_FILE);
    expect(existsSync(built)).toBe(true);
    const text = readFileSync(built, 'utf8');
    expect(text.startsWith(compactHeader(dictionaryVersion(dir!)))).toBe(true);
    expect(text).toBe(compactDictionary(aff, dic, dictionaryVersion(dir!)));
  });

  it('every dictionary entry is found by the binary search, and words not listed are not', () => {
    const lex = readCompactLexicon(compactDictionary(aff, dic, 'test'));
    const words = dic
      .split('\n')
      .slice(1)
      .map((l) => (l.includes('/') ? l.slice(0, l.indexOf('/')) : l).trim().toLowerCase())
      .filter((w) => w && !/^\d+$/.test(w));
    expect(words.length).toBeGreaterThan(100_000);
    // every 16th entry and the first and last few: the ends of the search and every region between
    const sample = words.filter((_, i) => i % 16 === 0 || i < 50 || i > words.length - 50);
    const missing = sample.filter((w) => !lex.lemmas(w).includes(w));
    expect(missing).toEqual([]);
    for (const w of ['samverkanxq', 'zzzzzz', 'aaaaab']) expect(lex.isWord(w)).toBe(false);
    expect(lex.lemmas('samverkar')).toEqual(['samverka']);
    expect(lex.forms('samverka')).toEqual(expect.arrayContaining(['samverkan', 'samverkar', 'samverkade', 'samverkat']));
  });

  it('a small hand-written dictionary: rules and merged entries', () => {
    const lex = readLexicon('SFX A Y 2\nSFX A 0 en .\nSFX A 0 ar [^e]\nSFX B Y 1\nSFX B a an a\n', '3\nBil/A\nbil/B\nskola/B\n');
    expect(lex.forms('bil').sort()).toEqual(['bil', 'bilar', 'bilen']);
    expect(lex.lemmas('skolan')).toEqual(['skola']);
    expect(lex.isWord('bilarna')).toBe(false);
  });
});
