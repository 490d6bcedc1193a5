import { PSEUDONYMISE_HELP, privacyNote, pseudonymiseOption } from '../export-privacy';
import { parseWhere } from '../where';
import type { Command } from '../command';
import { EXPORT_OPTIONS, choice, formatFromOut, langOption, listOption } from './table-options';

export const matrixCommand: Command = {
  name: 'matrix',
  summary: 'Code × document or code × attribute-value matrix (counts, presence, k of n, percents) to XLSX or CSV.',
  usage: 'matrix <project> --cols ATTR|docs [--cells count|presence|k-of-n|row-percent|col-percent] [--depth N] [--where ATTR=VALUE]… [--lang sv|en] --out FILE.xlsx|.csv [--no-pseudonymise] [--json]',
  details: [
    'Rows are codes with their levels; a parent row counts its own and its sub-codes\' quotations once.',
    'Options:',
    '  --cols ATTR|docs   columns: one per document, or per value of a document attribute (termin,',
    '                     stadsdel, grupp) in the attribute\'s kept order',
    '  --cells KIND       count (quotations, default), presence (0/1), k-of-n (documents with the code',
    '                     out of the column\'s documents), row-percent, col-percent (one decimal)',
    '  --depth N          only code levels 0..N',
    '  --where ATTR=V     only these documents (see `rodtrad table --help`)',
    '  --lang sv|en       sv: CSV with ";" and decimal comma (default); en: "," and decimal point',
    'XLSX keeps numbers as numbers ("22 av 30" is the number 22 with a number format), freezes the',
    'header row and code column and shades cells as a heat map. CSV is UTF-8 with a BOM.',
    'Example: rodtrad matrix projekt.rodtrad --cols termin --cells k-of-n --out matris.xlsx',
    PSEUDONYMISE_HELP,
  ].join('\n'),
  options: {
    ...EXPORT_OPTIONS,
    cols: { type: 'string' },
    cells: { type: 'string' },
    depth: { type: 'string' },
  },
  project: 'open',
  async run(ctx) {
    const o = ctx.options;
    const { out, format } = formatFromOut(o.out, ['xlsx', 'csv']);
    const depth = o.depth === undefined ? undefined : Number(o.depth);
    const res = await ctx.call('tables.exportMatrix', {
      cols: typeof o.cols === 'string' ? o.cols : 'docs',
      cells: choice('cells', o.cells, ['count', 'presence', 'k-of-n', 'row-percent', 'col-percent'] as const, 'count'),
      ...(depth !== undefined && Number.isInteger(depth) && depth >= 0 ? { maxDepth: depth } : {}),
      filter: parseWhere(listOption(o.where)),
      language: langOption(o.lang),
      format: format as 'xlsx' | 'csv',
      path: out,
      pseudonymise: pseudonymiseOption(o),
    });
    ctx.print(`Wrote ${res.path} (${res.bytes} bytes).${privacyNote(res.privacy)}`, res);
  },
};
