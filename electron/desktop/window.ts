/**
 * The Electron security checklist, in one place and testable without the Electron binary:
 * isolated, sandboxed renderer without Node; the app served from its own app:// scheme
 * with a CSP; navigation, new windows and permission requests denied; one IPC entry point
 * that accepts calls only from our own pages and validates them like every other host.
 */
import type { BrowserWindowConstructorOptions, IpcMain, IpcMainInvokeEvent, Session as ElectronSession, WebContents } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CoreReply } from './core-protocol';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://rodtrad`;
export const INVOKE_CHANNEL = 'rodtrad:invoke';
export const EVENT_CHANNEL = 'rodtrad:event';

export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    title: 'Rödtråd',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: true,
    },
  };
}

export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

/** Denies navigation away from the app, new windows and every permission request. */
export function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/**
 * Whether the app's session may make a request: its own pages (app://rodtrad), inline data,
 * its own blobs, and the files of the built renderer that the app:// handler reads. Nothing
 * else: no remote fonts or scripts, no telemetry, no update check.
 */
export function isAllowedRequest(url: string, rendererDir: string): boolean {
  if (isAppUrl(url) || url.startsWith('data:') || url.startsWith(`blob:${APP_ORIGIN}/`)) return true;
  if (!url.startsWith('file://')) return false;
  try {
    const file = path.resolve(fileURLToPath(url));
    return file === rendererDir || file.startsWith(rendererDir + path.sep);
  } catch {
    return false;
  }
}

/** Electron's session refuses every request but the app's own (see isAllowedRequest). */
export function refuseForeignRequests(electronSession: ElectronSession, rendererDir: string): void {
  electronSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url, path.resolve(rendererDir)) }));
}

export function denyPermissions(electronSession: ElectronSession): void {
  electronSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  electronSession.setPermissionCheckHandler(() => false);
}

/**
 * The single IPC entry point: only our own frames may call. `invoke` is the core process
 * (CoreClient.invoke), where params go through the contract like on every other host.
 */
export function registerIpc(ipcMain: IpcMain, invoke: (method: string, params: unknown) => Promise<CoreReply>): void {
  ipcMain.handle(INVOKE_CHANNEL, async (event: IpcMainInvokeEvent, method: unknown, params: unknown): Promise<CoreReply> => {
    const frameUrl = event.senderFrame?.url ?? '';
    if (!isAppUrl(frameUrl)) return { ok: false, error: { code: 'forbidden', message: 'calls are accepted from the app only' } };
    if (typeof method !== 'string') return { ok: false, error: { code: 'bad-params', message: 'method must be a string' } };
    return invoke(method, params);
  });
}
