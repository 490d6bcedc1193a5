/**
 * Browser mode's recordings: GET/HEAD /media/<documentId> streams the file linked to that
 * document in the open project, with Range requests (206 with Content-Range, 416 for a range
 * the file cannot satisfy). The page never names a file: the path is looked up by document
 * id. The request carries the session credential in the x-rodtrad-token header, or (what a
 * media element can send) the document's media ticket (shared/media-ticket.ts) in `t`.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type http from 'node:http';
import type { Session } from '../core/api/session';
import { isUserError } from '../core/errors';
import { mediaFile } from '../core/media/store';
import { parseRange, rangeHeaders } from '../core/media/range';
import { base64url, mediaTicketMessage } from '../../shared/media-ticket';
import type { Credentials } from './credentials';

export const MEDIA_PREFIX = '/media/';

export function mediaTicket(token: string, documentId: number): string {
  return base64url(createHmac('sha256', token).update(mediaTicketMessage(documentId)).digest());
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function serveMedia(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  context: { session: Session; credentials: Credentials; headers: Record<string, string>; fail: (status: number, message: string) => void },
): void {
  const { session, credentials, headers, fail } = context;
  const idText = url.pathname.slice(MEDIA_PREFIX.length);
  if (!/^[1-9]\d{0,15}$/.test(idText)) return fail(404, 'no such recording');
  const documentId = Number(idText);
  const token = req.headers['x-rodtrad-token'];
  const ticket = url.searchParams.get('t');
  const allowed = credentials.accepts(Array.isArray(token) ? token[0] : token) || (ticket !== null && sameText(ticket, mediaTicket(credentials.token, documentId)));
  if (!allowed) return fail(403, 'missing or wrong credential');
  if (req.method !== 'GET' && req.method !== 'HEAD') return fail(405, 'use GET');
  let file: { file: string; type: string; size: number };
  try {
    file = mediaFile(session.requireProject(), documentId);
  } catch (e) {
    return fail(404, isUserError(e) ? e.message : 'no such recording');
  }
  const range = parseRange(typeof req.headers.range === 'string' ? req.headers.range : undefined, file.size);
  const answer = rangeHeaders(range, file.size);
  // the page's own origin only, and never cached: the credential or ticket guards every read
  res.writeHead(answer.status, { ...headers, 'Content-Type': file.type, ...answer.headers });
  if (req.method === 'HEAD' || range.kind === 'unsatisfiable') return void res.end();
  const stream = createReadStream(file.file, range.kind === 'part' ? { start: range.start, end: range.end } : {});
  stream.on('error', () => res.destroy());
  res.on('close', () => stream.destroy());
  stream.pipe(res);
}
