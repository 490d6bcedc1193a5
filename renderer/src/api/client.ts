/**
 * The renderer's one way to the core: the typed contract over IPC (desktop, window.rodtrad)
 * or over HTTP (browser mode, token from the URL). The UI never sees which.
 */
import type { AppEvent, MethodName, Params, Result } from '../../../shared/contract';
import { i18n } from '../i18n';

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

function browserToken(): string {
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    // Keep the token out of the address bar (screenshots, screen sharing); the cookie and sessionStorage carry it.
    window.history.replaceState(null, '', window.location.pathname);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function httpBridge(): Bridge {
  const token = browserToken();
  const listeners = new Set<(event: unknown) => void>();
  let source: EventSource | null = null;
  return {
    async invoke(method, params) {
      const res = await fetch(`/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'x-rodtrad-token': token },
        body: JSON.stringify(params ?? {}),
      });
      if (res.status === 403) return { ok: false, error: { code: 'forbidden', message: 'access denied (token missing or wrong): open the URL that Rödtråd printed' } };
      return (await res.json()) as { ok: true; result: unknown } | { ok: false; error: ApiErrorShape };
    },
    on(listener) {
      // One event stream for every listener: each EventSource holds one of the browser's six
      // connections per host, and several stores listen.
      listeners.add(listener);
      if (!source) {
        source = new EventSource('/api/events');
        source.onmessage = (m) => {
          const event: unknown = JSON.parse(m.data as string);
          for (const l of [...listeners]) l(event);
        };
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && source) { source.close(); source = null; }
      };
    },
  };
}

const bridge: Bridge = window.rodtrad ?? httpBridge();

export const api = {
  async call<M extends MethodName>(method: M, params: Params<M>): Promise<Result<M>> {
    const r = await bridge.invoke(method, params);
    if (!r.ok) throw new ApiError(r.error);
    return r.result as Result<M>;
  },
  on(listener: (event: AppEvent) => void): () => void {
    return bridge.on((e) => listener(e as AppEvent));
  },
  mode: window.rodtrad ? ('desktop' as const) : ('browser' as const),
};
