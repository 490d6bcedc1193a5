import type { Command } from '../command';

export const coderCommand: Command = {
  name: 'coder',
  summary: 'Show the coder new coding in this project copy is recorded under, or set it with --set NAME.',
  usage: 'coder <project> [--set NAME] [--json]',
  details: [
    'Every quotation and code link records its coder and time. Each coder codes in their own copy',
    '(see "rodtrad copies"); the coder is kept per project copy, by name and GUID.',
  ].join('\n'),
  project: 'open',
  options: { set: { type: 'string' } },
  async run(ctx) {
    const name = ctx.options.set;
    if (typeof name === 'string') await ctx.call('project.setCoder', { name });
    const c = await ctx.call('project.coder', {});
    const how = c.chosen ? '' : ' (not chosen yet: the operating-system user; set one with --set NAME)';
    ctx.print(`Coder  ${c.name}${how}\nGUID   ${c.guid ?? '(none yet)'}`, c);
  },
};
