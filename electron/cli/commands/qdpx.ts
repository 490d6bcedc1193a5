import path from 'node:path';
import type { RefiImportReport } from '../../../shared/contract/refi';
import { REFI_TARGETS, type RefiTarget } from '../../../shared/contract/refi';
import { wording } from '../../../shared/wording';
import { UsageError, type Command } from '../command';
import { PSEUDONYMISE_HELP, PSEUDONYMISE_OPTIONS, privacyNote, pseudonymiseOption } from '../export-privacy';

/** The import report as a researcher reads it: what came in, what did not and why. */
export function formatImportReport(r: RefiImportReport, target: string): string {
  const c = r.counts;
  const lines = [
    `Imported ${r.file} (${r.origin ?? 'unknown tool'}) into ${target}:`,
    `  ${c.users} coders, ${c.codes} codes, ${c.sources} documents, ${c.selections} quotations with ${c.codings} codings, ${c.notes} memos, ${c.sets} document groups, ${c.variables} attributes${c.cases ? ` (from ${c.cases} cases)` : ''}`,
  ];
  if (r.merged > 0) lines.push(`  ${r.merged} selections repeating a range were merged into one quotation each`);
  const byUnit = new Map<string, string[]>();
  for (const p of r.positions) byUnit.set(p.unit, [...(byUnit.get(p.unit) ?? []), p.source]);
  for (const [unit, sources] of byUnit) lines.push(`  ${wording('en').refiPositions(unit, sources)}`);
  if (r.skipped.length > 0) {
    lines.push(`Skipped (${r.skipped.length}):`);
    for (const s of r.skipped) lines.push(`  ${s.kind} "${s.name}": ${s.reason}${s.codings ? ` (${s.codings} codings)` : ''}`);
  }
  if (r.unplaced.length > 0) {
    lines.push(`Not placed (${r.unplaced.length}), nothing was guessed:`);
    for (const u of r.unplaced) lines.push(`  "${u.source}" selection ${u.selection}${u.name ? ` "${u.name}"` : ''}: ${u.reason}`);
  }
  for (const w of r.warnings) lines.push(`Note: ${w}`);
  return lines.join('\n');
}

export const qdpxCommand: Command = {
  name: 'qdpx',
  summary: 'Exchange whole projects with ATLAS.ti, NVivo, MAXQDA and QualCoder (REFI-QDA .qdpx).',
  usage: 'qdpx import FILE.qdpx OUT.rodtrad [--skip-missing-sources] [--json] | qdpx export <project> OUT.qdpx [--for atlas|nvivo|maxqda|qualcoder|standard] [--speaker-codes] [--no-pseudonymise] [--json]',
  details: [
    'import: FILE is a .qdpx (also one renamed .zip) or a bare .qde; OUT is the new project file,',
    '        which is not left behind when the import is refused. The report lists what was',
    '        imported, what was skipped and why, and every selection that could not be placed.',
    '  --skip-missing-sources   import the rest when a source file is missing from the archive',
    'export: writes project.qde and sources/<guid>.txt, positions in code points (the standard).',
    '  --for TARGET       apply what a tool needs: nvivo counts UTF-16 units, maxqda gets CRLF',
    '                     text files, qualcoder a BOM; atlas and standard write the standard form',
    '  --speaker-codes    speaker turns as codes "Talare/NAME", for tools without speakers',
    `  ${PSEUDONYMISE_HELP} The pseudonyms go into the source texts, names, comments, memos and coders, and positions follow the changed texts.`,
    'Example: rodtrad qdpx import studie.qdpx studie.rodtrad',
  ].join('\n'),
  options: { for: { type: 'string' }, 'speaker-codes': { type: 'boolean' }, 'skip-missing-sources': { type: 'boolean' }, ...PSEUDONYMISE_OPTIONS },
  project: 'none',
  async run(ctx) {
    const [verb, a, b, ...extra] = ctx.args;
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
    if (verb === 'import') {
      if (!a || !b) throw new UsageError('name the REFI-QDA file and the new project: qdpx import FILE.qdpx OUT.rodtrad');
      if (ctx.options.for !== undefined || ctx.options['speaker-codes'] || ctx.options.pseudonymise || ctx.options['no-pseudonymise']) {
        throw new UsageError('--for, --speaker-codes and --(no-)pseudonymise belong to export');
      }
      const target = path.resolve(b);
      const r = await ctx.call('refi.importProject', { source: { path: path.resolve(a) }, target, skipMissingSources: Boolean(ctx.options['skip-missing-sources']) });
      ctx.print(formatImportReport(r, target), r);
      return;
    }
    if (verb === 'export') {
      if (!a || !b) throw new UsageError('name the project and the file to write: qdpx export PROJECT OUT.qdpx');
      const target = (ctx.options.for ?? 'standard') as string;
      if (!(REFI_TARGETS as readonly string[]).includes(target)) throw new UsageError(`--for must be one of ${REFI_TARGETS.join(', ')} (got "${target}")`);
      await ctx.call('project.open', { path: path.resolve(a) });
      const r = await ctx.call('refi.exportProject', {
        path: path.resolve(b),
        target: target as RefiTarget,
        speakerCodes: Boolean(ctx.options['speaker-codes']),
        pseudonymise: pseudonymiseOption(ctx.options),
      });
      const c = r.counts;
      const lines = [`Wrote ${r.path}: ${c.codes} codes, ${c.sources} documents, ${c.selections} quotations, ${c.notes} memos, ${c.sets} sets, ${c.variables} variables.${privacyNote(r.privacy)}`];
      if (r.astralDocuments.length > 0 && target !== 'nvivo') {
        lines.push(`Note: ${r.astralDocuments.length} documents contain emoji or other characters outside the BMP; NVivo counts them differently, so use --for nvivo when exporting for NVivo`);
      }
      ctx.print(lines.join('\n'), r);
      return;
    }
    throw new UsageError(verb === undefined ? 'say import or export' : `unknown action "${verb}" (import or export)`);
  },
};
