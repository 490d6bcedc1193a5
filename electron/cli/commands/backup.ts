import { UsageError, type Command } from '../command';

export const backupCommand: Command = {
  name: 'backup',
  summary: 'Write a consistent copy of the project to a new file.',
  usage: 'backup <project> <copy.rodtrad> [--json]',
  project: 'open',
  async run(ctx) {
    const target = ctx.args[0];
    if (!target) throw new UsageError('missing the file to write the copy to');
    const r = await ctx.call('project.backup', { path: target });
    ctx.print(`Copied to ${r.path} (${r.bytes} bytes)`, r);
  },
};
