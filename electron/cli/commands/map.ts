import { PSEUDONYMISE_HELP, privacyNote, pseudonymiseOption } from '../export-privacy';
import { parseWhere } from '../where';
import { UsageError, type Command } from '../command';
import { EXPORT_OPTIONS, choice, formatFromOut, langOption, listOption } from './table-options';

export const mapCommand: Command = {
  name: 'map',
  summary: 'Code map: codes as nodes (sized by quotations, in their colours), co-occurrence as weighted edges, to SVG.',
  usage: 'map <project> --out FILE.svg [--min-weight N] [--codes PATH…] [--by overlap|turn|document] [--where ATTR=VALUE]… [--lang sv|en] [--no-pseudonymise] [--json]',
  details: [
    'The same map as the Kodkarta view, laid out by a seeded force layout (the same project gives',
    'the same map) around the nodes the user dragged in the view.',
    'Options:',
    '  --min-weight N     draw only edges of at least N co-occurrences (default 1); the codes stay put',
    '  --codes PATH       only these codes (repeat the option, or list the paths after it); default',
    '                     every code with a quotation',
    '  --by overlap       edge weight: pairs of overlapping quotations (default); turn: speaker turns',
    '                     with both codes; document: documents with both',
    '  --where ATTR=V     only these documents (see `rodtrad table --help`)',
    'Example: rodtrad map projekt.rodtrad --min-weight 3 --out kodkarta.svg',
    PSEUDONYMISE_HELP,
  ].join('\n'),
  options: {
    ...EXPORT_OPTIONS,
    'min-weight': { type: 'string' },
    codes: { type: 'string', multiple: true },
    by: { type: 'string' },
  },
  project: 'open',
  async run(ctx) {
    const o = ctx.options;
    const { out, format } = formatFromOut(o.out, ['svg']);
    const raw = o['min-weight'];
    const minWeight = raw === undefined ? 1 : Number(raw);
    if (!Number.isInteger(minWeight) || minWeight < 1) throw new UsageError(`--min-weight must be a whole number of at least 1 (got "${String(raw)}")`);
    // `--codes A B C` as well as `--codes A --codes B`: paths after --codes are codes too
    const paths = [...listOption(o.codes), ...(o.codes !== undefined ? ctx.args : [])];
    if (o.codes === undefined && ctx.args.length) throw new UsageError(`unexpected argument "${ctx.args[0]}"`);
    const codeIds = await Promise.all(paths.map(async (c) => (await ctx.call('codes.byPath', { path: c })).id));
    const res = await ctx.call('tables.exportCodeMap', {
      by: choice('by', o.by, ['overlap', 'turn', 'document'] as const, 'overlap'),
      filter: parseWhere(listOption(o.where)),
      minWeight,
      ...(codeIds.length ? { codeIds } : {}),
      language: langOption(o.lang),
      format: format as 'svg',
      path: out,
      pseudonymise: pseudonymiseOption(o),
    });
    ctx.print(`Wrote ${res.path} (${res.bytes} bytes).${privacyNote(res.privacy)}`, res);
  },
};
