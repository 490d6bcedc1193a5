import path from 'node:path';
import type { Command } from '../command';

export const recentCommand: Command = {
  name: 'recent',
  summary: 'List the projects opened recently in the app (newest first) and the default folder for new projects; --default-folder DIR changes it.',
  usage: 'recent [--default-folder DIR] [--json]',
  details: [
    'The list and the folder are kept per user in RODTRAD_HOME (else ~/.rodtrad), never in a project.',
    'The default folder is where "New project" starts (~/Rödtråd unless another was chosen); it must lie inside your home folder.',
  ].join('\n'),
  project: 'none',
  options: { 'default-folder': { type: 'string' } },
  async run(ctx) {
    const folder = ctx.options['default-folder'];
    // a folder on the command line is the user's own, relative to where they are
    if (typeof folder === 'string') await ctx.call('app.setDefaultFolder', { dir: path.resolve(folder) });
    const places = await ctx.call('app.places', {});
    const lines = places.recent.map((r) => `${r.opened.slice(0, 16).replace('T', ' ')}  ${r.path}`);
    ctx.print([...(lines.length ? lines : ['No projects opened yet.']), `Default folder for new projects: ${places.defaultFolder}`].join('\n'), places);
  },
};
