import path from 'node:path';
import { UsageError, type Command } from '../command';
import { listOption } from './table-options';

export const pseudonymsCommand: Command = {
  name: 'pseudonyms',
  summary: 'The pseudonym list (the code key): load it from CSV, see suggestions, list it.',
  usage: 'pseudonyms <project> (--load LIST.csv [--replace] [--link] | --suggest [--names NAMES.csv] [--accept] | --add "REAL=PSEUDONYM"… | --list) [--json]',
  details: [
    'Options:',
    '  --load LIST.csv   rows: real name, pseudonym, kind (person, place, unit, other); a row without a',
    '                    pseudonym gets the next free one ("Person C"). Merged into the list in the project',
    '                    (--replace: instead of it). With --link the file itself is the list: the project',
    '                    keeps only its path, so the key can live apart from the data.',
    '  --suggest         names the exports could reveal that the list does not cover: speaker names,',
    '                    personnummer, phone numbers, e-mail addresses, capitalised words that look like',
    '                    names; --names NAMES.csv adds names from a list. --accept adds them all to the list.',
    '  --add "R=P"       add one name and its pseudonym (repeatable).',
    '  --list            the list (the default).',
    'Every export then uses the list, unless --no-pseudonymise is given, and is checked for real names.',
  ].join('\n'),
  options: {
    load: { type: 'string' },
    replace: { type: 'boolean' },
    link: { type: 'boolean' },
    suggest: { type: 'boolean' },
    names: { type: 'string' },
    accept: { type: 'boolean' },
    add: { type: 'string', multiple: true },
    list: { type: 'boolean' },
  },
  project: 'open',
  async run(ctx) {
    const o = ctx.options;
    const modes = [o.load !== undefined, Boolean(o.suggest), listOption(o.add).length > 0, Boolean(o.list)].filter(Boolean).length;
    if (modes > 1) throw new UsageError('give one of --load, --suggest, --add and --list');
    if (typeof o.load === 'string') {
      const r = await ctx.call('pseudonyms.load', { path: path.resolve(o.load), link: Boolean(o.link), replace: Boolean(o.replace) });
      ctx.print(`${r.entries.length} names in the list${r.source === 'file' ? ` (read from ${r.file})` : ' (kept in the project)'}`, r);
      return;
    }
    if (o.suggest) {
      const suggestions = await ctx.call('pseudonyms.suggest', typeof o.names === 'string' ? { listPath: path.resolve(o.names) } : {});
      if (o.accept && suggestions.length) {
        const current = await ctx.call('pseudonyms.list', {});
        await ctx.call('pseudonyms.set', { entries: [...current.entries, ...suggestions.map((s) => ({ real: s.text, pseudonym: s.pseudonym, kind: s.kind }))] });
      }
      const lines = suggestions.map((s) => `${s.text}\t→ ${s.pseudonym}\t(${s.reason}, ${s.count}×)`);
      ctx.print([...lines, `${suggestions.length} suggestions${o.accept && suggestions.length ? ', added to the list' : ''}`].join('\n'), suggestions);
      return;
    }
    const adds = listOption(o.add);
    if (adds.length) {
      const current = await ctx.call('pseudonyms.list', {});
      const entries = adds.map((a) => {
        const i = a.indexOf('=');
        if (i <= 0 || i === a.length - 1) throw new UsageError(`--add takes "REAL=PSEUDONYM" (got "${a}")`);
        return { real: a.slice(0, i).trim(), pseudonym: a.slice(i + 1).trim(), kind: 'person' as const };
      });
      const r = await ctx.call('pseudonyms.set', { entries: [...current.entries, ...entries] });
      ctx.print(`${r.entries.length} names in the list`, r);
      return;
    }
    const r = await ctx.call('pseudonyms.list', {});
    ctx.print([...r.entries.map((e) => `${e.real}\t→ ${e.pseudonym}\t(${e.kind})`), `${r.entries.length} names${r.source === 'file' ? ` (read from ${r.file})` : ''}`].join('\n'), r);
  },
};
