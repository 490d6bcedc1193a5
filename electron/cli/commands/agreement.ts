import path from 'node:path';
import { UsageError, type Command } from '../command';
import type { AgreementUnit } from '../../../shared/contract/agreement';

const UNITS = ['turn', 'paragraph', 'sentence', 'char'] as const;

const fmt = (x: number | null): string => (x === null ? '–' : x.toFixed(3));

export const agreementCommand: Command = {
  name: 'agreement',
  summary: "Intercoder agreement per code: Krippendorff's α, Cohen's κ, percent agreement, Holsti; α_u on characters.",
  usage: 'agreement <project> [--coders A,B…] [--codes PATH…] [--unit turn|paragraph|sentence|char] [--bootstrap N] [--seed N] [--out FILE.docx|.xlsx] [--lang sv|en] [--json]',
  details: [
    'Run on a merged project (see "rodtrad merge"). --coders defaults to everyone who has coded, --codes to',
    'every code they used (repeat --codes for several; a code\'s own codings, not its sub-codes\'). --unit turn',
    '(default), paragraph or sentence compares units; char gives unitizing α_u. --bootstrap sets the samples of',
    "α's interval (default 1000, 0 for none), --seed its seed (default 1). --out writes the report (DOCX or XLSX,",
    'in --lang, default sv).',
  ].join('\n'),
  project: 'open',
  options: {
    coders: { type: 'string' },
    codes: { type: 'string', multiple: true },
    unit: { type: 'string' },
    bootstrap: { type: 'string' },
    seed: { type: 'string' },
    out: { type: 'string' },
    lang: { type: 'string' },
  },
  async run(ctx) {
    const o = ctx.options;
    const unit = (o.unit ?? 'turn') as string;
    if (!(UNITS as readonly string[]).includes(unit)) throw new UsageError(`--unit must be one of ${UNITS.join(', ')}`);
    const int = (name: string): number | undefined => {
      const v = o[name];
      if (v === undefined) return undefined;
      if (typeof v !== 'string' || !/^\d+$/.test(v)) throw new UsageError(`--${name} must be a whole number`);
      return Number(v);
    };
    const lang = (o.lang ?? 'sv') as string;
    if (lang !== 'sv' && lang !== 'en') throw new UsageError('--lang must be sv or en');
    const request = {
      coders: typeof o.coders === 'string' ? o.coders.split(',').map((c) => c.trim()).filter(Boolean) : undefined,
      codes: Array.isArray(o.codes) ? (o.codes as string[]) : undefined,
      unit: unit as AgreementUnit,
      bootstrap: int('bootstrap'),
      seed: int('seed'),
    };
    if (typeof o.out === 'string') {
      const ext = path.extname(o.out).toLowerCase();
      if (ext !== '.docx' && ext !== '.xlsx') throw new UsageError('--out must end in .docx or .xlsx');
      const r = await ctx.call('agreement.export', { ...request, format: ext === '.docx' ? 'docx' : 'xlsx', language: lang, path: o.out });
      ctx.print(`Wrote ${r.path} (${r.bytes} bytes)`, r);
      return;
    }
    const r = await ctx.call('agreement.compute', request);
    const two = r.coders.length === 2;
    const head = r.unit === 'char' ? ['α_u', 'segments'] : ['units', 'α', '95% CI', ...(two ? ['κ', 'Holsti'] : []), 'agree %'];
    const row = (label: string, f: (typeof r)['overall']): string => {
      const cells =
        r.unit === 'char'
          ? [fmt(f.alpha), String(f.unitizing?.segments ?? 0)]
          : [String(Math.round(f.units)), fmt(f.alpha), f.interval ? `${fmt(f.interval.low)}–${fmt(f.interval.high)}` : '–', ...(two ? [fmt(f.kappa), fmt(f.holsti)] : []), f.percent === null ? '–' : (f.percent * 100).toFixed(1)];
      return [label.padEnd(40).slice(0, 40), ...cells.map((c) => c.padStart(12))].join(' ');
    };
    ctx.print(
      [
        `Coders: ${r.coders.map((c) => c.name).join(', ')}; unit: ${r.unit}; documents: ${r.documents.considered} (${r.documents.codedByAll} coded by all)`,
        ['code'.padEnd(40), ...head.map((h) => h.padStart(12))].join(' '),
        row('All codes', r.overall),
        ...r.codes.map((c) => row(c.path, c)),
        '',
        r.method.en,
      ].join('\n'),
      r,
    );
  },
};
