import { UsageError, type Command } from '../command';

const EXPANSIONS = ['word', 'sentence', 'paragraph', 'turn'] as const;

function positiveInt(v: unknown, name: string, fallback: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${name} must be a positive whole number`);
  return n;
}

export const searchCommand: Command = {
  name: 'search',
  summary: 'Search the documents (stemmed Swedish/English) and show keyword-in-context lines; optionally code every hit.',
  usage: 'search <project> "QUERY" [--lang sv|en] [--limit N] [--sort document|relevance] [--exclude-interviewer] [--no-compounds] [--exclude-form FORM]… [--code-all CODE [--create-code] [--expand word|sentence|paragraph|turn]] [--json] | search <project> [--set-language DOC=sv|en|auto]… [--languages]',
  details: [
    'Query syntax:',
    '  arbetsbelastning          all forms of the word (arbetsbelastningen …)',
    '  social*                   words beginning with social',
    '  handläggare~1             up to 1 letter different (~2: two)',
    '  "fasta tjänster"          exact phrase',
    '  +sekretess -tystnadsplikt required / excluded; words are all required unless the query has OR',
    '  speaker:CS  kind:fieldnote  grupp:chef  verksamhet:"Barn och unga"',
    'Options:',
    '  --lang sv|en              stem the query in this language for every document (default: each document\'s own)',
    '  --limit N                 hits to list (default 50; counts cover all hits)',
    '  --sort document|relevance order of the hits (default document order)',
    '  --exclude-interviewer     leave out the turns of speakers marked as interviewer (for --code-all too)',
    '  --no-compounds            Swedish: do not find a word inside compounds (samverkan in samverkansmöte)',
    '  --exclude-form FORM       never match this written form (as listed under "word forms"); repeatable',
    '  --code-all CODE           code EVERY hit with this code (its path, or a unique name or path suffix), as one undoable step',
    '  --create-code             make the --code-all code from its path if no code matches',
    '  --expand UNIT             widen each coded hit to word (default), sentence, paragraph or turn',
    '  --set-language DOC=LANG   stem document DOC (name) in sv or en, or auto (detect); repeatable; no query needed',
    '  --languages               list the language each document is searched in',
    'JSON: { total, documents, hits: [{ document, documentId, start, end, snippet, speaker, … }] }',
  ].join('\n'),
  options: {
    lang: { type: 'string' },
    limit: { type: 'string' },
    sort: { type: 'string' },
    'exclude-interviewer': { type: 'boolean' },
    'no-compounds': { type: 'boolean' },
    'exclude-form': { type: 'string', multiple: true },
    'code-all': { type: 'string' },
    'create-code': { type: 'boolean' },
    expand: { type: 'string' },
    'set-language': { type: 'string', multiple: true },
    languages: { type: 'boolean' },
  },
  project: 'open',
  async run(ctx) {
    const settings = Array.isArray(ctx.options['set-language']) ? ctx.options['set-language'].map(String) : [];
    if (settings.length || ctx.options.languages) {
      if (settings.length) {
        const docs = await ctx.call('documents.list', {});
        for (const item of settings) {
          const eq = item.lastIndexOf('=');
          const name = item.slice(0, eq).trim();
          const lang = item.slice(eq + 1).trim();
          if (eq <= 0 || !['sv', 'en', 'auto'].includes(lang)) throw new UsageError(`--set-language "${item}" is not of the form DOCUMENT=sv|en|auto`);
          const doc = docs.find((d) => d.name === name || d.sourceName === name);
          if (!doc) throw new UsageError(`--set-language: no document named "${name}"`);
          await ctx.call('search.setLanguage', { documentId: doc.id, language: lang === 'auto' ? null : (lang as 'sv' | 'en') });
        }
      }
      const langs = await ctx.call('search.languages', {});
      ctx.print(langs.map((l) => `${l.used}${l.stored ? '' : ' (detected)'}\t${l.name}`).join('\n'), langs);
      return 0;
    }
    const query = ctx.args.join(' ').trim();
    if (!query) throw new UsageError('give a search query, e.g. rodtrad search projekt.rodtrad "samverkan"');
    const o = ctx.options;
    if (o.lang !== undefined && o.lang !== 'sv' && o.lang !== 'en') throw new UsageError('--lang must be sv or en');
    if (o.sort !== undefined && o.sort !== 'document' && o.sort !== 'relevance') throw new UsageError('--sort must be document or relevance');
    const expand = (o.expand ?? 'word') as (typeof EXPANSIONS)[number];
    if (!EXPANSIONS.includes(expand)) throw new UsageError(`--expand must be one of ${EXPANSIONS.join(', ')}`);
    if (o.expand !== undefined && o['code-all'] === undefined) throw new UsageError('--expand goes with --code-all');
    if (o['create-code'] && o['code-all'] === undefined) throw new UsageError('--create-code goes with --code-all');
    const codeAll = typeof o['code-all'] === 'string' ? o['code-all'] : undefined;
    const limit = positiveInt(o.limit, '--limit', 50);
    const lang = o.lang as 'sv' | 'en' | undefined;
    const sort = (o.sort ?? 'document') as 'document' | 'relevance';

    const r = await ctx.call('search.query', {
      query,
      lang,
      sort,
      limit: codeAll ? 100_000 : limit,
      excludeInterviewer: o['exclude-interviewer'] === true,
      compounds: o['no-compounds'] !== true,
      excludeForms: Array.isArray(o['exclude-form']) ? o['exclude-form'].map(String) : [],
    });
    if (codeAll) {
      if (r.total === 0) {
        ctx.print(`No hits for ${query}: nothing coded.`, { query, total: 0, created: 0, linked: 0 });
        return 1;
      }
      const coded = await ctx.call('search.codeHits', { hits: r.hits, code: codeAll, createCode: o['create-code'] === true, expand });
      ctx.print(
        `Coded ${r.total} hits of ${query} with "${codeAll}" (widened to ${expand}): ${coded.created} new quotations, ${coded.linked} existing ones linked.`,
        { query, total: r.total, code: codeAll, expand, ...coded },
      );
      return 0;
    }
    const hits = r.hits.map((h) => ({
      document: h.documentName,
      documentId: h.documentId,
      start: h.start,
      end: h.end,
      snippet: `${h.before}${h.match}${h.after}`,
      speaker: h.speaker,
      before: h.before,
      match: h.match,
      after: h.after,
      attributes: h.attributes,
      score: h.score,
    }));
    const lines = hits.map((h) => `${h.document}\t${h.speaker ?? '–'}\t${h.before.padStart(60)} [${h.match}] ${h.after}`);
    // the CLI always asks for the total
    const total = r.total ?? r.hits.length;
    const head = `${total} hits in ${r.perDocument.length} of the documents (${r.passages} passages)${r.ignored.length ? `; ignored stop words: ${r.ignored.join(', ')}` : ''}${r.forms.length ? `\nword forms: ${r.forms.map((f) => `${f.form} ${f.hits}`).join(', ')}` : ''}`;
    const more = total > hits.length ? `\n… ${total - hits.length} more (--limit)` : '';
    ctx.print([head, ...lines].join('\n') + more, {
      query,
      total: r.total,
      passages: r.passages,
      ignored: r.ignored,
      forms: r.forms,
      documents: r.perDocument,
      attributes: r.perAttribute,
      hits,
    });
    return 0;
  },
};
