import { readFileSync } from 'node:fs';
import type { Handlers } from '../api/types';
import { UserError } from '../errors';
import { linkPseudonymFile, parseListCsv, readPseudonyms, savePseudonyms } from './pseudonym-list';
import { makeReplacer } from './pseudonymise';
import { suggestPseudonyms } from './suggest';

function csvFrom(params: { path?: string; content?: string }, what: string): { content: string; file?: string } {
  if (params.content !== undefined) return { content: params.content };
  if (params.path) return { content: readFileSync(params.path, 'utf8'), file: params.path };
  throw new UserError('bad-input', `give the ${what} as a path or as content`, undefined, `ange ${what === 'list' ? 'listan' : what} som sökväg eller innehåll`);
}

export const privacyHandlers: Handlers<'pseudonyms.list' | 'pseudonyms.set' | 'pseudonyms.load' | 'pseudonyms.suggest' | 'pseudonyms.apply'> = {
  'pseudonyms.list': ({ session }) => readPseudonyms(session.requireProject()),
  'pseudonyms.set': ({ session }, { entries }) => savePseudonyms(session.requireProject(), entries),
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
