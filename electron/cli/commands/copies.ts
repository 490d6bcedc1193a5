import { UsageError, type Command } from '../command';

export const copiesCommand: Command = {
  name: 'copies',
  summary: 'Make one copy of the project per coder, each with its coder set, to code apart and merge later.',
  usage: 'copies <project> <outdir> --coders NAME,NAME… [--json]',
  details: [
    'Writes <outdir>/<project>-<coder>.rodtrad for each coder. The copies keep the master\'s GUIDs, so',
    '"rodtrad merge" can join them exactly. Refuses if a copy exists already; writes all or none.',
  ].join('\n'),
  project: 'open',
  options: { coders: { type: 'string' } },
  async run(ctx) {
    const dir = ctx.args[0];
    if (!dir) throw new UsageError('missing the folder to write the copies to');
    const coders = typeof ctx.options.coders === 'string' ? ctx.options.coders.split(',').map((c) => c.trim()).filter(Boolean) : [];
    if (coders.length === 0) throw new UsageError('name the coders with --coders Anna,Bo');
    const copies = await ctx.call('teams.copies', { outDir: dir, coders });
    ctx.print(copies.map((c) => `${c.coder.padEnd(16)} ${c.path}`).join('\n'), copies);
  },
};
