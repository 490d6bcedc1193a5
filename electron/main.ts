/**
 * Desktop host: one BrowserWindow showing the built renderer from app://rodtrad, the core
 * in this process behind one IPC channel. Only runs inside Electron.
 */
import { app, BrowserWindow, dialog, ipcMain, net, protocol, session as electronSession } from 'electron';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Session } from './core/api/session';
import { appRoot } from './core/paths';
import { ensureSampleProject } from './core/sample/sample-project';
import { CONTENT_SECURITY_POLICY } from './security';
import { APP_SCHEME, denyPermissions, EVENT_CHANNEL, hardenContents, registerIpc, windowOptions } from './desktop/window';

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

const session = new Session('desktop');

function projectFromArgs(): string | undefined {
  return process.argv.slice(1).find((a) => a.endsWith('.rodtrad') && existsSync(a));
}

async function createWindow(): Promise<void> {
  const rendererDir = path.join(appRoot(), 'dist', 'renderer');
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
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
  registerIpc(ipcMain, session);

  const win = new BrowserWindow(windowOptions(path.join(appRoot(), 'dist', 'preload.cjs')));
  session.dialogs = {
    async pickFile(request) {
      const filters = request.extensions?.length ? [{ name: request.title ?? 'Rödtråd', extensions: request.extensions }] : [];
      if (request.purpose === 'newProject' || request.purpose === 'export') {
        const r = await dialog.showSaveDialog(win, { title: request.title, defaultPath: request.defaultName, filters });
        return r.canceled || !r.filePath ? [] : [r.filePath];
      }
      const r = await dialog.showOpenDialog(win, {
        title: request.title,
        filters,
        properties: request.multiple ? ['openFile', 'multiSelections'] : ['openFile'],
      });
      return r.canceled ? [] : r.filePaths;
    },
  };
  session.on((event) => {
    if (!win.isDestroyed()) win.webContents.send(EVENT_CHANNEL, event);
  });
  win.once('ready-to-show', () => win.show());
  const file = projectFromArgs() ?? (await ensureSampleProject(path.join(app.getPath('userData'), 'exempelprojekt.rodtrad')));
  session.openProject(file);
  await win.loadURL(`${APP_SCHEME}://rodtrad/index.html`);
}

app.on('web-contents-created', (_event, contents) => hardenContents(contents));
app.whenReady().then(createWindow, (e: unknown) => {
  console.error(e);
  app.quit();
});
app.on('window-all-closed', () => {
  session.dispose();
  app.quit();
});
