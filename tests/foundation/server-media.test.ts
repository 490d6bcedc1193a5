/**
 * Browser mode streams a transcript's recording (issue 13 §10): GET /media/<documentId> with
 * Range requests, behind the session credential (the x-rodtrad-token header, or the document's
 * media ticket derived from it, which is what an <audio> element can send). The page never
 * names a file: the path comes from the open project.
 */
import { renameSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { Session } from '../../electron/core/api/session';
import { insertDocument } from '../../electron/core/documents/store';
import { mediaTicket } from '../../electron/server/media';
import { startServer, type RunningServer } from '../../electron/server/server';
import { tempDir } from '../helpers/tmp';

const dir = tempDir('server-media');
/** 1000 bytes, each its own offset mod 251: a wrong slice shows at once. */
const BYTES = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));

function get(port: number, target: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; body: Buffer; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: target, method, headers: { Host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('browser mode: recordings over Range requests', () => {
  let server: RunningServer;
  let session: Session;
  let docId = 0;
  let otherId = 0;
  let auth: Record<string, string>;
  beforeAll(async () => {
    session = new Session('browser');
    const p = session.createProject(path.join(dir, 'p.rodtrad'));
    docId = insertDocument(p, { name: 'Intervju', kind: 'interview', text: 'Anna: Hej.' });
    otherId = insertDocument(p, { name: 'Utan inspelning', kind: 'interview', text: 'Bo: Hej.' });
    await dispatch(session, 'media.link', { documentId: docId, upload: { name: 'intervju.wav', data: BYTES.toString('base64') } });
    server = await startServer({ session, staticDir: dir });
    auth = { 'x-rodtrad-token': server.token };
  });
  afterAll(async () => {
    await server.close();
    session.dispose();
  });

  it('the whole file, with its type and that ranges are accepted', async () => {
    const r = await get(server.port, `/media/${docId}`, auth);
    expect(r.status).toBe(200);
    expect(r.body.equals(BYTES)).toBe(true);
    expect(r.headers['content-type']).toBe('audio/wav');
    expect(r.headers['accept-ranges']).toBe('bytes');
    expect(r.headers['cache-control']).toBe('no-store');
  });

  it('the first bytes, the middle and a suffix: 206 with Content-Range and exactly those bytes', async () => {
    const first = await get(server.port, `/media/${docId}`, { ...auth, Range: 'bytes=0-99' });
    expect(first.status).toBe(206);
    expect(first.headers['content-range']).toBe('bytes 0-99/1000');
    expect(first.headers['content-length']).toBe('100');
    expect(first.body.equals(BYTES.subarray(0, 100))).toBe(true);

    const middle = await get(server.port, `/media/${docId}`, { ...auth, Range: 'bytes=400-649' });
    expect(middle.status).toBe(206);
    expect(middle.headers['content-range']).toBe('bytes 400-649/1000');
    expect(middle.body.equals(BYTES.subarray(400, 650))).toBe(true);

    const suffix = await get(server.port, `/media/${docId}`, { ...auth, Range: 'bytes=-64' });
    expect(suffix.status).toBe(206);
    expect(suffix.headers['content-range']).toBe('bytes 936-999/1000');
    expect(suffix.body.equals(BYTES.subarray(936))).toBe(true);

    const open = await get(server.port, `/media/${docId}`, { ...auth, Range: 'bytes=990-' });
    expect(open.body.equals(BYTES.subarray(990))).toBe(true);
  });

  it('a range past the end is 416 with the size in Content-Range', async () => {
    const r = await get(server.port, `/media/${docId}`, { ...auth, Range: 'bytes=1000-1100' });
    expect(r.status).toBe(416);
    expect(r.headers['content-range']).toBe('bytes */1000');
    expect(r.body.length).toBe(0);
  });

  it('no credential, a wrong one, or another document\'s ticket: 403 and not a byte', async () => {
    for (const headers of [{}, { 'x-rodtrad-token': 'wrong' }] as Record<string, string>[]) {
      const r = await get(server.port, `/media/${docId}`, { ...headers, Range: 'bytes=0-9' });
      expect(r.status).toBe(403);
      expect(r.body.includes(BYTES.subarray(0, 10))).toBe(false);
    }
    expect((await get(server.port, `/media/${docId}?t=${mediaTicket(server.token, otherId)}`)).status).toBe(403);
    expect((await get(server.port, `/media/${docId}?t=${server.token}`)).status).toBe(403);
  });

  it('the document\'s media ticket opens its recording (what the page\'s <audio> sends)', async () => {
    const r = await get(server.port, `/media/${docId}?t=${mediaTicket(server.token, docId)}`, { Range: 'bytes=10-19' });
    expect(r.status).toBe(206);
    expect(r.body.equals(BYTES.subarray(10, 20))).toBe(true);
  });

  it('HEAD gives the headers only; a document without a recording, a bad id or a moved file is 404', async () => {
    const head = await get(server.port, `/media/${docId}`, auth, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe('1000');
    expect(head.body.length).toBe(0);
    expect((await get(server.port, `/media/${otherId}`, auth)).status).toBe(404);
    expect((await get(server.port, '/media/..%2Fp.rodtrad', auth)).status).toBe(404);
    expect((await get(server.port, '/media/0', auth)).status).toBe(404);
    const info = await dispatch(session, 'media.get', { documentId: docId });
    renameSync(info!.path, `${info!.path}.moved`);
    const moved = await get(server.port, `/media/${docId}`, auth);
    expect(moved.status).toBe(404);
    expect(moved.body.toString()).toContain('intervju.wav: the recording is not there');
    renameSync(`${info!.path}.moved`, info!.path);
  });
});
