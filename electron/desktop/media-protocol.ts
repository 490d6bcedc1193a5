/**
 * The desktop's recordings: app://rodtrad/media/<documentId> answered in the main process from
 * the file the core says is linked to that document (`media.get` through the core process),
 * with Range requests as media elements make them. Same origin as the page, so the CSP's
 * `media-src 'self'` covers it; the page never names a file. No Electron import: testable in Node.
 */
import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import type { MediaInfo } from '../../shared/contract/media';
import { parseRange, rangeHeaders } from '../core/media/range';
import type { CoreReply } from './core-protocol';

export const MEDIA_PATH_PREFIX = '/media/';

export async function mediaResponse(request: Request, invoke: (method: string, params: unknown) => Promise<CoreReply>): Promise<Response> {
  const url = new URL(request.url);
  const idText = url.pathname.slice(MEDIA_PATH_PREFIX.length);
  if (!/^[1-9]\d{0,15}$/.test(idText)) return new Response('no such recording', { status: 404 });
  const reply = await invoke('media.get', { documentId: Number(idText) });
  const media = reply.ok ? (reply.result as MediaInfo | null) : null;
  if (!media) return new Response('no such recording', { status: 404 });
  let size: number;
  try {
    size = statSync(media.path).size;
  } catch {
    return new Response(`${media.path}: the recording is not there`, { status: 404 });
  }
  const range = parseRange(request.headers.get('range') ?? undefined, size);
  const answer = rangeHeaders(range, size);
  const headers = { 'Content-Type': media.type, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store', ...answer.headers };
  if (request.method === 'HEAD' || range.kind === 'unsatisfiable') return new Response(null, { status: answer.status, headers });
  const stream = createReadStream(media.path, range.kind === 'part' ? { start: range.start, end: range.end } : {});
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, { status: answer.status, headers });
}
