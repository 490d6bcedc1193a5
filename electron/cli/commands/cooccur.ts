import { PSEUDONYMISE_HELP, privacyNote, pseudonymiseOption } from '../export-privacy';
import { parseWhere } from '../where';
import type { Command } from '../command';
import { EXPORT_OPTIONS, choice, formatFromOut, langOption, listOption } from './table-options';

export const cooccurCommand: Command = {
  name: 'cooccur',
  summary: 'Code × code co-occurrence (overlapping quotations, same speaker turn or same document) to XLSX or CSV.',
  usage: 'cooccur <project> [--by overlap|turn|document] [--where ATTR=VALUE]… [--lang sv|en] --out FILE.xlsx|.csv [--no-pseudonymise] [--json]',
  details: [
    'Options:',
    '  --by overlap       pairs of overlapping quotations (a quotation with both codes counts once; default)',
    '  --by turn          speaker turns touched by quotations of both codes',
    '  --by document      documents with quotations of both codes',
    '  --where ATTR=V     only these documents (see `rodtrad table --help`)',
    'The diagonal holds each code\'s own quotations, turns or documents. Codes count as linked',
    'directly (no roll-up to parents).',
    'Example: rodtrad cooccur projekt.rodtrad --by turn --out samforekomst.xlsx',
    PSEUDONYMISE_HELP,
  ].join('\n'),
  options: {
    ...EXPORT_OPTIONS,
    by: { type: 'string' },
  },
  project: 'open',
  async run(ctx) {
    const o = ctx.options;
    const { out, format } = formatFromOut(o.out, ['xlsx', 'csv']);
    const res = await ctx.call('tables.exportCooccurrence', {
      by: choice('by', o.by, ['overlap', 'turn', 'document'] as const, 'overlap'),
      filter: parseWhere(listOption(o.where)),
      language: langOption(o.lang),
      format: format as 'xlsx' | 'csv',
      path: out,
      pseudonymise: pseudonymiseOption(o),
    });
    ctx.print(`Wrote ${res.path} (${res.bytes} bytes).${privacyNote(res.privacy)}`, res);
  },
};
