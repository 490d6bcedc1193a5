import type { Command } from '../command';

export const newCommand: Command = {
  name: 'new',
  summary: 'Create a new, empty project file.',
  usage: 'new <project.rodtrad> [--name NAME] [--encrypt] [--json]',
  details: '--encrypt: the project is encrypted with a passphrase from RODTRAD_PASSPHRASE, or asked twice on a terminal (never echoed).',
  options: { name: { type: 'string' }, encrypt: { type: 'boolean' } },
  project: 'create',
  async run(ctx) {
    const info = await ctx.call('project.info', {});
    ctx.print(`Created ${info.file} (project format ${info.schemaVersion}${info.encrypted ? ', encrypted' : ''})`, info);
  },
};
