/**
 * The only bridge into the sandboxed page: invoke(method, params) and on(event).
 * Nothing else of Electron or Node is exposed.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

const INVOKE_CHANNEL = 'rodtrad:invoke';
const EVENT_CHANNEL = 'rodtrad:event';

contextBridge.exposeInMainWorld('rodtrad', {
  invoke: (method: string, params: unknown): Promise<unknown> => ipcRenderer.invoke(INVOKE_CHANNEL, method, params),
  on: (listener: (event: unknown) => void): (() => void) => {
    const handler = (_e: IpcRendererEvent, event: unknown): void => listener(event);
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, handler);
  },
});
