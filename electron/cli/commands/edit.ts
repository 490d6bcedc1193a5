import { UsageError, type Command } from '../command';
import { resolveDocument } from './document-arg';
import { offsetOption as count } from './offset-option';

export const editCommand: Command = {
  name: 'edit',
  summary: "Correct a document's text: quotations keep their words, changed ones are flagged for review (undoable).",
  usage: 'edit <project> NAME --at N [--delete K] [--insert TEXT] [--json]',
  details: [
    'Deletes K UTF-16 code units at offset N (as `rodtrad text` counts them) and inserts TEXT there.',
    'Quotations before and after the edit move with the text and keep their words; a quotation',
    'whose own words changed is flagged for review, one whose words were all deleted goes;',
    'speaker turns follow. One step for `rodtrad undo`.',
    'Options:',
    '  --at N         where the edit starts',
    '  --delete K     how many code units to delete (default 0)',
    '  --insert TEXT  the text to insert (default none)',
    'Example: rodtrad edit projekt.rodtrad "Gruppintervju 3" --at 1204 --delete 6 --insert "samverkan"',
  ].join('\n'),
  options: {
    at: { type: 'string' },
    delete: { type: 'string' },
    insert: { type: 'string' },
  },
  project: 'open',
  async run(ctx) {
    const o = ctx.options;
    if (ctx.args.length !== 1) throw new UsageError('name one document: edit <project> NAME --at N …');
    const at = count('at', o.at);
    const deleteCount = count('delete', o.delete, 0);
    const insert = typeof o.insert === 'string' ? o.insert : '';
    if (deleteCount === 0 && insert === '') throw new UsageError('nothing to do: give --delete K and/or --insert TEXT');
    const doc = await resolveDocument(ctx, ctx.args[0]!);
    const r = await ctx.call('documents.editText', { id: doc.id, at, deleteCount, insert });
    const parts = [`${r.shifted} moved`];
    if (r.flagged.length) parts.push(`${r.flagged.length} flagged for review (${r.flagged.map((id) => `#${id}`).join(', ')})`);
    if (r.removed.length) parts.push(`${r.removed.length} removed, all their words deleted (${r.removed.map((id) => `#${id}`).join(', ')})`);
    ctx.print(`Corrected "${doc.name}" (now ${r.chars} characters). Quotations: ${parts.join(', ')}`, r);
  },
};
