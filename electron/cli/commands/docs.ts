import { UsageError, type Command } from '../command';
import { resolveDocument } from './document-arg';

export const docsCommand: Command = {
  name: 'docs',
  summary: 'List the documents, or delete or rename one (undoable).',
  usage: 'docs <project> [--delete NAME …] [--rename NAME NEW] [--json]',
  details: [
    'Without options: lists the documents with kind, characters, speaker turns, speakers and attributes.',
    'Options:',
    '  --delete NAME   delete a document (its name, file name or id) with its quotations, code links',
    '                  and memos; repeatable; one step for `rodtrad undo`',
    '  --rename NAME NEW  give a document a new name (names are unique); undoable',
    'Example: rodtrad docs projekt.rodtrad --delete "Gruppintervju 3 (2)"',
  ].join('\n'),
  options: {
    delete: { type: 'string', multiple: true },
    rename: { type: 'string' },
  },
  project: 'open',
  async run(ctx) {
    const o = ctx.options;
    const deletions = Array.isArray(o.delete) ? o.delete.map(String) : [];
    if (deletions.length > 0 && typeof o.rename === 'string') throw new UsageError('give --delete or --rename, not both');
    if (deletions.length > 0) {
      const docs = [];
      for (const name of deletions) docs.push(await resolveDocument(ctx, name));
      const r = await ctx.call('documents.delete', { ids: docs.map((d) => d.id) });
      const what = docs.length === 1 ? `"${docs[0]!.name}"` : `${docs.length} documents`;
      ctx.print(`Deleted ${what} with ${r.quotations} ${r.quotations === 1 ? 'quotation' : 'quotations'} and ${r.memos} ${r.memos === 1 ? 'memo' : 'memos'} (undo with: rodtrad undo)`, r);
      return;
    }
    if (typeof o.rename === 'string') {
      const wanted = ctx.args[0];
      if (ctx.args.length !== 1 || !wanted?.trim()) throw new UsageError('--rename takes the document and its new name: --rename NAME NEW');
      const doc = await resolveDocument(ctx, o.rename);
      const r = await ctx.call('documents.rename', { id: doc.id, name: wanted });
      ctx.print(`Renamed "${doc.name}" to "${r.name}"`, r);
      return;
    }
    if (ctx.args.length > 0) throw new UsageError(`unexpected argument "${ctx.args[0]}"`);
    const docs = await ctx.call('documents.list', {});
    const width = Math.max(8, ...docs.map((d) => d.name.length));
    const lines = docs.map((d) => {
      const attrs = Object.entries(d.attributes).map(([k, v]) => `${k}=${v}`).join(' ');
      return `${d.name.padEnd(width)}  ${d.kind.padEnd(9)}  ${String(d.chars).padStart(8)} chars  ${String(d.turns).padStart(4)} turns  ${d.speakers.join(',')}${attrs ? `  ${attrs}` : ''}`;
    });
    ctx.print(docs.length ? lines.join('\n') : 'No documents.', docs);
  },
};
