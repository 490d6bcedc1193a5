// Fetches the Electron binary where the network allows it, and says once, plainly,
// when it cannot: the product then runs in browser mode. Never fails the install.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
let electronDir;
try {
  electronDir = path.dirname(require.resolve('electron/package.json'));
} catch {
  process.exit(0); // production install without devDependencies: nothing to do
}

function binaryPresent() {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return false;
  const rel = readFileSync(pathFile, 'utf8').trim();
  return existsSync(path.join(electronDir, 'dist', rel));
}

if (!binaryPresent() && !process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  // electron's own install script is disabled in package.json "allowScripts" so that
  // an offline install cannot fail; run it here and tolerate failure.
  spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { stdio: 'ignore', timeout: 180_000 });
}

if (!binaryPresent()) {
  console.log('Rödtråd: the Electron binary is not available on this machine, so desktop mode is unavailable; `npm start` opens browser mode instead.');
}
