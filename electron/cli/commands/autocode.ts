import { UsageError, type Command } from '../command';
import { resolveDocument } from './document-arg';

export const autocodeCommand: Command = {
  name: 'autocode',
  summary: 'Auto-code by speaker (or role): one code per speaker under "Talare", a quotation per turn.',
  usage: 'autocode <project> [--by speaker|role|ATTRIBUTE] [--parent CODE] [--no-interviewer] [--doc NAME]… [--json]',
  details: [
    '  --by speaker       one code per speaker label (or name, when set) — the default',
    '  --by role          one code per value of the speaker attribute "roll" (chef, medarbetare …)',
    '  --by ATTRIBUTE     one code per value of another speaker attribute',
    '  --parent CODE      parent code path (default "Talare", or the attribute name)',
    '  --no-interviewer   leave the interviewer\'s turns uncoded',
    '  --doc NAME         only these documents (repeatable; default all)',
    'One undoable step. Running it again adds no second quotation for the same turn and code.',
  ].join('\n'),
  options: {
    by: { type: 'string' },
    parent: { type: 'string' },
    'no-interviewer': { type: 'boolean' },
    doc: { type: 'string', multiple: true },
  },
  project: 'open',
  async run(ctx) {
    const by = typeof ctx.options.by === 'string' ? ctx.options.by : 'speaker';
    if (!by.trim()) throw new UsageError('--by needs speaker, role or an attribute name');
    const docs = (ctx.options.doc as string[] | undefined) ?? [];
    const documentIds = [];
    for (const d of docs) documentIds.push((await resolveDocument(ctx, d)).id);
    const r = await ctx.call('speakers.autocode', {
      by: by === 'speaker' ? 'speaker' : 'attribute',
      ...(by === 'speaker' ? {} : { attribute: by === 'role' ? 'roll' : by }),
      ...(typeof ctx.options.parent === 'string' ? { parent: ctx.options.parent } : {}),
      ...(documentIds.length ? { documentIds } : {}),
      includeInterviewer: !ctx.options['no-interviewer'],
    });
    ctx.print(
      [`${r.quotations} new quotations in ${r.codes.length} codes (${r.skippedTurns} turns left uncoded):`, ...r.codes.map((c) => `  ${c.name}: ${c.quotations} turns`)].join('\n'),
      r,
    );
  },
};
