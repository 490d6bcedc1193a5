import { readFileSync } from 'node:fs';
import { UsageError, type Command } from '../command';
import { resolveDocument } from './document-arg';

export const memoCommand: Command = {
  name: 'memo',
  summary: 'List memos, or write one (project memo, or attached to a document, code or quotation).',
  usage: 'memo <project> [--doc NAME | --code PATH | --quote ID] [--add TITLE [--body TEXT | --body-file FILE]] [--delete ID] [--json]',
  details: [
    'Without --add or --delete: lists the memos (of the document, code or quotation given).',
    'Options:',
    '  --add TITLE       write a memo with this title; the author is the current coder',
    '  --body TEXT       its text: paragraphs separated by a blank line, *emphasis*, **strong**',
    '  --body-file FILE  read the text from a UTF-8 file',
    '  --delete ID       delete memo ID (undoable with `rodtrad undo`)',
    'Example: rodtrad memo projekt.rodtrad --code "Påverkansfaktorer" --add "Tankar" --body "Första stycket."',
  ].join('\n'),
  options: {
    doc: { type: 'string' },
    code: { type: 'string' },
    quote: { type: 'string' },
    add: { type: 'string' },
    body: { type: 'string' },
    'body-file': { type: 'string' },
    delete: { type: 'string' },
  },
  project: 'open',
  async run(ctx) {
    const o = ctx.options;
    if ([o.doc, o.code, o.quote].filter((x) => typeof x === 'string').length > 1) throw new UsageError('give at most one of --doc, --code, --quote');
    const target: { documentId?: number; codeId?: number; quotationId?: number } = {};
    if (typeof o.doc === 'string') target.documentId = (await resolveDocument(ctx, o.doc)).id;
    if (typeof o.code === 'string') target.codeId = (await ctx.call('codes.byPath', { path: o.code })).id;
    if (typeof o.quote === 'string') {
      if (!/^\d+$/.test(o.quote)) throw new UsageError(`--quote must be a quotation id (got "${o.quote}")`);
      target.quotationId = Number(o.quote);
    }
    if (typeof o.delete === 'string') {
      if (!/^\d+$/.test(o.delete)) throw new UsageError(`--delete must be a memo id (got "${o.delete}")`);
      const r = await ctx.call('memos.delete', { id: Number(o.delete) });
      ctx.print(`Deleted memo ${o.delete}`, r);
      return;
    }
    if (typeof o.add === 'string') {
      const body = typeof o['body-file'] === 'string' ? readFileSync(o['body-file'], 'utf8') : typeof o.body === 'string' ? o.body : '';
      const memo = await ctx.call('memos.create', { title: o.add, body, ...target });
      ctx.print(`Memo ${memo.id} "${memo.title}" (${memo.target}) by ${memo.author ?? '?'}`, memo);
      return;
    }
    const memos = await ctx.call('memos.list', target);
    const lines = memos.map((m) => `#${m.id} ${m.title} — ${m.target}, ${m.author ?? '?'}, ${m.modifiedAt.slice(0, 16).replace('T', ' ')}${m.body ? `\n    ${m.body.replace(/\s+/g, ' ').slice(0, 200)}` : ''}`);
    ctx.print(lines.length ? lines.join('\n') : 'No memos', memos);
  },
};
