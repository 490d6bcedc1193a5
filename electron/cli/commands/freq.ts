import { PSEUDONYMISE_HELP, privacyNote, pseudonymiseOption } from '../export-privacy';
import { parseWhere } from '../where';
import { EXPORT_OPTIONS } from './table-options';
import { formatInteger, formatPercentNumber } from '../../../shared/format/numbers';
import { UsageError, type Command } from '../command';
import { lang, outputFormat } from './report';

function list(v: unknown): string[] {
  return Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : [];
}

export const freqCommand: Command = {
  name: 'freq',
  summary: 'Survey frequency tables: Antal and Procent per answer with "Ej svar" and "Totalt"; ranked choices; coded open answers.',
  usage: 'freq <project> --var ATTR [--var ATTR]… [--ranked] [--order V1,V2,…] [--out FILE.docx|.xlsx|.csv|.md] [--lang sv|en] [--no-pseudonymise] [--json]',
  details: [
    'Respondents are documents of kind survey (change with --where kind=…); closed answers are their attributes.',
    'Options:',
    '  --var ATTR            a question (document attribute); one table each; repeat',
    '  --ranked              the variables are 1st, 2nd, 3rd … choice: add the total over the choices ("nämnts flest gånger")',
    '  --order V1,V2,…       order of the answers (listed ones first, even when nobody chose them); default the sheet\'s order',
    '  --title ATTR=TEXT     caption of a table (repeat), e.g. --title "omrade=Antal enkätsvar fördelat över verksamhetsområden"',
    '  --no-answer auto|always|never   the "Ej svar" row (default: when someone has no answer)',
    '  --rounding nearest|largest-remainder   percent rounding (default nearest: each row on its own; see docs/REPORTS.md)',
    '  --open PATH           also report open answers coded with this category code ("nämns N gånger"); repeat; --open "*" = all',
    '  --split ATTR          split the open-answer counts by this attribute (grupp)',
    '  --question LABEL      only open answers to this question (the speaker label of its turns)',
    '  --where ATTR=V        only respondents with this value (repeat)',
    '  --out FILE            .docx, .xlsx, .csv (UTF-8 with BOM, ";" in Swedish) or .md',
    '  --lang sv|en          language of the output (default sv)',
    PSEUDONYMISE_HELP,
  ].join('\n'),
  options: {
    ...EXPORT_OPTIONS,
    var: { type: 'string', multiple: true },
    ranked: { type: 'boolean' },
    order: { type: 'string' },
    title: { type: 'string', multiple: true },
    'no-answer': { type: 'string' },
    rounding: { type: 'string' },
    open: { type: 'string', multiple: true },
    split: { type: 'string' },
    question: { type: 'string' },
  },
  project: 'open',
  async run(ctx) {
    const o = ctx.options;
    const variables = list(o.var);
    if (variables.length === 0) throw new UsageError('give at least one --var ATTR');
    const noAnswer = o['no-answer'] ?? 'auto';
    if (noAnswer !== 'auto' && noAnswer !== 'always' && noAnswer !== 'never') throw new UsageError('--no-answer must be auto, always or never');
    const rounding = o.rounding ?? 'nearest';
    if (rounding !== 'nearest' && rounding !== 'largest-remainder') throw new UsageError('--rounding must be nearest or largest-remainder');
    const titles: Record<string, string> = {};
    for (const t of list(o.title)) {
      const eq = t.indexOf('=');
      if (eq <= 0) throw new UsageError(`--title "${t}" is not of the form ATTR=TEXT`);
      titles[t.slice(0, eq).trim()] = t.slice(eq + 1).trim();
    }
    const language = lang(o.lang);
    const filter = parseWhere(list(o.where));
    const request = {
      variables,
      ranked: Boolean(o.ranked),
      order: typeof o.order === 'string' ? o.order.split(',').map((s) => s.trim()).filter(Boolean) : undefined,
      titles,
      noAnswer,
      rounding,
      filter,
      language,
    } as const;
    const openCodes = list(o.open);
    const open = openCodes.length
      ? {
          codes: openCodes.includes('*') ? undefined : openCodes,
          group: typeof o.split === 'string' ? o.split : undefined,
          question: typeof o.question === 'string' ? o.question : undefined,
          filter,
          language,
        }
      : undefined;
    if (typeof o.out === 'string') {
      const format = outputFormat(o.out, ['docx', 'xlsx', 'csv', 'md']) as 'docx' | 'xlsx' | 'csv' | 'md';
      const r = await ctx.call('reports.exportFrequencies', { ...request, format, open, path: o.out, pseudonymise: pseudonymiseOption(o) });
      if (ctx.json) ctx.print('', { ...r, report: await ctx.call('reports.frequencies', request) });
      else ctx.print(`Wrote ${r.path} (${r.bytes} bytes).${privacyNote(r.privacy)}`);
      return 0;
    }
    const report = await ctx.call('reports.frequencies', request);
    const openResult = open ? await ctx.call('reports.openAnswers', open) : null;
    const out: string[] = [];
    for (const tb of report.tables) {
      const w = Math.max(10, ...tb.rows.map((r) => r.label.length)) + 2;
      out.push(tb.title, `${''.padEnd(w)}${(language === 'sv' ? 'Antal' : 'Count').padStart(8)}${(language === 'sv' ? 'Procent' : 'Percent').padStart(9)}`);
      const rows = [...tb.rows, ...(tb.noAnswer ? [{ label: language === 'sv' ? 'Ej svar' : 'No answer', ...tb.noAnswer }] : []), { label: language === 'sv' ? 'Totalt' : 'Total', ...tb.total }];
      for (const r of rows) out.push(`${r.label.padEnd(w)}${formatInteger(r.count, language).padStart(8)}${formatPercentNumber(r.percent, language).padStart(9)}`);
      out.push('');
    }
    if (report.ranked) out.push(report.ranked.sentence, '');
    if (openResult) out.push(...openResult.lines, '');
    out.push(...report.notes);
    ctx.print(out.join('\n'), openResult ? { ...report, open: openResult } : report);
    return 0;
  },
};
