/**
 * `npm run bench`: runs every benchmark section and prints one JSON object. Each section
 * measures a reference (raw SQLite, FTS5 …) in the same run, so figures are read as ratios.
 * Every section runs in a process of its own, so one section's heap (lunr's index, say) does
 * not count towards the next one's memory figures; `node dist/bench.mjs NAME…` runs some.
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { codingBench } from './bench/coding';
import { desktopBench } from './bench/desktop';
import { drillBench } from './bench/drill';
import { encryptionBench } from './bench/encryption';
import { foundationBench } from './bench/foundation';
import { hostileBench } from './bench/hostile';
import { importBench } from './bench/import';
import { paintBench } from './bench/paint';
import { refiBench } from './bench/refi';
import { reportsBench } from './bench/reports';
import { searchBench } from './bench/search';
import { tablesBench } from './bench/tables';
import { teamsBench } from './bench/teams';
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
  coding: codingBench,
  desktop: desktopBench,
  teams: teamsBench,
  refi: refiBench,
  encryption: encryptionBench,
};

const args = process.argv.slice(2);
const inChild = args[0] === '--section';

if (inChild) {
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
  const only = args.filter((a) => !a.startsWith('-'));
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
  const self = fileURLToPath(import.meta.url);
  for (const name of Object.keys(sections)) {
    if (only.length && !only.includes(name)) continue;
    const child = spawnSync(process.execPath, [self, '--section', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
    const line = child.stdout.trim().split('\n').at(-1) ?? '';
    try {
      out[name] = JSON.parse(line);
    } catch {
      out[name] = { error: `the ${name} section exited with code ${child.status} and printed no result` };
    }
  }
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
}
