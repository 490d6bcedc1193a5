import { UsageError, type Command } from '../command';
import { resolveDocument } from './document-arg';
import { offsetOption as offset } from './offset-option';

export const codeCommand: Command = {
  name: 'code',
  summary: 'Code a passage: create a quotation in a document and apply codes to it (undoable).',
  usage: 'code <project> --doc NAME --start N --end N --code "A/B" [--code …] [--coder NAME] [--comment TEXT] [--exact] [--create-codes] [--json]',
  details: [
    'Options:',
    '  --doc NAME       the document: its name or source file name, with or without extension, or its id',
    '  --start/--end N  UTF-16 code units into the document text (as `rodtrad text` prints it)',
    '  --code CODE      a code path, levels separated by "/" (write "\\/" for a "/" inside a name), or a',
    '                   unique code name or path suffix ("Yrkeserfarenhet"); repeatable',
    '  --coder NAME     record the coding under this coder (and make it the project\'s current coder)',
    '  --comment TEXT   a comment on the quotation',
    '  --exact          keep the offsets as given (default: widen to whole words)',
    '  --create-codes   create codes that do not exist yet (from their paths)',
    'Example: rodtrad code projekt.rodtrad --doc "Gruppintervju 3" --start 120 --end 260 --code "Motiv och drivkrafter/Bollande"',
  ].join('\n'),
  options: {
    doc: { type: 'string' },
    start: { type: 'string' },
    end: { type: 'string' },
    code: { type: 'string', multiple: true },
    coder: { type: 'string' },
    comment: { type: 'string' },
    exact: { type: 'boolean' },
    'create-codes': { type: 'boolean' },
  },
  project: 'open',
  async run(ctx) {
    const o = ctx.options;
    if (typeof o.doc !== 'string') throw new UsageError('--doc NAME is required');
    const start = offset('start', o.start);
    const end = offset('end', o.end);
    const paths = Array.isArray(o.code) ? o.code.map(String) : [];
    if (paths.length === 0) throw new UsageError('at least one --code PATH is required');
    const doc = await resolveDocument(ctx, o.doc);
    if (typeof o.coder === 'string') await ctx.call('project.setCoder', { name: o.coder });
    const q = await ctx.call('quotations.create', {
      documentId: doc.id,
      start,
      end,
      codePaths: paths,
      createCodes: o['create-codes'] === true,
      comment: typeof o.comment === 'string' ? o.comment : undefined,
      snap: o.exact ? 'none' : 'word',
    });
    ctx.print(`Quotation ${q.id} in "${doc.name}" ${q.start}-${q.end}: "${q.text}"`, q);
  },
};
