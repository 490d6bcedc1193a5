import path from 'node:path';
import { UsageError, type Command } from '../command';

export const codebookCommand: Command = {
  name: 'codebook',
  summary: 'Load a codebook into the code tree (bundled, CSV or indented text) or export the tree as one.',
  usage: 'codebook <project> (--load ifo-table1|handlingsplan|FILE.csv|FILE.txt [--lang sv|en] | --export FILE.csv|FILE.txt | --list) [--json]',
  details: [
    'Options:',
    '  --load ID|FILE   a bundled codebook (ifo-table1: "Informell organisering (Tabell 1)";',
    '                   handlingsplan: "Handlingsplan, 13 förbättringsområden") or a file. Codes that',
    '                   already exist at the same place are kept, so loading twice adds nothing.',
    '  --lang sv|en     the bundled codebooks\' definitions in Swedish (default) or English',
    '  --export FILE    write the code tree: .csv (Path, Level 1…n, Definition, Inclusion, Exclusion,',
    '                   Color) or .txt (two spaces per level, " | " before the definition)',
    '  --list           list the bundled codebooks',
    'A .txt codebook has one code per line, indented by a tab or two spaces per level, with the',
    'definition after " | " or " — ". A .csv codebook has a Path column ("A/B/C") or Level 1…n',
    'columns, and optionally Definition, Inclusion, Exclusion and Color.',
    'Example: rodtrad codebook projekt.rodtrad --load handlingsplan',
  ].join('\n'),
  options: { load: { type: 'string' }, export: { type: 'string' }, list: { type: 'boolean' }, lang: { type: 'string' } },
  project: 'open',
  async run(ctx) {
    const o = ctx.options;
    const bundled = await ctx.call('codebooks.list', {});
    if (o.list) {
      ctx.print(bundled.map((b) => `${b.id.padEnd(16)} ${b.name} (${b.codes} codes)`).join('\n'), bundled);
      return;
    }
    if (typeof o.load === 'string' && typeof o.export === 'string') throw new UsageError('use --load or --export, not both');
    if (typeof o.load === 'string') {
      const isBundled = bundled.some((b) => b.id === o.load);
      if (o.lang !== undefined && o.lang !== 'sv' && o.lang !== 'en') throw new UsageError(`--lang must be sv or en, not "${String(o.lang)}"`);
      const language = o.lang === 'en' ? 'en' : 'sv';
      const r = await ctx.call('codebooks.load', isBundled ? { id: o.load, language } : { path: path.resolve(o.load) });
      ctx.print(`Loaded ${r.codes} codes (${r.created} new, ${r.codes - r.created} already there)`, r);
      return;
    }
    if (typeof o.export === 'string') {
      const ext = path.extname(o.export).slice(1).toLowerCase();
      if (ext !== 'csv' && ext !== 'txt') throw new UsageError(`--export must end in .csv or .txt (got "${o.export}")`);
      const r = await ctx.call('codebooks.export', { format: ext, path: path.resolve(o.export) });
      ctx.print(`Wrote ${r.codes} codes to ${r.path}`, r);
      return;
    }
    throw new UsageError('say what to do: --load, --export or --list');
  },
};
