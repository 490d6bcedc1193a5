/**
 * Browser mode: the built renderer and the API over HTTP, for machines without the Electron
 * binary. Bound to 127.0.0.1 only. The renderer's files are public (they are the open-source
 * app); every API call and the event stream need the session credential in the x-rodtrad-token
 * header, which the page obtains once for a start code (see credentials.ts). Host and Origin
 * are checked so other sites and DNS rebinding cannot reach it. No request can end the
 * process: every handler is guarded, malformed requests get 400, bodies have ceilings.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { dispatch, toWireError } from '../core/api/dispatch';
import type { Session } from '../core/api/session';
import { appRoot } from '../core/paths';
import { bodyLimit, HttpError, readJson } from './body';
import { Credentials } from './credentials';
import { EventStreams } from './events';
import { MEDIA_PREFIX, serveMedia } from './media';
import { serveStatic } from './static-files';

export interface ServerOptions {
  session: Session;
  port?: number;
  /** The session credential (default: random). */
  token?: string;
  /** Folder of the built renderer (default: dist/renderer beside the app). */
  staticDir?: string;
}

export interface RunningServer {
  /** The server's address, with no secret in it. */
  url: string;
  port: number;
  /** The session credential, for callers in this process (tests, the bench). */
  token: string;
  /** A URL that opens the app once: it carries a new one-time start code, not the credential. */
  startUrl(): string;
  /** How many pages hold an event stream. */
  eventStreams(): number;
  close(): Promise<void>;
}

const BASE_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** The path the page posts its start code to. */
export const SESSION_PATH = '/session';

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const credentials = new Credentials(options.token);
  const staticDir = options.staticDir ?? path.join(appRoot(), 'dist', 'renderer');
  const events = new EventStreams();
  let port = 0;
  const allowedHosts = (): string[] => [`127.0.0.1:${port}`, `localhost:${port}`];

  const handle = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const fail = (status: number, message: string): void => {
      if (res.headersSent) return void res.destroy();
      res.writeHead(status, { ...BASE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(message);
    };
    const json = (status: number, body: unknown): void => {
      if (res.headersSent || res.destroyed) return;
      res.writeHead(status, { ...BASE_HEADERS, 'Content-Type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    const refuse = (e: unknown): void => {
      if (e instanceof HttpError) return json(e.status, { ok: false, error: { code: e.code, message: e.message } });
      json(400, { ok: false, error: { code: 'bad-request', message: 'the request could not be read' } });
    };

    if (!allowedHosts().includes(req.headers.host ?? '')) return fail(403, 'forbidden host');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts().some((h) => origin === `http://${h}`)) return fail(403, 'forbidden origin');
    const target = req.url ?? '/';
    // only origin-form targets ("/path?query"): an absolute or authority form names another server
    if (!target.startsWith('/') || target.startsWith('//')) return fail(400, 'bad request target');
    let pathname: string;
    try {
      pathname = new URL(target, 'http://127.0.0.1').pathname;
    } catch {
      return fail(400, 'bad request target');
    }

    if (pathname === SESSION_PATH) {
      if (req.method !== 'POST') return fail(405, 'use POST');
      return void readJson(req, 4096).then((body) => {
        const token = credentials.exchange((body as { code?: unknown } | null)?.code);
        if (!token) return json(403, { ok: false, error: { code: 'forbidden', message: 'this start link has been used or is wrong: run "rodtrad serve" again for a new one' } });
        json(200, { ok: true, result: { token } });
      }, refuse);
    }
    if (pathname.startsWith('/api/')) {
      if (!credentials.accepts(header(req, 'x-rodtrad-token'))) {
        req.resume();
        return fail(403, 'missing or wrong credential');
      }
      if (pathname === '/api/events') {
        if (req.method !== 'GET') return fail(405, 'use GET');
        res.writeHead(200, { ...BASE_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
        return events.add(res);
      }
      if (req.method !== 'POST') return fail(405, 'use POST');
      let method: string;
      try {
        method = decodeURIComponent(pathname.slice('/api/'.length));
      } catch {
        req.resume();
        return fail(400, 'bad method name');
      }
      return void readJson(req, bodyLimit(method)).then(async (body) => {
        try {
          // dispatch validates the method name and the parameters against the contract
          const result = await dispatch(options.session, method as never, body);
          json(200, { ok: true, result });
        } catch (e) {
          const error = toWireError(e);
          json(error.code === 'internal' ? 500 : 400, { ok: false, error });
        }
      }, refuse);
    }
    if (pathname.startsWith(MEDIA_PREFIX)) {
      req.resume();
      return serveMedia(req, res, new URL(target, 'http://127.0.0.1'), { session: options.session, credentials, headers: BASE_HEADERS, fail });
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(405, 'method not allowed');
    serveStatic(staticDir, pathname, res, BASE_HEADERS, fail);
  };

  const server = http.createServer((req, res) => {
    // a reset connection is the client's business: it must not become an unhandled 'error'
    req.on('error', () => undefined);
    res.on('error', () => undefined);
    try {
      handle(req, res);
    } catch {
      if (!res.headersSent) {
        res.writeHead(500, { ...BASE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('internal error');
      } else res.destroy();
    }
  });
  // Requests Node's parser refuses (bad framing, bad URL characters, oversized headers).
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (err.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });
  server.headersTimeout = 30_000;
  // A client that half-closes after its request (sends FIN and waits) still gets its answer,
  // also from a handler that answers on a later tick; Node's default would abort the request.
  // `httpAllowHalfOpen` is Node's own switch for this (lib/_http_server.js, every version since
  // 0.x); @types/node does not declare it, hence the cast.
  (server as http.Server & { httpAllowHalfOpen: boolean }).httpAllowHalfOpen = true;
  server.requestTimeout = 10 * 60_000;

  const unsubscribe = options.session.on((event) => events.send(event));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    port,
    token: credentials.token,
    startUrl: () => `${url}#start=${credentials.issueStartCode()}`,
    eventStreams: () => events.size,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        events.closeAll();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}
