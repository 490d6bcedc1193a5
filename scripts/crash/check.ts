/**
 * `npm run crash-check`: the full SIGKILL crash check (built to dist/crash-check.mjs):
 * 100 kills during coding writes, 20 during imports, 20 during migrations; prints the
 * counts and exits 1 on any failure. CRASH_RUNS overrides the coding count; CRASH_ONLY=import
 * (or coding, migrate) runs one kind.
 */
import { crashRuns, type CrashReport } from './runs';

const coding = Number(process.env.CRASH_RUNS ?? 100);
const reports: CrashReport[] = [];
const kinds = [['coding', coding, 15], ['import', Math.max(1, Math.round(coding / 5)), 1515], ['migrate', Math.max(1, Math.round(coding / 5)), 151515]] as const;
for (const [kind, runs, seed] of kinds.filter(([k]) => !process.env.CRASH_ONLY || process.env.CRASH_ONLY === k)) {
  reports.push(await crashRuns(kind, runs, seed, (line) => console.log(line)));
}
let failed = 0;
for (const r of reports) {
  console.log(`${r.kind}: ${r.passed} of ${r.runs} passed (${r.runs - r.finished} killed mid-work, ${r.acknowledged} acknowledged writes checked)`);
  for (const f of r.failures) console.log(`  FAILED ${f}`);
  failed += r.failures.length;
}
process.exit(failed ? 1 : 0);
