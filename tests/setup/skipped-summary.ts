/**
 * A vitest reporter that repeats, after the run's summary, every `[skipped] <test>: needs …`
 * line that tests/helpers/reference.ts printed, so a run on a machine without a tool or
 * without the reference files says at the end which tests did not run and why.
 */
import type { Reporter, TestModule } from 'vitest/node';

type UserConsoleLog = Parameters<NonNullable<Reporter['onUserConsoleLog']>>[0];

export default class SkippedSummary implements Reporter {
  private readonly lines = new Set<string>();

  onUserConsoleLog(log: UserConsoleLog): void {
    for (const line of log.content.split('\n')) if (line.startsWith('[skipped] ')) this.lines.add(line.trim());
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    if (this.lines.size === 0) return;
    const skipped = modules.reduce((n, m) => n + [...m.children.allTests('skipped')].length, 0);
    process.stdout.write(`\n${skipped} ${skipped === 1 ? 'test' : 'tests'} skipped because something they need is absent (with CI=true they fail instead):\n${[...this.lines].map((l) => `  ${l}`).join('\n')}\n\n`);
  }
}
