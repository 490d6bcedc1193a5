import { UsageError, type Command } from '../command';
import { resolveDocument } from './document-arg';

export const textCommand: Command = {
  name: 'text',
  summary: 'Print the stored text of a document exactly (NFC, \\n line ends), for scripts and checks.',
  usage: 'text <project> <document name|file name|id> [--json]',
  project: 'open',
  async run(ctx) {
    const arg = ctx.args[0];
    if (!arg) throw new UsageError('name the document');
    const summary = await resolveDocument(ctx, arg);
    const doc = await ctx.call('documents.get', { id: summary.id });
    if (ctx.json) ctx.print('', { id: doc.id, name: doc.name, text: doc.text });
    else ctx.io.stdout.write(doc.text);
  },
};
