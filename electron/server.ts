/**
 * Browser mode: the built renderer and the API over HTTP, for machines without the Electron
 * binary. Bound to 127.0.0.1 only; a random token is required on every request (query
 * parameter on the first page load, then a SameSite=Strict cookie or the x-rodtrad-token
 * header); Host and Origin are checked so other sites and DNS rebinding cannot reach it.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { dispatch, toWireError } from './core/api/dispatch';
import type { Session } from './core/api/session';
import { appRoot } from './core/paths';
import { CONTENT_SECURITY_POLICY } from './security';

export interface ServerOptions {
  session: Session;
  port?: number;
  token?: string;
  /** Folder of the built renderer (default: dist/renderer beside the app). */
  staticDir?: string;
  /** Largest request body accepted (bytes). */
  maxBody?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

const COOKIE = 'rodtrad_token';

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const staticDir = options.staticDir ?? path.join(appRoot(), 'dist', 'renderer');
  const maxBody = options.maxBody ?? 512 * 1024 * 1024;
  const sse = new Set<http.ServerResponse>();
  let port = 0;

  const allowedHosts = (): string[] => [`127.0.0.1:${port}`, `localhost:${port}`];
  const tokenOk = (req: http.IncomingMessage, url: URL): boolean => {
    const given = url.searchParams.get('token') ?? header(req, 'x-rodtrad-token') ?? cookie(req, COOKIE);
    if (!given) return false;
    const a = Buffer.from(given);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const baseHeaders = {
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
      'Cross-Origin-Resource-Policy': 'same-origin',
    };
    const fail = (status: number, message: string): void => {
      res.writeHead(status, { ...baseHeaders, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(message);
    };
    if (!allowedHosts().includes(req.headers.host ?? '')) return fail(403, 'forbidden host');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts().some((h) => origin === `http://${h}`)) return fail(403, 'forbidden origin');
    if (!tokenOk(req, url)) return fail(403, 'missing or wrong token');

    const setCookie = `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
    if (url.pathname === '/api/events' && req.method === 'GET') {
      res.writeHead(200, { ...baseHeaders, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      sse.add(res);
      req.on('close', () => sse.delete(res));
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return fail(405, 'use POST');
      const method = decodeURIComponent(url.pathname.slice('/api/'.length));
      void readJson(req, maxBody).then(
        async (body) => {
          try {
            const result = await dispatch(options.session, method as never, body);
            sendJson(res, 200, { ok: true, result }, baseHeaders);
          } catch (e) {
            const error = toWireError(e);
            sendJson(res, error.code === 'internal' ? 500 : 400, { ok: false, error }, baseHeaders);
          }
        },
        (e: Error) => sendJson(res, 400, { ok: false, error: { code: 'bad-request', message: e.message } }, baseHeaders),
      );
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(405, 'method not allowed');
    serveStatic(staticDir, url.pathname, res, { ...baseHeaders, 'Set-Cookie': setCookie }, fail);
  });

  const unsubscribe = options.session.on((event) => {
    const data = `data: ${JSON.stringify(event)}\n\n`;
    for (const res of sse) res.write(data);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        for (const res of sse) res.end();
        sse.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function serveStatic(
  root: string,
  pathname: string,
  res: http.ServerResponse,
  headers: Record<string, string>,
  fail: (status: number, message: string) => void,
): void {
  let rel: string;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    return fail(400, 'bad path');
  }
  if (rel === '/' || rel === '') rel = '/index.html';
  const file = path.resolve(root, `.${rel}`);
  if (!file.startsWith(path.resolve(root) + path.sep)) return fail(403, 'forbidden path');
  if (!existsSync(file) || !statSync(file).isFile()) {
    if (!existsSync(path.join(root, 'index.html'))) return fail(500, 'the user interface is not built: run "npm run build"');
    return fail(404, 'not found');
  }
  const type = MIME[path.extname(file)] ?? 'application/octet-stream';
  res.writeHead(200, { ...headers, 'Content-Type': type, ...(type.startsWith('text/html') ? { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } : {}) });
  createReadStream(file).pipe(res);
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string>): void {
  res.writeHead(status, { ...headers, 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function readJson(req: http.IncomingMessage, max: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const type = req.headers['content-type'] ?? '';
    if (!type.startsWith('application/json')) {
      req.resume();
      return reject(new Error('send the parameters as application/json'));
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        reject(new Error(`request body larger than ${max} bytes`));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      if (size === 0) return resolve({});
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        reject(new Error('request body is not valid JSON'));
      }
    });
    req.on('error', reject);
  });
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function cookie(req: http.IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}
