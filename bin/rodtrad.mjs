#!/usr/bin/env node
// The `rodtrad` command (package bin). The TypeScript sources are built into dist/ by `npm install` (prepare).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../dist/cli.mjs', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write('rodtrad: not built yet; run "npm run build" in the Rödtråd folder\n');
  process.exit(1);
}
await import(cli.href);
