import type { Command } from '../command';

export const checkCommand: Command = {
  name: 'check',
  summary: 'Check the project file for damage (integrity, links, quotation bounds).',
  usage: 'check <project> [--json]',
  project: 'open',
  async run(ctx) {
    const r = await ctx.call('project.check', {});
    ctx.print(r.ok ? 'The project is in order.' : `Problems found:\n${r.problems.map((x) => `  ${x}`).join('\n')}`, r);
    return r.ok ? 0 : 1;
  },
};
