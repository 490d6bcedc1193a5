/**
 * Opening the browser without putting a secret on a command line (any local user can read
 * another's argv in /proc): the start URL goes into a page only its owner can read, in a
 * folder only its owner can enter, and the browser is given that file's path.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Launcher {
  /** The file to hand to the browser. */
  file: string;
  remove(): void;
}

export function writeLauncher(startUrl: string): Launcher {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rodtrad-open-'));
  const file = path.join(dir, 'open.html');
  const escaped = startUrl.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  writeFileSync(
    file,
    `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${escaped}"><title>Rödtråd</title><a href="${escaped}">Rödtråd</a>\n`,
    { mode: 0o600 },
  );
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
