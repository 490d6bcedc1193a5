import { PSEUDONYMISE_HELP, privacyNote, pseudonymiseOption } from '../export-privacy';
import path from 'node:path';
import { parseWhere } from '../where';
import { UsageError, type Command } from '../command';
import { resolveDocument } from './document-arg';
import { EXPORT_OPTIONS, langOption, listOption } from './table-options';

export const quotesCommand: Command = {
  name: 'quotes',
  summary: 'List quotations by code, document, speaker and attribute values, or export them as CSV/XLSX.',
  usage:
    'quotes <project> [--delete ID] [--code PATH]… [--and] [--only] [--doc NAME]… [--speaker LABEL]… [--where ATTR=VALUE]… [--text WORDS] [--typical] [--cooccur PATH --cooccur PATH [--by overlap|turn|document]] [--out FILE.csv|.xlsx] [--lang sv|en] [--no-pseudonymise] [--json]',
  details: [
    'Options:',
    '  --code PATH      quotations with this code or one of its sub-codes; repeat for several (OR)',
    '  --and            with several --code: quotations that have all of them',
    '  --only           a code counts alone, without its sub-codes',
    '  --doc NAME       only this document (name, file name or id); repeatable',
    '  --speaker LABEL  only quotations that start in a turn of this speaker (label or name); repeatable',
    '  --where ATTR=V   only documents with this attribute value (repeat an attribute to OR values;',
    '                   group=NAME and kind=fieldnote also work, as in `rodtrad table`)',
    '  --text WORDS     quotations whose text or comment contains WORDS',
    '  --typical        only quotations pinned as typical quotes (of the --code codes, else of any code)',
    '  --cooccur PATH   twice: the quotations behind a co-occurrence cell, those of either code that',
    '                   co-occur with the other (--by overlap, the default; turn; document)',
    '  --out FILE       export: .csv (UTF-8 with BOM; ";" in Swedish) or .xlsx, one row per quotation and',
    '                   code with document, attributes, speaker, code path and each level in its own column',
    '  --lang sv|en     column headers of the export (default sv)',
    'Example: rodtrad quotes projekt.rodtrad --code "Motiv och drivkrafter" --where termin=HT16 --out citat.xlsx',
    PSEUDONYMISE_HELP,
  ].join('\n'),
  options: {
    ...EXPORT_OPTIONS,
    code: { type: 'string', multiple: true },
    and: { type: 'boolean' },
    only: { type: 'boolean' },
    doc: { type: 'string', multiple: true },
    speaker: { type: 'string', multiple: true },
    text: { type: 'string' },
    cooccur: { type: 'string', multiple: true },
    typical: { type: 'boolean' },
    by: { type: 'string' },
    delete: { type: 'string' },
  },
  project: 'open',
  async run(ctx) {
    const o = ctx.options;
    if (typeof o.delete === 'string') {
      const id = Number(o.delete);
      if (!Number.isInteger(id) || id <= 0) throw new UsageError(`--delete takes a quotation id (got "${o.delete}")`);
      const r = await ctx.call('quotations.delete', { id });
      ctx.print(r.deleted ? `Deleted quotation ${id} (undoable)` : `No quotation ${id}`, r);
      return r.deleted ? 0 : 1;
    }
    const codeIds = await Promise.all(listOption(o.code).map(async (c) => (await ctx.call('codes.byPath', { path: c })).id));
    const docs = await Promise.all(listOption(o.doc).map((d) => resolveDocument(ctx, d)));
    const filter = parseWhere(listOption(o.where));
    let documentIds = docs.length ? docs.map((d) => d.id) : undefined;
    if (filter.kinds?.length) {
      const kinds = new Set<string>(filter.kinds);
      const ofKind = (await ctx.call('documents.list', {})).filter((d) => kinds.has(d.kind)).map((d) => d.id);
      documentIds = documentIds ? documentIds.filter((id) => ofKind.includes(id)) : ofKind;
    }
    let groupIds: number[] | undefined;
    if (filter.groups?.length) {
      const groups = await ctx.call('groups.list', {});
      groupIds = filter.groups.map((name) => {
        const g = groups.find((x) => x.name === name);
        if (!g) throw new UsageError(`no document group "${name}"`);
        return g.id;
      });
    }
    const attrs = await ctx.call('attributes.list', { scope: 'document' });
    for (const name of Object.keys(filter.where ?? {})) {
      if (!attrs.some((a) => a.name === name)) throw new UsageError(`no document attribute "${name}"`);
    }
    const pair = await Promise.all(listOption(o.cooccur).map(async (c) => (await ctx.call('codes.byPath', { path: c })).id));
    if (pair.length !== 0 && pair.length !== 2) throw new UsageError('--cooccur is given twice: the two codes of the cell');
    const byOption = typeof o.by === 'string' ? o.by : 'overlap';
    const by = (['overlap', 'turn', 'document'] as const).find((x) => x === byOption);
    if (!by) throw new UsageError(`--by must be overlap, turn or document (got "${byOption}")`);
    const query = {
      ...(o.typical ? { typical: true } : {}),
      ...(pair.length === 2 ? { cooccur: { codeIds: [pair[0]!, pair[1]!] as [number, number], by } } : {}),
      ...(codeIds.length ? { codeIds } : {}),
      codeMode: o.and ? ('and' as const) : ('or' as const),
      includeSubcodes: !o.only,
      ...(documentIds ? { documentIds } : {}),
      ...(groupIds ? { groupIds } : {}),
      ...(listOption(o.speaker).length ? { speakers: listOption(o.speaker) } : {}),
      ...(filter.where ? { where: filter.where } : {}),
      ...(typeof o.text === 'string' ? { text: o.text } : {}),
    };
    if (typeof o.out === 'string') {
      const ext = path.extname(o.out).slice(1).toLowerCase();
      if (ext !== 'csv' && ext !== 'xlsx') throw new UsageError(`--out must end in .csv or .xlsx (got "${o.out}")`);
      const r = await ctx.call('quotations.export', { ...query, format: ext, path: path.resolve(o.out), language: langOption(o.lang), pseudonymise: pseudonymiseOption(o) });
      ctx.print(`Wrote ${r.rows} rows to ${r.path}.${privacyNote(r.privacy)}`, r);
      return;
    }
    const { total, rows } = await ctx.call('quotations.query', query);
    const oneLine = (s: string): string => s.replace(/\s+/g, ' ');
    const lines = rows.map((r) => `${r.documentName} ${r.start}-${r.end}${r.speaker ? ` [${r.speaker}]` : ''}: "${oneLine(r.text)}"\n    ${r.codePaths.join('; ') || '(no codes)'}`);
    ctx.print(`${lines.join('\n')}${lines.length ? '\n' : ''}${total} quotations`, { total, rows });
  },
};
