import path from 'node:path';
import { UsageError, type Command } from '../command';
import { PSEUDONYMISE_HELP, PSEUDONYMISE_OPTIONS, privacyNote, pseudonymiseOption } from '../export-privacy';

export const qdcCommand: Command = {
  name: 'qdc',
  summary: 'Exchange codebooks with other QDA tools (REFI-QDA .qdc).',
  usage: 'qdc import <project> FILE.qdc [--on-conflict ours|theirs|both] [--dry-run] [--json] | qdc export <project> OUT.qdc [--no-pseudonymise] [--json]',
  details: [
    'import: adds the codebook\'s codes to the project\'s tree as one undoable step. Codes are',
    '        matched by GUID, then by path. Conflicts (a code at the same path with another GUID,',
    '        or a code we have at another path) are listed and resolved by --on-conflict:',
    '          ours    keep our code as it is (default)',
    '          theirs  take their GUID, place, colour and definition',
    '          both    keep ours and add theirs beside it',
    '  --dry-run   list what would happen and change nothing',
    'export: the code tree with definitions and colours, valid against the REFI-QDA schema.',
    `  ${PSEUDONYMISE_HELP}`,
  ].join('\n'),
  options: { 'on-conflict': { type: 'string' }, 'dry-run': { type: 'boolean' }, ...PSEUDONYMISE_OPTIONS },
  project: 'none',
  async run(ctx) {
    const [verb, projectPath, file, ...extra] = ctx.args;
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
    if (verb !== 'import' && verb !== 'export') throw new UsageError(verb === undefined ? 'say import or export' : `unknown action "${verb}" (import or export)`);
    if (!projectPath || !file) throw new UsageError(`name the project and the .qdc file: qdc ${verb} PROJECT FILE.qdc`);
    await ctx.call('project.open', { path: path.resolve(projectPath) });
    if (verb === 'import') {
      const choice = (ctx.options['on-conflict'] ?? 'ours') as string;
      if (!['ours', 'theirs', 'both'].includes(choice)) throw new UsageError(`--on-conflict must be ours, theirs or both (got "${choice}")`);
      const r = await ctx.call('refi.importCodebook', { source: { path: path.resolve(file) }, onConflict: choice as 'ours' | 'theirs' | 'both', dryRun: Boolean(ctx.options['dry-run']) });
      const lines = [
        `${ctx.options['dry-run'] ? 'Would add' : 'Added'} ${r.added} codes; ${r.matchedByGuid} matched by GUID, ${r.matchedByPath} by path; ${r.updated} updated`,
        ...r.conflicts.map((c) => `  conflict (${c.kind === 'moved' ? 'moved' : 'same path, other GUID'}): ours ${c.path}, theirs ${c.theirPath} → ${r.resolution}`),
      ];
      ctx.print(lines.join('\n'), r);
      return;
    }
    const r = await ctx.call('refi.exportCodebook', { path: path.resolve(file), pseudonymise: pseudonymiseOption(ctx.options) });
    ctx.print(`Wrote ${r.codes} codes to ${r.path}.${privacyNote(r.privacy)}`, r);
  },
};
