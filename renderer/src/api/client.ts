/**
 * The renderer's one way to the core: the typed contract over IPC (desktop, window.rodtrad)
 * or over HTTP (browser mode, a session credential obtained once for the start link's code). The UI never sees which.
 */
import type { AppEvent, MethodName, Params, Result } from '../../../shared/contract';
import type { ExportPrivacy } from '../../../shared/contract/privacy';
import { i18n } from '../i18n';
import { base64url, mediaTicketMessage } from '../../../shared/media-ticket';

interface Bridge {
  invoke(method: string, params: unknown): Promise<{ ok: true; result: unknown } | { ok: false; error: ApiErrorShape }>;
  on(listener: (event: unknown) => void): () => void;
}

interface ApiErrorShape {
  code: string;
  message: string;
  file?: string;
  messageSv?: string;
}

export class ApiError extends Error {
  readonly code: string;
  readonly file?: string;
  constructor(e: ApiErrorShape) {
    // the Swedish UI shows the core's Swedish message where it has one
    super(e.messageSv && i18n.language === 'sv' ? e.messageSv : e.message);
    this.code = e.code;
    this.file = e.file;
  }
}

declare global {
  interface Window {
    rodtrad?: Bridge;
  }
}

const TOKEN_KEY = 'rodtrad.token';
const FORBIDDEN: ApiErrorShape = {
  code: 'forbidden',
  message: 'access denied: this page has no valid session; open the link that "rodtrad serve" printed (it works once)',
  messageSv: 'åtkomst nekad: sidan saknar en giltig session; öppna länken som "rodtrad serve" skrev ut (den fungerar en gång)',
};

/**
 * The session credential of this tab. The start link carries a one-time code in its fragment
 * (never sent in a request line, never in a Referer); it is exchanged once for the credential,
 * which sessionStorage keeps for this tab and origin only (a reload keeps working, another
 * port's page cannot read it, unlike a cookie).
 */
async function browserToken(): Promise<string> {
  const code = new URLSearchParams(window.location.hash.slice(1)).get('start');
  if (code) {
    // out of the address bar at once (screenshots, screen sharing, history)
    window.history.replaceState(null, '', window.location.pathname);
    const res = await fetch('/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code }) });
    if (res.ok) {
      const body = (await res.json()) as { result: { token: string } };
      sessionStorage.setItem(TOKEN_KEY, body.result.token);
    }
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** Reads a server-sent event stream through fetch, which (unlike EventSource) can send the credential header. */
async function readEvents(token: string, signal: AbortSignal, onEvent: (event: unknown) => void): Promise<void> {
  const res = await fetch('/api/events', { headers: { 'x-rodtrad-token': token }, signal });
  if (!res.ok || !res.body) throw new Error(`event stream refused (${res.status})`);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block
        .split('\n')
        .filter((line) => line.startsWith('data: '))
        .map((line) => line.slice(6))
        .join('\n');
      if (data) onEvent(JSON.parse(data));
    }
  }
}

function httpBridge(): Bridge {
  const token = browserToken();
  const listeners = new Set<(event: unknown) => void>();
  let stream: AbortController | null = null;
  const emit = (event: unknown): void => {
    for (const l of [...listeners]) l(event);
  };
  const connect = (controller: AbortController, reconnected: boolean): void => {
    void token.then(async (t) => {
      // after a dropped stream, whatever changed meanwhile is reloaded
      if (reconnected) emit({ type: 'changed', method: 'events.reconnected' });
      await readEvents(t, controller.signal, emit);
    }).catch(() => undefined).finally(() => {
      if (!controller.signal.aborted && stream === controller) setTimeout(() => connect(controller, true), 1000);
    });
  };
  return {
    async invoke(method, params) {
      const res = await fetch(`/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'x-rodtrad-token': await token },
        body: JSON.stringify(params ?? {}),
      });
      if (res.status === 403) return { ok: false, error: FORBIDDEN };
      if (res.status === 413) return { ok: false, error: { code: 'too-large', message: 'the request is too large for browser mode', messageSv: 'begäran är för stor för webbläsarläget' } };
      return (await res.json()) as { ok: true; result: unknown } | { ok: false; error: ApiErrorShape };
    },
    on(listener) {
      // One event stream for every listener: each stream holds one of the browser's six
      // connections per host, and several stores listen.
      listeners.add(listener);
      if (!stream) {
        stream = new AbortController();
        connect(stream, false);
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && stream) {
          stream.abort();
          stream = null;
        }
      };
    },
  };
}

const bridge: Bridge = window.rodtrad ?? httpBridge();

/**
 * Where the page's media element reads a document's recording. The desktop answers
 * app://rodtrad/media/<id> itself; in browser mode the element cannot send the credential
 * header, so the URL carries the document's media ticket (shared/media-ticket.ts), derived
 * from the credential, never the credential itself.
 */
async function mediaUrl(documentId: number): Promise<string> {
  if (window.rodtrad) return `/media/${documentId}`;
  const token = sessionStorage.getItem(TOKEN_KEY) ?? '';
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(token), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(mediaTicketMessage(documentId)));
  return `/media/${documentId}?t=${base64url(new Uint8Array(mac))}`;
}

/** An export the core read back and checked for leaks, and the file it made. */
export interface CheckedExport {
  fileName: string;
  privacy: ExportPrivacy;
}
const exportListeners = new Set<(e: CheckedExport) => void>();

/** Every export result carries `privacy`; one that was checked is announced, wherever in the UI it was started. */
function checkedExport(result: unknown): CheckedExport | null {
  if (typeof result !== 'object' || result === null) return null;
  const r = result as { privacy?: ExportPrivacy; fileName?: string | null; path?: string | null };
  if (!r.privacy?.leakChecked) return null;
  const fileName = r.fileName ?? r.path?.split(/[\\/]/).pop() ?? '';
  return { fileName, privacy: r.privacy };
}

export const api = {
  async call<M extends MethodName>(method: M, params: Params<M>): Promise<Result<M>> {
    const r = await bridge.invoke(method, params);
    if (!r.ok) throw new ApiError(r.error);
    const checked = checkedExport(r.result);
    if (checked) for (const l of exportListeners) l(checked);
    return r.result as Result<M>;
  },
  onExportChecked(listener: (e: CheckedExport) => void): () => void {
    exportListeners.add(listener);
    return () => exportListeners.delete(listener);
  },
  on(listener: (event: AppEvent) => void): () => void {
    return bridge.on((e) => listener(e as AppEvent));
  },
  mode: window.rodtrad ? ('desktop' as const) : ('browser' as const),
  mediaUrl,
};
