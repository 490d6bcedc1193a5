import { UsageError, type Command } from '../command';

export const mergeCommand: Command = {
  name: 'merge',
  summary: 'Merge coder copies into a new project file; the inputs are never changed.',
  usage: 'merge <out.rodtrad> <copy1.rodtrad> <copy2.rodtrad> … [--json]',
  details: [
    'Documents are matched by GUID, then by the sha256 of their source file; codes by GUID, then by path',
    '(renamed or moved codes are reported). Quotations and code links are joined: an identical range coded',
    'by the same coder is never duplicated, and every quotation keeps its coder. Memos, attributes and groups',
    'come along. Where two copies changed the same thing differently, the first input\'s version is kept',
    'and the report lists it. --json prints the whole merge report.',
  ].join('\n'),
  project: 'none',
  async run(ctx) {
    const [out, ...inputs] = ctx.args;
    if (!out) throw new UsageError('missing the project file to write');
    if (inputs.length === 0) throw new UsageError('missing the projects to merge');
    const r = await ctx.call('teams.merge', { out, inputs });
    const lines = [
      `Merged ${r.sources.length} project(s) into ${r.output}`,
      `  ${r.totals.documents} documents, ${r.totals.codes} codes, ${r.totals.quotations} quotations, ${r.totals.links} code links, ${r.totals.memos} memos, ${r.totals.coders} coders`,
      ...r.sources.map((s) => `  ${s.file}: +${s.added.quotations} quotations, +${s.added.links} links, +${s.added.codes} codes (coders: ${s.coders.join(', ') || '–'})`),
      r.conflicts.length === 0 ? 'No conflicts.' : `${r.conflicts.length} conflict(s):`,
      ...r.conflicts.map((c) => `  ${c.entity} ${c.what}: ${c.detail} → ${c.rule}`),
    ];
    ctx.print(lines.join('\n'), r);
  },
};
