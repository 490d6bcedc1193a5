import type { Command } from '../command';

export const infoCommand: Command = {
  name: 'info',
  summary: 'Show counts of documents, codes, quotations, memos and coders, and the schema version.',
  usage: 'info <project> [--json]',
  project: 'open',
  async run(ctx) {
    const info = await ctx.call('project.info', {});
    const c = info.counts;
    ctx.print(
      [
        `Project     ${info.name}`,
        `File        ${info.file}`,
        `Format      ${info.schemaVersion}`,
        `Access      ${info.readOnly ? 'read-only (the file or its folder cannot be written)' : 'read-write'}`,
        `Documents   ${c.documents} (${c.turns} speaker turns, ${c.speakers} speakers)`,
        `Codes       ${c.codes}`,
        `Quotations  ${c.quotations}`,
        `Memos       ${c.memos}`,
        `Coders      ${c.coders} (current: ${info.coder})`,
        ...info.interruptedImports.map(
          (b) =>
            `Import cut off (started ${b.started}): ${b.imported.length} of ${b.imported.length + b.skipped.length + b.notImported.length} files went in` +
            (b.notImported.length ? `; not imported: ${b.notImported.join(', ')}` : ''),
        ),
      ].join('\n'),
      info,
    );
  },
};
