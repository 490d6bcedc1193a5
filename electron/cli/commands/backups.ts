import path from 'node:path';
import { UsageError, type Command } from '../command';

export const backupsCommand: Command = {
  name: 'backups',
  summary: 'List the automatic backups of a project (made by the app on opening and every 10 minutes with changes; the last 5 kept).',
  usage: 'backups <project> [--json]',
  project: 'open',
  async run(ctx) {
    const list = await ctx.call('project.backups', {});
    ctx.print(list.length ? list.map((b) => `${b.name}\t${b.created}\t${b.bytes} bytes`).join('\n') : 'No automatic backups', list);
  },
};

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'Put a backup in the project\'s place (a name from "rodtrad backups" or a path); the current file is kept as <project>.before-restore-<time>.',
  usage: 'restore <project> <backup name|copy.rodtrad> [--json]',
  project: 'open',
  async run(ctx) {
    const which = ctx.args[0];
    if (!which) throw new UsageError('missing the backup to restore (a name from "rodtrad backups", or a file)');
    const byName = !which.includes('/') && !which.includes('\\') && (await ctx.call('project.backups', {})).some((b) => b.name === which);
    const r = await ctx.call('project.restore', byName ? { name: which } : { path: path.resolve(which) });
    ctx.print(`Restored ${r.restored} into ${r.info.file}; the file before is kept as ${r.kept}`, r);
  },
};
