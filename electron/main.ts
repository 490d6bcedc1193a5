/**
 * Desktop host: one BrowserWindow showing the built renderer from app://rodtrad behind one
 * IPC channel. This process owns windows, native dialogs and the channel only; the core
 * (SQLite, jobs, every API call) runs in a utilityProcess (dist/core-process.mjs), so a
 * long query or a busy database never freezes the window. Only runs inside Electron.
 */
import { app, BrowserWindow, dialog, ipcMain, net, protocol, session as electronSession, utilityProcess } from 'electron';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { HostDialogs } from './core/api/session';
import { appRoot } from './core/paths';
import { CoreCallError, CoreClient, type CoreChild } from './desktop/core-client';
import { CORE_PROCESS_FILE } from './desktop/core-protocol';
import { MEDIA_PATH_PREFIX, mediaResponse } from './desktop/media-protocol';
import { CONTENT_SECURITY_POLICY } from './security';
import { APP_SCHEME, denyPermissions, refuseForeignRequests, EVENT_CHANNEL, hardenContents, registerIpc, windowOptions } from './desktop/window';

// stream: media elements read recordings from app://rodtrad/media/<id> in Range requests
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } }]);

let win: BrowserWindow | null = null;
let core: CoreClient | null = null;

/** The project named on a command line (this app's, or a second instance's the OS started). */
function projectFromArgs(argv: readonly string[]): string | undefined {
  return argv.slice(1).find((a) => a.endsWith('.rodtrad') && existsSync(a));
}

/**
 * Opens a project the OS or the command line names. An encrypted one is not opened here: the
 * core keeps it waiting and the page asks for its passphrase in its own dialog and sends it
 * through the one IPC channel (project.unlock), so it never passes through this process's
 * arguments, environment or log.
 */
function openNamed(client: CoreClient, file: string, sample: boolean): Promise<void> {
  return client.open(file, sample).then(
    () => undefined,
    (e: unknown) => {
      if (e instanceof CoreCallError && e.wire.code === 'passphrase-needed') return;
      // a project that does not open leaves the app running with none; the UI offers to open another
      console.error(`Rödtråd: ${e instanceof Error ? e.message : String(e)}`);
    },
  );
}

/** Files the OS asked to open before the window was there (macOS sends open-file early). */
const openedByOs: string[] = [];
app.on('open-file', (event, file) => {
  event.preventDefault();
  if (core && win) void openNamed(core, file, false).then(() => win?.focus());
  else openedByOs.push(file);
});
// one app per user: a project opened from the OS or a recent-documents list while the app
// runs reaches the running one (its command line), which opens it or asks for its passphrase
const firstInstance = app.requestSingleInstanceLock();
if (!firstInstance) app.quit();
app.on('second-instance', (_event, argv) => {
  const file = projectFromArgs(argv);
  if (core && file) void openNamed(core, file, false);
  if (win) {
    if (win.isMinimized()) win.restore();
    win.focus();
  }
});

function spawnCore(): CoreChild {
  const child = utilityProcess.fork(path.join(appRoot(), 'dist', CORE_PROCESS_FILE), [], { serviceName: 'Rödtråd core' });
  return {
    postMessage: (m) => child.postMessage(m),
    onMessage: (l) => child.on('message', l),
    onExit: (l) => child.once('exit', l),
    kill: () => void child.kill(),
  };
}

function nativeDialogs(owner: BrowserWindow): HostDialogs {
  return {
    async pickFile(request) {
      const filters = request.extensions?.length ? [{ name: request.title ?? 'Rödtråd', extensions: request.extensions }] : [];
      if (request.purpose === 'newProject' || request.purpose === 'export') {
        const r = await dialog.showSaveDialog(owner, { title: request.title, defaultPath: request.defaultName, filters });
        return r.canceled || !r.filePath ? [] : [r.filePath];
      }
      const r = await dialog.showOpenDialog(owner, { title: request.title, filters, properties: request.multiple ? ['openFile', 'multiSelections'] : ['openFile'] });
      return r.canceled ? [] : r.filePaths;
    },
  };
}

async function createWindow(): Promise<void> {
  const rendererDir = path.join(appRoot(), 'dist', 'renderer');
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    // a transcript's recording, looked up by document id in the core (never a path from the page)
    if (url.pathname.startsWith(MEDIA_PATH_PREFIX) && core) return mediaResponse(request, (method, params) => core!.invoke(method, params));
    const rel = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
    const file = path.resolve(rendererDir, `.${rel}`);
    if (!file.startsWith(rendererDir + path.sep)) return new Response('forbidden', { status: 403 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
  denyPermissions(electronSession.defaultSession);
  refuseForeignRequests(electronSession.defaultSession, rendererDir);

  const client = new CoreClient({
    spawn: spawnCore,
    onEvent: (event) => {
      if (win && !win.isDestroyed()) win.webContents.send(EVENT_CHANNEL, event);
    },
    report: (message) => console.error(`Rödtråd: ${message}`),
  });
  core = client;
  registerIpc(ipcMain, (method, params) => client.invoke(method, params));

  win = new BrowserWindow(windowOptions(path.join(appRoot(), 'dist', 'preload.cjs')));
  client.dialogs = nativeDialogs(win);
  win.once('ready-to-show', () => win?.show());
  const named = openedByOs.pop() ?? projectFromArgs(process.argv);
  await openNamed(client, named ?? path.join(app.getPath('userData'), 'exempelprojekt.rodtrad'), named === undefined);
  await win.loadURL(`${APP_SCHEME}://rodtrad/index.html`);
}

app.on('web-contents-created', (_event, contents) => hardenContents(contents));
app.whenReady().then(() => (firstInstance ? createWindow() : undefined), (e: unknown) => {
  console.error(e);
  app.quit();
});
/** How long quitting waits for the core to close its project (it may be in a 5 s busy_timeout). */
const SHUTDOWN_GRACE_MS = 15_000;

app.on('window-all-closed', () => {
  // the core closes its project (WAL checkpoint) before the app goes; a core that does not
  // answer still ends with the app, which kills its utility processes
  const closing = core?.shutdown() ?? Promise.resolve();
  const grace = new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref());
  void Promise.race([closing, grace]).finally(() => app.quit());
});
