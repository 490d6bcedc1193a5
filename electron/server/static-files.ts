/** The built renderer's files, and nothing outside its folder. */
import { readFileSync, statSync } from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../security';

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

export function serveStatic(
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
  if (rel.includes('\0')) return fail(400, 'bad path');
  if (rel === '/' || rel === '') rel = '/index.html';
  const file = path.resolve(root, `.${rel}`);
  if (!file.startsWith(path.resolve(root) + path.sep)) return fail(403, 'forbidden path');
  const isFile = (f: string): boolean => {
    try {
      return statSync(f, { throwIfNoEntry: false })?.isFile() ?? false;
    } catch {
      return false; // a name too long, a file where a folder was expected
    }
  };
  if (!isFile(file)) {
    if (!isFile(path.join(root, 'index.html'))) return fail(500, 'the user interface is not built: run "npm run build"');
    return fail(404, 'not found');
  }
  const type = MIME[path.extname(file)] ?? 'application/octet-stream';
  // Read whole and answered at once: the built files are small, and a client that half-closes
  // its socket right after the request still gets its answer, which an asynchronous stream
  // would only start after Node has already ended the socket.
  let content: Buffer;
  try {
    content = readFileSync(file);
  } catch {
    return fail(404, 'not found');
  }
  res.writeHead(200, { ...headers, 'Content-Type': type, ...(type.startsWith('text/html') ? { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } : {}) });
  res.end(res.req.method === 'HEAD' ? undefined : content);
}
