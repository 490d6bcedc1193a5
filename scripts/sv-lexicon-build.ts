/**
 * Writes the compact Swedish lexicon (electron/core/search/sv-lexicon-compact.ts) to dist/, so
 * the first Swedish query of a process reads one sorted file instead of parsing the hunspell
 * dictionary. Run by scripts/build.mjs; without the dictionary it writes nothing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { appRoot } from '../electron/core/paths';
import { COMPACT_FILE, compactDictionary } from '../electron/core/search/sv-lexicon-compact';
import { dictionaryDir, dictionaryVersion } from '../electron/core/search/sv-lexicon';

const dir = dictionaryDir();
if (dir) {
  const compact = compactDictionary(readFileSync(path.join(dir, 'index.aff'), 'utf8'), readFileSync(path.join(dir, 'index.dic'), 'utf8'), dictionaryVersion(dir));
  writeFileSync(path.join(appRoot(), 'dist', COMPACT_FILE), compact);
}
