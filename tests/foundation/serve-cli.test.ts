/**
 * `rodtrad serve` as a user runs it on a terminal: each start link lets one page in, so a
 * user who closed the tab presses Enter for another. `script` gives the process a real TTY.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pathOrSkip, needTool } from '../helpers/reference';
import { rodtrad } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

const BIN = path.resolve(__dirname, '../../bin/rodtrad.mjs');
const LINK = /http:\/\/127\.0\.0\.1:\d+\/#start=[\w-]+/g;

describe('rodtrad serve on a terminal', () => {
  it('prints a new one-time start link for each Enter', async (ctx) => {
    const script = pathOrSkip(ctx, needTool('script'));
    const dir = tempDir('serve-cli');
    const project = path.join(dir, 'p.rodtrad');
    expect(rodtrad(['new', project]).code).toBe(0);
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} serve ${JSON.stringify(project)}`;
    const child = spawn(script, ['-qfec', command, '/dev/null'], { stdio: ['pipe', 'pipe', 'pipe'] });
    try {
      let out = '';
      const links = (): string[] => out.match(LINK) ?? [];
      const waitFor = (n: number): Promise<void> =>
        new Promise((resolve, reject) => {
          const check = (): void => {
            if (links().length >= n) {
              child.stdout.off('data', onData);
              resolve();
            }
          };
          const onData = (d: Buffer): void => {
            out += d.toString();
            check();
          };
          child.stdout.on('data', onData);
          child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
          check();
        });
      await waitFor(1);
      expect(out).toContain('Press Enter for a new link');
      child.stdin.write('\n');
      await waitFor(2);
      const [first, second] = links();
      expect(second).not.toBe(first);
      // the second link lets a page in, once
      const u = new URL(second!);
      const trade = (): Promise<Response> =>
        fetch(`${u.origin}/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: u.hash.slice('#start='.length) }) });
      expect((await trade()).status).toBe(200);
      expect((await trade()).status).toBe(403);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
