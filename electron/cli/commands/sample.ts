import { UsageError, type Command } from '../command';

export const sampleCommand: Command = {
  name: 'sample',
  summary: 'Create a project from the bundled sample corpus (group interviews, field notes, attributes, Table 1 codebook); --coded adds the coding of two fictional coders.',
  usage: 'sample <project.rodtrad> [--coded] [--json]',
  details: '--coded: the sample as the app opens it on first start, already coded by two fictional coders (Karin Ek codes Norrdal, Jonas Lund Söderby).',
  options: { coded: { type: 'boolean' } },
  project: 'none',
  async run(ctx) {
    const file = ctx.args[0];
    if (!file) throw new UsageError('missing the project file to create');
    // the session closes the project when the command ends
    const info = await ctx.call('project.createSample', { path: file, coded: ctx.options.coded === true });
    ctx.print(`Created ${info.file}: ${info.counts.documents} documents, ${info.counts.codes} codes, ${info.counts.quotations} quotations`, info);
  },
};
