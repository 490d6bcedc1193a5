/**
 * Request bodies with a ceiling per method, so no request can make the server hold more than
 * that method needs: ordinary calls carry a few kilobytes of JSON; only the methods that carry
 * uploaded files (a drop in the browser, base64) get the upload ceiling.
 */
import type http from 'node:http';
import { BODY_LIMIT, UPLOAD_BODY_LIMIT, UPLOAD_METHODS } from '../../shared/limits';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The largest body the method may send, in bytes. */
export function bodyLimit(method: string): number {
  return (UPLOAD_METHODS as readonly string[]).includes(method) ? UPLOAD_BODY_LIMIT : BODY_LIMIT;
}

function tooLarge(limit: number): HttpError {
  const mb = (limit / (1024 * 1024)).toFixed(0);
  return new HttpError(413, 'too-large', `request body larger than ${mb} MB, the most this call accepts`);
}

/** Reads and parses a JSON body of at most limit bytes; refuses a declared larger one before reading it. */
export function readJson(req: http.IncomingMessage, limit: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const type = req.headers['content-type'] ?? '';
    if (!type.startsWith('application/json')) {
      req.resume();
      return reject(new HttpError(415, 'bad-request', 'send the parameters as application/json'));
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      req.resume();
      return reject(tooLarge(limit));
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (c: Buffer) => {
      if (done) return;
      size += c.length;
      if (size > limit) {
        done = true;
        chunks.length = 0;
        // keep reading (and dropping) what is left, so the answer can still be sent
        reject(tooLarge(limit));
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      if (size === 0) return resolve({});
      let text: string;
      try {
        text = UTF8.decode(Buffer.concat(chunks));
      } catch {
        return reject(new HttpError(400, 'bad-request', 'request body is not valid UTF-8'));
      }
      try {
        resolve(JSON.parse(text));
      } catch {
        // a syntax error, or nesting deep enough to exhaust the parser's stack
        reject(new HttpError(400, 'bad-request', 'request body is not valid JSON'));
      }
    });
    req.on('error', (e) => {
      if (done) return;
      done = true;
      reject(e);
    });
  });
}
