import { PSEUDONYMISE_HELP, privacyNote, pseudonymiseOption } from '../export-privacy';
import { parseWhere } from '../where';
import { EXPORT_OPTIONS } from './table-options';
import { formatKofN } from '../../../shared/format/numbers';
import { UsageError, type Command } from '../command';

function list(v: unknown): string[] {
  return Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : [];
}

export function outputFormat(out: string, allowed: readonly string[]): string {
  const ext = out.toLowerCase().split('.').pop() ?? '';
  if (!allowed.includes(ext)) throw new UsageError(`--out must end in ${allowed.map((a) => `.${a}`).join(', ')} (got "${out}")`);
  return ext;
}

export function lang(v: unknown): 'sv' | 'en' {
  if (v === undefined) return 'sv';
  if (v === 'sv' || v === 'en') return v;
  throw new UsageError(`--lang must be sv or en (got "${String(v)}")`);
}

export const reportCommand: Command = {
  name: 'report',
  summary: 'Term report: in how many interviews each code was raised per term ("22 av 30"), by group and district; DOCX or XLSX.',
  usage: 'report <project> (--term ATTR | --saved) [--group ATTR] [--district ATTR] [--codes PATH]… [--where ATTR=VALUE]… [--out FILE.docx|.xlsx] [--lang sv|en] [--no-pseudonymise] [--json]',
  details: [
    'Options:',
    '  --term ATTR        attribute that orders the interview rounds (termin); its values in their kept order',
    '  --group ATTR       split each term by this attribute too (grupp: chef / medarbetare)',
    '  --district ATTR    and by this one (stadsdel)',
    '  --codes PATH       a code to report, counted with its sub-codes ("Handlingsplan/Område 6"); repeat; default the top-level codes',
    '  --terms A,B,C      only these terms, in this order',
    '  --own-only         count a code\'s own quotations only, not its sub-codes\'',
    '  --where ATTR=V     only documents with this attribute value (repeat; kind=interview is the default)',
    '  --out FILE         write .docx (tables, charts, a sentence per code) or .xlsx (a sheet per table, charts)',
    '  --chart line|bar   chart type in the export (default line)',
    '  --chart-layout auto|overlay|small-multiples|top5',
    '                     many codes: one small chart per code, or the five most raised with the rest named',
    '                     (default auto: one chart up to six codes, small multiples above)',
    '  --lang sv|en       language of the output (default sv)',
    '  --saved            start from the settings saved in the project by the Rapport view (term, group,',
    '                     district, codes, sub-codes, chart); the other options override them',
    'Without --out the table is printed ("k/n" per term); with --json the whole report as JSON.',
    'Example: rodtrad report projekt.rodtrad --term termin --group grupp --codes "Handlingsplan" --out rapport.docx',
    PSEUDONYMISE_HELP,
  ].join('\n'),
  options: {
    ...EXPORT_OPTIONS,
    term: { type: 'string' },
    group: { type: 'string' },
    district: { type: 'string' },
    codes: { type: 'string', multiple: true },
    terms: { type: 'string' },
    'own-only': { type: 'boolean' },
    chart: { type: 'string' },
    'chart-layout': { type: 'string' },
    saved: { type: 'boolean' },
  },
  project: 'open',
  async run(ctx) {
    const o = ctx.options;
    const saved = o.saved ? await ctx.call('reports.settings', {}) : null;
    if (o.saved && !saved) throw new UsageError('the project has no saved report settings (open the Rapport view once, or give --term)');
    const term = typeof o.term === 'string' ? o.term : saved?.term;
    if (!term) throw new UsageError('--term ATTR is required (the attribute that orders the terms, e.g. termin), or --saved');
    const chart = o.chart ?? saved?.chart ?? 'line';
    if (chart !== 'line' && chart !== 'bar') throw new UsageError('--chart must be line or bar');
    const layoutOption = o['chart-layout'] ?? saved?.chartLayout ?? 'auto';
    const chartLayout = (['auto', 'overlay', 'small-multiples', 'top5'] as const).find((x) => x === layoutOption);
    if (!chartLayout) throw new UsageError('--chart-layout must be auto, overlay, small-multiples or top5');
    const request = {
      term,
      group: typeof o.group === 'string' ? o.group : (saved?.group ?? undefined),
      district: typeof o.district === 'string' ? o.district : (saved?.district ?? undefined),
      codes: list(o.codes).length ? list(o.codes) : (saved?.codes ?? undefined),
      terms: typeof o.terms === 'string' ? o.terms.split(',').map((s) => s.trim()).filter(Boolean) : undefined,
      includeSubcodes: o['own-only'] ? false : (saved?.includeSubcodes ?? true),
      filter: parseWhere(list(o.where)),
      language: lang(o.lang),
    };
    if (typeof o.out === 'string') {
      const format = outputFormat(o.out, ['docx', 'xlsx']) as 'docx' | 'xlsx';
      const r = await ctx.call('reports.exportTerm', { ...request, format, chart, chartLayout, path: o.out, pseudonymise: pseudonymiseOption(o) });
      if (ctx.json) {
        const report = await ctx.call('reports.term', request);
        ctx.print('', { ...r, report });
      } else ctx.print(`Wrote ${r.path} (${r.bytes} bytes).${privacyNote(r.privacy)}`);
      return 0;
    }
    const report = await ctx.call('reports.term', request);
    const l = request.language;
    const width = Math.max(8, ...report.rows.map((r) => r.name.length)) + 2;
    const lines = [
      report.title,
      '',
      `${''.padEnd(width)}${report.terms.map((t) => t.padStart(12)).join('')}`,
      ...report.rows.map((r) => `${r.name.padEnd(width)}${r.terms.map((c) => formatKofN(c.k, c.n, l).padStart(12)).join('')}`),
      '',
      ...report.notes,
    ];
    ctx.print(lines.join('\n'), report);
    return 0;
  },
};
