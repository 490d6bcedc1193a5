import { PSEUDONYMISE_HELP, privacyNote, pseudonymiseOption } from '../export-privacy';
import { parseWhere } from '../where';
import { EXPORT_OPTIONS } from './table-options';
import { UsageError, type Command } from '../command';

function list(v: unknown): string[] {
  return Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : [];
}

export const wordsCommand: Command = {
  name: 'words',
  summary: 'Word frequencies by stem (stop words removed) for the project, a code or a group; compare two groups.',
  usage: 'words <project> [--code PATH] [--where ATTR=VALUE]… [--compare-where ATTR=VALUE]… [--compare-code PATH] [--exclude-interviewer] [--include-speaker-names] [--limit N] [--out FILE.csv|.xlsx] [--no-pseudonymise] [--json]',
  details: [
    'Options:',
    '  --code PATH             only the text of this code\'s quotations (with sub-codes)',
    '  --where ATTR=VALUE      only documents with this attribute value (repeat; kind=…, group=… too)',
    '  --compare-where A=V     compare with a second group (e.g. --where grupp=chef --compare-where grupp=medarbetare)',
    '  --compare-code PATH     the second group is this code\'s quotations',
    '  --exclude-interviewer   leave out interviewer turns',
    '  --include-speaker-names count the speakers\' names as words (left out by default; labels and times never count)',
    '  --lang sv|en            stem everything in this language (default: each document\'s own)',
    '  --limit N               rows to show (default 30; --out writes all)',
    '  --out FILE              .csv (UTF-8 with BOM, ";" and decimal comma) or .xlsx',
    'A comparison is sorted by log-likelihood G² (> 3.84: p < 0.05; > 10.83: p < 0.001).',
    PSEUDONYMISE_HELP,
  ].join('\n'),
  options: {
    ...EXPORT_OPTIONS,
    code: { type: 'string' },
    'compare-where': { type: 'string', multiple: true },
    'compare-code': { type: 'string' },
    'exclude-interviewer': { type: 'boolean' },
    'include-speaker-names': { type: 'boolean' },
    limit: { type: 'string' },
  },
  project: 'open',
  async run(ctx) {
    const o = ctx.options;
    if (ctx.args.length) throw new UsageError(`unexpected argument "${ctx.args[0]}"`);
    if (o.lang !== undefined && o.lang !== 'sv' && o.lang !== 'en') throw new UsageError('--lang must be sv or en');
    const lang = o.lang as 'sv' | 'en' | undefined;
    const limit = o.limit === undefined ? 30 : Number(o.limit);
    if (!Number.isInteger(limit) || limit <= 0) throw new UsageError('--limit must be a positive whole number');
    const excludeInterviewer = o['exclude-interviewer'] === true ? true : undefined;
    const includeSpeakerNames = o['include-speaker-names'] === true ? true : undefined;
    const whereA = list(o.where);
    const a = { filter: whereA.length ? parseWhere(whereA) : undefined, code: typeof o.code === 'string' ? o.code : undefined, excludeInterviewer };
    const whereB = list(o['compare-where']);
    const compare = whereB.length > 0 || typeof o['compare-code'] === 'string';
    const b = compare ? { filter: whereB.length ? parseWhere(whereB) : undefined, code: typeof o['compare-code'] === 'string' ? o['compare-code'] : undefined, excludeInterviewer } : undefined;
    const labelA = [...whereA, ...(a.code ? [a.code] : [])].join(' ') || 'A';
    const labelB = [...whereB, ...(b?.code ? [b.code] : [])].join(' ') || 'B';

    if (typeof o.out === 'string') {
      const format = /\.xlsx$/i.test(o.out) ? 'xlsx' : /\.csv$/i.test(o.out) ? 'csv' : undefined;
      if (!format) throw new UsageError('--out must end in .csv or .xlsx');
      const r = await ctx.call('words.export', { format, a, b, labelA, labelB, lang, includeSpeakerNames, path: o.out, pseudonymise: pseudonymiseOption(o) });
      ctx.print(`Wrote ${r.rows} rows to ${r.path}.${privacyNote(r.privacy)}`, r);
      return 0;
    }
    if (b) {
      const r = await ctx.call('words.compare', { a, b, lang, includeSpeakerNames });
      const rows = r.rows.slice(0, limit);
      const lines = rows.map((x) => `${x.word.padEnd(24)} ${String(x.countA).padStart(7)} ${String(x.countB).padStart(7)} ${x.g2.toFixed(2).padStart(9)}  ${x.more === 'A' ? labelA : x.more === 'B' ? labelB : '='}`);
      ctx.print(
        [`${labelA}: ${r.a.counted} words in ${r.a.documents} documents; ${labelB}: ${r.b.counted} words in ${r.b.documents} documents`, `${'word'.padEnd(24)} ${'A'.padStart(7)} ${'B'.padStart(7)} ${'G²'.padStart(9)}  more in`, ...lines].join('\n'),
        { ...r, labelA, labelB, rows: ctx.json ? r.rows.slice(0, limit) : rows },
      );
      return 0;
    }
    const r = await ctx.call('words.frequencies', { scope: a, lang, limit, includeSpeakerNames });
    const lines = r.rows.map((x) => `${x.word.padEnd(24)} ${String(x.count).padStart(7)} ${String(x.documents).padStart(5)} doc.`);
    ctx.print([`${r.counted} words counted (${r.words} read, stop words removed) in ${r.documents} documents`, ...lines].join('\n'), r);
    return 0;
  },
};
