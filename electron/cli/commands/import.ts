import path from 'node:path';
import type { DocumentKind } from '../../../shared/contract';
import type { ImportFileResult } from '../../../shared/contract/import';
import { UsageError, type Command } from '../command';

const KINDS = ['interview', 'fieldnote', 'survey', 'other'] as const;

export const importCommand: Command = {
  name: 'import',
  summary: 'Import files and folders: txt, md, docx, odt, rtf, pdf, vtt, srt (transcripts, notes) and csv/xlsx (surveys).',
  usage: 'import <project> <file|folder>… [--kind interview|fieldnote|survey|other] [--encoding NAME] [--encoding-for FILE=NAME]… [--attributes SHEET] [--again] [--max-size MB] [--json]',
  details: [
    'Options:',
    '  --kind K             document kind for all files (default: interview when speaker turns are found,',
    '                       fieldnote for names like "faltanteckning…", survey for csv/xlsx, else other)',
    '  --encoding NAME      read text files in this encoding instead of detecting it (utf-8, utf-16le,',
    '                       utf-16be, windows-1252, iso-8859-1 …)',
    '  --encoding-for FILE=NAME   this encoding for this one file (repeatable)',
    '  --attributes SHEET   afterwards apply an attribute sheet (csv/xlsx, first column = document names)',
    '  --again              import files whose exact content is already in the project (default: skip them)',
    '  --max-size MB        refuse files larger than this (default 200)',
    '  --id-column H        survey: the column that names each respondent',
    '  --attribute-columns H1,H2   survey: closed-answer columns that become attributes',
    '  --text-columns H1,H2        survey: open-answer columns that become text (one turn per question)',
    '  --question-row       survey: the row under the header holds the questions\' texts (the header',
    '                       has variable names); survey tables take the texts as their titles',
    '',
    'Prints one line per file; --json prints [{file, ok, status, documentId, turns, chars, error}, …].',
    'Exit code 0 when every file went in (or was skipped as a duplicate), 1 when any failed; the others are imported anyway.',
  ].join('\n'),
  options: {
    kind: { type: 'string' },
    encoding: { type: 'string' },
    'encoding-for': { type: 'string', multiple: true },
    attributes: { type: 'string' },
    again: { type: 'boolean' },
    'max-size': { type: 'string' },
    'id-column': { type: 'string' },
    'attribute-columns': { type: 'string' },
    'text-columns': { type: 'string' },
    'question-row': { type: 'boolean' },
  },
  project: 'open',
  async run(ctx) {
    if (ctx.args.length === 0) throw new UsageError('name at least one file or folder to import');
    const o = ctx.options;
    const kind = o.kind as string | undefined;
    if (kind !== undefined && !(KINDS as readonly string[]).includes(kind)) throw new UsageError(`--kind must be one of ${KINDS.join(', ')}`);
    const maxSize = o['max-size'] === undefined ? undefined : Number(o['max-size']);
    if (maxSize !== undefined && !(maxSize > 0)) throw new UsageError('--max-size takes a number of megabytes, e.g. --max-size 50');
    const list = (v: unknown): string[] | undefined => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined);
    const survey = {
      ...(typeof o['id-column'] === 'string' ? { idColumn: o['id-column'] } : {}),
      ...(list(o['attribute-columns']) ? { attributeColumns: list(o['attribute-columns']) } : {}),
      ...(list(o['text-columns']) ? { textColumns: list(o['text-columns']) } : {}),
      ...(o['question-row'] ? { questionRow: true } : {}),
    };
    const perFile = new Map<string, string>();
    for (const spec of (o['encoding-for'] as string[] | undefined) ?? []) {
      const eq = spec.lastIndexOf('=');
      if (eq <= 0) throw new UsageError(`--encoding-for takes FILE=ENCODING (got "${spec}")`);
      perFile.set(path.resolve(spec.slice(0, eq)), spec.slice(eq + 1));
    }
    const r = await ctx.call('import.files', {
      sources: ctx.args.map((a) => {
        const p = path.resolve(a);
        const enc = perFile.get(p);
        return enc ? { path: p, encoding: enc } : { path: p };
      }),
      ...(kind ? { kind: kind as DocumentKind } : {}),
      ...(typeof o.encoding === 'string' ? { encoding: o.encoding } : {}),
      ...(typeof o.attributes === 'string' ? { attributesSheet: { path: path.resolve(o.attributes) } } : {}),
      duplicates: o.again ? 'import' : 'skip',
      ...(maxSize ? { maxFileMB: maxSize } : {}),
      ...(Object.keys(survey).length ? { survey } : {}),
    });
    const shown = (f: string): string => path.relative(process.cwd(), f) || f;
    const line = (x: ImportFileResult): string => {
      if (x.status === 'imported' && x.note && x.documentIds.length === 0) return `✓ ${shown(x.file)}  ${x.note}`;
      if (x.status === 'imported') {
        const docs = x.documentIds.length > 1 ? `${x.documentIds.length} documents, ` : '';
        return `✓ ${shown(x.file)}  ${docs}${x.turns} turns, ${x.speakers} speakers, ${x.chars} characters${x.encoding ? `, ${x.encoding}` : ''}`;
      }
      const mark = x.status === 'skipped' ? '–' : '✗';
      return `${mark} ${x.error ?? shown(x.file)}`;
    };
    const summary = `${r.imported} imported, ${r.skipped} skipped, ${r.failed} failed${r.cancelled ? ', cancelled' : ''}`;
    const sheet = r.attributes
      ? [
          `Attributes from ${shown(r.attributes.sheet)}: ${r.attributes.documents} documents, ${r.attributes.attributes.map((a) => a.name).join(', ')}`,
          ...(r.attributes.unknown.length ? [`  no document named: ${r.attributes.unknown.join(', ')}`] : []),
        ]
      : [];
    if (ctx.json) ctx.print('', r.results);
    else ctx.print([...r.results.map(line), summary, ...(r.notice ? [r.notice] : []), ...sheet].join('\n'));
    if (ctx.json && r.attributes?.unknown.length) ctx.io.stderr.write(`rodtrad: the attribute sheet names unknown documents: ${r.attributes.unknown.join(', ')}\n`);
    return r.results.some((x) => !x.ok) ? 1 : 0;
  },
};
