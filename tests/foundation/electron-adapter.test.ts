/**
 * The desktop shell cannot run here (no Electron binary), so its security-relevant parts are
 * tested in plain Node against a stand-in for the `electron` module; the real types are
 * checked by `tsc` against node_modules/electron/electron.d.ts.
 */
import { EventEmitter } from 'node:events';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { Session } from '../../electron/core/api/session';
import { invokeDirect } from '../../electron/desktop/core-server';
import { tempDir } from '../helpers/tmp';

const exposed: Record<string, unknown> = {};
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: { invoke: vi.fn(async (...args: unknown[]) => args), on: vi.fn(), removeListener: vi.fn() },
}));

const { windowOptions, hardenContents, denyPermissions, registerIpc, isAppUrl, refuseForeignRequests, INVOKE_CHANNEL } = await import('../../electron/desktop/window');
const dir = tempDir('electron');

describe('desktop shell security', () => {
  it('isolates and sandboxes the renderer without Node', () => {
    const prefs = windowOptions('/app/dist/preload.cjs').webPreferences!;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, webSecurity: true, allowRunningInsecureContent: false });
  });

  it('denies navigation away from the app, redirects, webviews and new windows', () => {
    const contents = new EventEmitter() as EventEmitter & { setWindowOpenHandler: (h: () => { action: string }) => void; openHandler?: () => { action: string } };
    contents.setWindowOpenHandler = (h) => (contents.openHandler = h);
    hardenContents(contents as never);
    const nav = { preventDefault: vi.fn() };
    contents.emit('will-navigate', nav, 'https://example.org/');
    expect(nav.preventDefault).toHaveBeenCalled();
    const inside = { preventDefault: vi.fn() };
    contents.emit('will-navigate', inside, 'app://rodtrad/index.html');
    expect(inside.preventDefault).not.toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    expect(contents.openHandler!()).toEqual({ action: 'deny' });
    expect(isAppUrl('app://rodtrad.evil/x')).toBe(false);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
  });

  it('refuses every request but the app\'s own pages, data, its blobs and the renderer\'s files (no remote fonts, scripts, telemetry or updates)', () => {
    let handler: ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void) | undefined;
    refuseForeignRequests({ webRequest: { onBeforeRequest: (h: typeof handler) => (handler = h) } } as never, '/app/dist/renderer');
    const cancelled = (url: string): boolean => {
      let r: { cancel: boolean } | undefined;
      handler!({ url }, (x) => (r = x));
      return r!.cancel;
    };
    for (const url of ['app://rodtrad/index.html', 'app://rodtrad/assets/x.js', 'data:image/png;base64,AA', 'blob:app://rodtrad/1234', 'file:///app/dist/renderer/index.html']) expect(cancelled(url), url).toBe(false);
    for (const url of ['https://fonts.googleapis.com/css', 'http://127.0.0.1:8080/', 'https://update.example.org/latest', 'wss://x.org/', 'file:///etc/passwd', 'file:///app/dist/renderer/../main.mjs', 'app://other/x', 'blob:https://x.org/1']) expect(cancelled(url), url).toBe(true);
  });

  it('denies every permission request', () => {
    let request: ((wc: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
    let check: (() => boolean) | undefined;
    denyPermissions({ setPermissionRequestHandler: (h: typeof request) => (request = h), setPermissionCheckHandler: (h: typeof check) => (check = h) } as never);
    const cb = vi.fn();
    request!(null, 'media', cb);
    expect(cb).toHaveBeenCalledWith(false);
    expect(check!()).toBe(false);
  });

  it('has one IPC entry point that accepts only app frames and forwards to the core, which validates through the contract', async () => {
    const handlers = new Map<string, (...a: unknown[]) => Promise<unknown>>();
    const session = new Session('desktop');
    session.createProject(path.join(dir, 'd.rodtrad'), 'Skrivbord');
    // the app forwards to the core process (CoreClient.invoke, tested in desktop-core.test.ts); here the core runs in this process
    const forwarded: string[] = [];
    const invoke = (method: string, params: unknown) => (forwarded.push(method), invokeDirect(session, method, params));
    registerIpc({ handle: (ch: string, fn: (...a: unknown[]) => Promise<unknown>) => handlers.set(ch, fn) } as never, invoke);
    expect([...handlers.keys()]).toEqual([INVOKE_CHANNEL]);
    const call = handlers.get(INVOKE_CHANNEL)!;
    const fromApp = { senderFrame: { url: 'app://rodtrad/index.html' } };
    expect(await call(fromApp, 'project.info', {})).toMatchObject({ ok: true, result: { name: 'Skrivbord' } });
    expect(await call({ senderFrame: { url: 'https://evil.example/' } }, 'project.info', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call(fromApp, 'documents.get', { id: 'x' })).toMatchObject({ ok: false, error: { code: 'bad-params' } });
    expect(await call(fromApp, 42, {})).toMatchObject({ ok: false, error: { code: 'bad-params' } });
    // refused calls never reach the core
    expect(forwarded).toEqual(['project.info', 'documents.get']);
    session.dispose();
  });

  it('the preload exposes only invoke and on', async () => {
    await import('../../electron/preload');
    const api = exposed.rodtrad as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    expect(await (api.invoke as (m: string, p: unknown) => Promise<unknown>)('project.info', {})).toEqual(['rodtrad:invoke', 'project.info', {}]);
  });
});
