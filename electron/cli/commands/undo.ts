import type { Command } from '../command';

export const undoCommand: Command = {
  name: 'undo',
  summary: 'Undo the last coding, code-tree, memo or attribute change (the journal is kept in the project).',
  usage: 'undo <project> [--json]',
  project: 'open',
  async run(ctx) {
    const r = await ctx.call('history.undo', {});
    ctx.print(r.done ? `Undid: ${r.done}` : 'Nothing to undo', r);
  },
};

export const redoCommand: Command = {
  name: 'redo',
  summary: 'Redo the last undone change.',
  usage: 'redo <project> [--json]',
  project: 'open',
  async run(ctx) {
    const r = await ctx.call('history.redo', {});
    ctx.print(r.done ? `Redid: ${r.done}` : 'Nothing to redo', r);
  },
};
