import path from 'node:path';
import { UsageError, type Command } from '../command';

export const attributesCommand: Command = {
  name: 'attributes',
  summary: 'Apply an attribute sheet (csv/xlsx: first column names documents, other columns are attributes).',
  usage: 'attributes <project> <sheet.csv|sheet.xlsx> [--encoding NAME] [--json]',
  details: [
    'The first column names documents, by document name or file name (with or without extension).',
    'Every other column is an attribute (termin, stadsdel, grupp, verksamhet …). Numbers and dates keep',
    'their type; values keep the order in which they first appear (HT16, VT17, HT17 …).',
    'Names that match no document are listed; the rows that match are applied (one transaction).',
  ].join('\n'),
  options: { encoding: { type: 'string' } },
  project: 'open',
  async run(ctx) {
    const sheet = ctx.args[0];
    if (!sheet) throw new UsageError('name the attribute sheet');
    const r = await ctx.call('import.attributeSheet', {
      source: { path: path.resolve(sheet) },
      ...(typeof ctx.options.encoding === 'string' ? { encoding: ctx.options.encoding } : {}),
    });
    ctx.print(
      [
        `Applied ${sheet} to ${r.documents} documents.`,
        ...r.attributes.map((a) => `  ${a.name} (${a.type}): ${a.levels.join(', ')}`),
        ...(r.unknown.length ? [`No document named: ${r.unknown.join(', ')}`] : []),
      ].join('\n'),
      r,
    );
  },
};
