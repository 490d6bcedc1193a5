import { readFileSync } from 'node:fs';
import type { Handlers } from '../api/types';
import { UserError } from '../errors';
import { linkPseudonymFile, parseListCsv, readPseudonyms, savePseudonyms } from './pseudonym-list';
import { makeReplacer } from './pseudonymise';
import { countOccurrences } from './occurrences';
import { guessFor, suggestPseudonyms } from './suggest';

function csvFrom(params: { path?: string; content?: string }, what: string): { content: string; file?: string } {
  if (params.content !== undefined) return { content: params.content };
  if (params.path) return { content: readFileSync(params.path, 'utf8'), file: params.path };
  throw new UserError('bad-input', `give the ${what} as a path or as content`, undefined, `ange ${what === 'list' ? 'listan' : what} som sökväg eller innehåll`);
}

type PrivacyMethod = 'pseudonyms.list' | 'pseudonyms.set' | 'pseudonyms.add' | 'pseudonyms.occurrences' | 'pseudonyms.guessKind' | 'pseudonyms.load' | 'pseudonyms.suggest' | 'pseudonyms.apply';

export const privacyHandlers: Handlers<PrivacyMethod> = {
  'pseudonyms.list': ({ session }) => readPseudonyms(session.requireProject()),
  'pseudonyms.set': ({ session }, { entries }) => savePseudonyms(session.requireProject(), entries),
  'pseudonyms.add': ({ session }, { real, pseudonym, kind }) => {
    const p = session.requireProject();
    const { entries } = readPseudonyms(p);
    const had = entries.find((e) => e.real.toLocaleLowerCase('sv') === real.trim().toLocaleLowerCase('sv'));
    if (had) throw new UserError('exists', `"${had.real}" is in the pseudonym list already (as "${had.pseudonym}")`, undefined, `"${had.real}" finns redan i pseudonymlistan (som "${had.pseudonym}")`);
    const guessed = guessFor(p, real, entries);
    return savePseudonyms(p, [...entries, { real, pseudonym: pseudonym ?? guessed.pseudonym, kind: kind ?? guessed.kind }]);
  },
  'pseudonyms.occurrences': ({ session }) => {
    const p = session.requireProject();
    return countOccurrences(p, readPseudonyms(p).entries);
  },
  'pseudonyms.guessKind': ({ session }, { real }) => {
    const p = session.requireProject();
    return guessFor(p, real, readPseudonyms(p).entries);
  },
  'pseudonyms.load': ({ session }, params) => {
    const p = session.requireProject();
    if (params.link) {
      if (!params.path) throw new UserError('bad-input', 'a list can be linked only as a file (path)', undefined, 'en lista kan bara kopplas som fil (sökväg)');
      return linkPseudonymFile(p, params.path);
    }
    const { content, file } = csvFrom(params, 'list');
    const loaded = parseListCsv(content, file);
    const current = params.replace ? [] : readPseudonyms(p).entries;
    return savePseudonyms(p, [...current, ...loaded], { imported: true });
  },
  'pseudonyms.suggest': ({ session }, params) => {
    const p = session.requireProject();
    const names = params.listPath !== undefined || params.listContent !== undefined ? csvFrom({ path: params.listPath, content: params.listContent }, 'list') : undefined;
    return suggestPseudonyms(p, readPseudonyms(p).entries, names);
  },
  'pseudonyms.apply': ({ session }, { text }) => {
    const r = makeReplacer(readPseudonyms(session.requireProject()).entries)(text);
    return { text: r.text, replacements: r.count };
  },
};
