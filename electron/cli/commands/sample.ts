import { UsageError, type Command } from '../command';

export const sampleCommand: Command = {
  name: 'sample',
  summary: 'Create a project from the bundled sample corpus (group interviews, field notes, attributes, Table 1 codebook).',
  usage: 'sample <project.rodtrad> [--json]',
  project: 'none',
  async run(ctx) {
    const file = ctx.args[0];
    if (!file) throw new UsageError('missing the project file to create');
    // the session closes the project when the command ends
    const info = await ctx.call('project.createSample', { path: file });
    ctx.print(`Created ${info.file}: ${info.counts.documents} documents, ${info.counts.codes} codes`, info);
  },
};
