import type { Command } from '../command';

export const docsCommand: Command = {
  name: 'docs',
  summary: 'List the documents with kind, characters, speaker turns, speakers and attributes.',
  usage: 'docs <project> [--json]',
  project: 'open',
  async run(ctx) {
    const docs = await ctx.call('documents.list', {});
    const width = Math.max(8, ...docs.map((d) => d.name.length));
    const lines = docs.map((d) => {
      const attrs = Object.entries(d.attributes).map(([k, v]) => `${k}=${v}`).join(' ');
      return `${d.name.padEnd(width)}  ${d.kind.padEnd(9)}  ${String(d.chars).padStart(8)} chars  ${String(d.turns).padStart(4)} turns  ${d.speakers.join(',')}${attrs ? `  ${attrs}` : ''}`;
    });
    ctx.print(docs.length ? lines.join('\n') : 'No documents.', docs);
  },
};
