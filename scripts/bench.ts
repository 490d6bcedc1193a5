/**
 * `npm run bench`: runs every benchmark section and prints one JSON object. Each section
 * measures a reference (raw SQLite, FTS5 …) in the same run, so figures are read as ratios.
 * Every section runs in a process of its own, so one section's heap (lunr's index, say) does
 * not count towards the next one's memory figures; `node dist/bench.mjs NAME…` runs some.
 * `--scale 10` runs the sections at 1x and at ten times the corpus (1,440 interviews, 200,000
 * quotations) and reports the growth of import, index build and load, first-page listing and
 * the theme table side by side, each with the same run's raw-SQLite reference.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { codingBench } from './bench/coding';
import { desktopBench } from './bench/desktop';
import { drillBench } from './bench/drill';
import { codeMapBench } from './bench/codemap';
import { encryptionBench } from './bench/encryption';
import { foundationBench } from './bench/foundation';
import { hostileBench } from './bench/hostile';
import { importBench } from './bench/import';
import { paintBench } from './bench/paint';
import { refiBench } from './bench/refi';
import { reportsBench } from './bench/reports';
import { firstQuery, searchBench } from './bench/search';
import { tablesBench } from './bench/tables';
import { teamsBench } from './bench/teams';
import { firstQueryChild, isFirstQueryMode } from './bench/word-forms';
import { appVersion } from '../electron/core/version';

const sections: Record<string, () => Promise<Record<string, unknown>>> = {
  paint: paintBench,
  foundation: foundationBench,
  import: importBench,
  hostile: hostileBench,
  search: searchBench,
  tables: tablesBench,
  reports: reportsBench,
  drill: drillBench,
  codemap: codeMapBench,
  coding: codingBench,
  desktop: desktopBench,
  teams: teamsBench,
  refi: refiBench,
  encryption: encryptionBench,
};

const args = process.argv.slice(2);
const inChild = args[0] === '--section';

if (args[0] === '--first-query' && args[1] && isFirstQueryMode(args[2])) {
  // the search section's fresh process for a first Swedish query (bench/word-forms.ts)
  await firstQueryChild(args[1], args[2]);
} else if (args[0] === '--first-query') {
  // the search section's fresh process for its first query (any word, the index as stored)
  process.stdout.write(`${JSON.stringify(await firstQuery(args[1]!, args[2]!))}\n`);
} else if (inChild) {
  const name = args[1]!;
  let result: Record<string, unknown>;
  try {
    result = await sections[name]!();
  } catch (e) {
    result = { error: (e as Error).message };
  }
  result.sectionPeakRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  const scaleAt = args.indexOf('--scale');
  const scale = scaleAt >= 0 ? Number(args[scaleAt + 1]) : 1;
  if (!Number.isFinite(scale) || scale <= 0) {
    process.stderr.write('bench: --scale takes a number of times the 144-interview corpus (--scale 10)\n');
    process.exit(2);
  }
  const only = args.filter((a, i) => !a.startsWith('-') && !(scaleAt >= 0 && i === scaleAt + 1));
  const unknown = only.filter((n) => !(n in sections));
  if (unknown.length) {
    process.stderr.write(`bench: no section ${unknown.join(', ')} (sections: ${Object.keys(sections).join(', ')})\n`);
    process.exit(2);
  }
  const out: Record<string, unknown> = {
    rodtrad: appVersion(),
    node: process.version,
    cpus: os.cpus().length,
    date: new Date().toISOString(),
    loadAverage: os.loadavg().map((x) => Number(x.toFixed(2))),
  };
  // One folder for the run: the shared corpus of each scale is built once, by the first section needing it.
  // RODTRAD_BENCH_DIR keeps them between runs (a 10x corpus takes minutes to build).
  const kept = process.env.RODTRAD_BENCH_DIR;
  const shared = kept ?? mkdtempSync(path.join(os.tmpdir(), 'rodtrad-bench-run-'));
  if (!kept) process.on('exit', () => rmSync(shared, { recursive: true, force: true }));
  const runSections = (at: number): Record<string, Record<string, unknown>> => {
    const results: Record<string, Record<string, unknown>> = {};
    for (const name of Object.keys(sections)) {
      if (only.length && !only.includes(name)) continue;
      const env = { ...process.env, RODTRAD_BENCH_SCALE: String(at), RODTRAD_BENCH_DIR: shared };
      const child = spawnSync(process.execPath, [self, '--section', name], { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
      const line = child.stdout.trim().split('\n').at(-1) ?? '';
      try {
        results[name] = JSON.parse(line) as Record<string, unknown>;
      } catch {
        results[name] = { error: `the ${name} section exited with code ${child.status} and printed no result` };
      }
      process.stderr.write(`bench: ${name} at ${at}x done\n`);
    }
    return results;
  };
  const self = fileURLToPath(import.meta.url);
  if (scale === 1) Object.assign(out, runSections(1));
  else {
    const x1 = runSections(1);
    const xN = runSections(scale);
    out.scale = scale;
    out.growth = growthReport(x1, xN, scale);
    out[`x1`] = x1;
    out[`x${scale}`] = xN;
  }
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
}

/** A figure in a section's JSON by its path ("search.hybrid.loadMs.p50"), or null when absent. */
function figure(results: Record<string, Record<string, unknown>>, at: string): number | null {
  let v: unknown = results;
  for (const key of at.split('.')) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/**
 * The figures that must grow no faster than the corpus, at 1x and at the run's scale side by
 * side, with their growth factor (scaled / 1x) and the same run's raw-SQLite reference at
 * each scale; `limit` is the acceptance bound on the growth factor.
 */
function growthReport(x1: Record<string, Record<string, unknown>>, xN: Record<string, Record<string, unknown>>, scale: number) {
  const rows: { name: string; figure: string; reference: string | null; limit: number | null }[] = [
    { name: 'import', figure: 'import.import.ms', reference: 'import.raw.ms', limit: 12 },
    { name: 'indexBuild', figure: 'search.hybrid.buildMs', reference: 'search.fts5Reference.buildMs', limit: 12 },
    { name: 'indexLoad', figure: 'search.hybrid.loadMs.p50', reference: 'search.hybrid.rawSqliteReadIndexRowMs.p50', limit: 3 },
    { name: 'firstQueryFreshProcess', figure: 'search.hybrid.firstQueryFreshProcess.firstQueryMs', reference: null, limit: null },
    { name: 'firstPageListing', figure: 'coding.firstPageOf200.all.p50', reference: 'coding.firstPageOf200.rawSqlite.p50', limit: 2 },
    { name: 'firstPageListingTopCode', figure: 'coding.firstPageOf200.topCode.p50', reference: 'coding.firstPageOf200.rawSqlite.p50', limit: 2 },
    { name: 'themeTable', figure: 'tables.themeTable_table1_kofn_2quotes_ms.p50', reference: 'tables.reference_rawSql_codeXtermin_groupBy_ms.p50', limit: 10 },
    // CPU time of the same runs: the steadier figure on a shared, busy machine
    { name: 'themeTableCpu', figure: 'tables.themeTable_table1_kofn_2quotes_cpuMs.p50', reference: 'tables.reference_rawSql_codeXtermin_groupBy_cpuMs.p50', limit: 10 },
    { name: 'themeTableWarm', figure: 'tables.warm_themeTable_ms.p50', reference: null, limit: 10 },
    { name: 'themeTableWarmCpu', figure: 'tables.warm_themeTable_cpuMs.p50', reference: null, limit: 10 },
  ];
  const out: Record<string, unknown> = {};
  for (const r of rows) {
    const a = figure(x1, r.figure);
    const b = figure(xN, r.figure);
    const ra = r.reference ? figure(x1, r.reference) : null;
    const rb = r.reference ? figure(xN, r.reference) : null;
    const growth = a !== null && b !== null && a > 0 ? Number((b / a).toFixed(2)) : null;
    out[r.name] = {
      figure: r.figure,
      x1: a,
      [`x${scale}`]: b,
      growth,
      limit: r.limit,
      met: growth !== null && r.limit !== null ? growth <= r.limit : null,
      reference: r.reference,
      referenceX1: ra,
      [`referenceX${scale}`]: rb,
      referenceGrowth: ra !== null && rb !== null && ra > 0 ? Number((rb / ra).toFixed(2)) : null,
    };
  }
  return out;
}
