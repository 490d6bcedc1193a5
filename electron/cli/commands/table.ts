import { PSEUDONYMISE_HELP, privacyNote, pseudonymiseOption } from '../export-privacy';
import { parseWhere } from '../where';
import { UsageError, type Command } from '../command';
import { EXPORT_OPTIONS, choice, formatFromOut, langOption, listOption } from './table-options';

export const tableCommand: Command = {
  name: 'table',
  summary: 'Theme table like the article\'s Table 1 (sections, side-by-side columns, bullets), to DOCX, HTML or Markdown.',
  usage: 'table <project> [--layout NAME] [--counts none|quotes|docs|k-of-n] [--quotes N] [--source TEMPLATE] [--where ATTR=VALUE]… [--landscape] [--lang sv|en] --out FILE.docx|.html|.md [--no-pseudonymise] [--json]',
  details: [
    'Options:',
    '  --layout NAME      a layout saved in the project, a bundled one (ifo-table1 once the Table 1',
    '                     codebook is loaded) or "tree" (every top-level code a section; the default)',
    '  --counts MODE      after each code: quotes (quotations), docs (documents), k-of-n ("12 av 26")',
    '  --quotes N         N example quotations per code, with a source label',
    '  --source TEMPLATE  the label: {document}, {index}, {kind}, {speaker} and any document or speaker',
    '                     attribute, e.g. "(Gruppintervju {nr}, {roll})" (default "({document})")',
    '  --where ATTR=V     only documents with this attribute value; repeat an attribute to OR values,',
    '                     different attributes are AND\'ed; kind=fieldnote and group=NAME filter by kind and group',
    '  --landscape        landscape pages (DOCX, HTML print)',
    '  --lang sv|en       language of counts and notes (default sv)',
    '  --list             list the layouts and exit',
    'Example: rodtrad table projekt.rodtrad --layout ifo-table1 --counts k-of-n --out tabell1.docx',
    PSEUDONYMISE_HELP,
  ].join('\n'),
  options: {
    ...EXPORT_OPTIONS,
    layout: { type: 'string' },
    counts: { type: 'string' },
    quotes: { type: 'string' },
    source: { type: 'string' },
    landscape: { type: 'boolean' },
    list: { type: 'boolean' },
  },
  project: 'open',
  async run(ctx) {
    const o = ctx.options;
    if (o.list) {
      const layouts = await ctx.call('tables.layouts', {});
      ctx.print(layouts.map((l) => `${l.name.padEnd(24)} ${l.source.padEnd(8)} ${l.spec.caption || '-'} (${l.spec.sections.length} sections)`).join('\n'), layouts);
      return;
    }
    const { out, format } = formatFromOut(o.out, ['docx', 'html', 'md']);
    let quotes: number | undefined;
    if (o.quotes !== undefined) {
      quotes = Number(o.quotes);
      if (!Number.isInteger(quotes) || quotes < 0 || quotes > 20) throw new UsageError(`--quotes must be a whole number from 0 to 20 (got "${String(o.quotes)}")`);
    }
    const options = {
      ...(o.counts !== undefined ? { counts: choice('counts', o.counts, ['none', 'quotes', 'docs', 'k-of-n'] as const, 'none') } : {}),
      ...(quotes !== undefined ? { quotes } : {}),
      ...(typeof o.source === 'string' ? { sourceTemplate: o.source } : {}),
      ...(o.landscape ? { landscape: true } : {}),
      ...(o.lang !== undefined ? { language: langOption(o.lang) } : {}),
      ...(listOption(o.where).length ? { filter: parseWhere(listOption(o.where)) } : {}),
    };
    const res = await ctx.call('tables.exportThemeTable', {
      layout: typeof o.layout === 'string' ? o.layout : undefined,
      options,
      format: format as 'docx' | 'html' | 'md',
      path: out,
      pseudonymise: pseudonymiseOption(o),
    });
    ctx.print(`Wrote ${res.path} (${res.bytes} bytes).${privacyNote(res.privacy)}`, res);
  },
};
