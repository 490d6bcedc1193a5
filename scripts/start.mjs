// `npm start`: Rödtråd on the bundled sample project (or the project given after `--`).
// A desktop window when the Electron binary is installed, otherwise browser mode.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'cli.mjs');
if (!existsSync(cli) || !existsSync(path.join(root, 'dist', 'renderer', 'index.html'))) {
  spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
}

const given = process.argv[2];
const dataDir = process.env.RODTRAD_HOME ?? path.join(os.homedir(), '.rodtrad');
const project = given ? path.resolve(given) : path.join(dataDir, 'exempelprojekt.rodtrad');
if (!given && !existsSync(project)) {
  mkdirSync(dataDir, { recursive: true });
  const r = spawnSync(process.execPath, [cli, 'sample', project, '--coded'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function electronBinary() {
  try {
    const require = createRequire(import.meta.url);
    const dir = path.dirname(require.resolve('electron/package.json'));
    const rel = readFileSync(path.join(dir, 'path.txt'), 'utf8').trim();
    const bin = path.join(dir, 'dist', rel);
    return existsSync(bin) ? bin : undefined;
  } catch {
    return undefined;
  }
}

const electron = electronBinary();
const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const child =
  electron && !headless && !process.env.RODTRAD_BROWSER_MODE
    ? spawn(electron, [path.join(root, 'dist', 'main.mjs'), project], { stdio: 'inherit' })
    : spawn(process.execPath, [cli, 'serve', project, '--open'], { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
