/**
 * `npm run bench`: runs every benchmark section and prints one JSON object. Each section
 * measures a reference (raw SQLite, FTS5 …) in the same run, so figures are read as ratios.
 */
import os from 'node:os';
import { foundationBench } from './bench/foundation';
import { searchBench } from './bench/search';
import { reportsBench } from './bench/reports';
import { tablesBench } from './bench/tables';
import { paintBench } from './bench/paint';
import { codingBench } from './bench/coding';
import { importBench } from './bench/import';

const sections: Record<string, () => Promise<Record<string, unknown>>> = {
  paint: paintBench,
  foundation: foundationBench,
  search: searchBench,
  tables: tablesBench,
  reports: reportsBench,
  coding: codingBench,
  import: importBench,
};

const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const out: Record<string, unknown> = {
  rodtrad: process.env.npm_package_version ?? null,
  node: process.version,
  cpus: os.cpus().length,
  date: new Date().toISOString(),
};
for (const [name, fn] of Object.entries(sections)) {
  if (only.length && !only.includes(name)) continue;
  try {
    out[name] = await fn();
  } catch (e) {
    out[name] = { error: (e as Error).message };
  }
}
out.peakRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
