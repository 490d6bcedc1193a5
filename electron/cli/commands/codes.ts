import type { Command } from '../command';

export const codesCommand: Command = {
  name: 'codes',
  summary: 'The code tree with quotation and document counts (alone and with sub-codes).',
  usage: 'codes <project> [--json]',
  details: [
    'Each line: the code indented by level, then quotations and documents for the code alone and,',
    'after "/", with its sub-codes. --json gives every code with id, path, definition, colour and counts.',
  ].join('\n'),
  project: 'open',
  async run(ctx) {
    const tree = await ctx.call('codes.tree', {});
    const lines = tree.map((c) => {
      const counts = `${c.quotations}/${c.quotationsDeep} quotations, ${c.documents}/${c.documentsDeep} documents`;
      return `${'  '.repeat(c.depth)}${c.name}  (${counts})`;
    });
    ctx.print(lines.length ? lines.join('\n') : 'No codes yet (rodtrad codebook <project> --load ifo-table1)', tree);
  },
};
