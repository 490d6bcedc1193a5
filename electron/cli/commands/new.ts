import type { Command } from '../command';

export const newCommand: Command = {
  name: 'new',
  summary: 'Create a new, empty project file.',
  usage: 'new <project.rodtrad> [--name NAME] [--json]',
  options: { name: { type: 'string' } },
  project: 'create',
  async run(ctx) {
    const info = await ctx.call('project.info', {});
    ctx.print(`Created ${info.file} (project format ${info.schemaVersion})`, info);
  },
};
