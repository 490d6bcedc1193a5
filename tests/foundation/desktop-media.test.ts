/**
 * The desktop's recordings (issue 13 §10): app://rodtrad/media/<documentId> is answered in the
 * main process from the path the core returns for that document (media.get over the core
 * process), with Range requests; the page never names a file. Tested with a real file and a
 * real dispatch standing in for the core process's answer.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch, toWireError } from '../../electron/core/api/dispatch';
import { Session } from '../../electron/core/api/session';
import { insertDocument } from '../../electron/core/documents/store';
import type { CoreReply } from '../../electron/desktop/core-protocol';
import { mediaResponse } from '../../electron/desktop/media-protocol';
import { tempDir } from '../helpers/tmp';

const dir = tempDir('desktop-media');
const BYTES = Buffer.from(Array.from({ length: 500 }, (_, i) => (i * 7) % 256));

async function setUp() {
  const session = new Session('cli');
  const p = session.createProject(path.join(dir, `d-${Math.random().toString(36).slice(2)}.rodtrad`));
  const docId = insertDocument(p, { name: 'Intervju', kind: 'interview', text: 'Anna: Hej.' });
  const file = path.join(dir, 'samtal.mp3');
  writeFileSync(file, BYTES);
  await dispatch(session, 'media.link', { documentId: docId, path: file });
  const invoke = async (method: string, params: unknown): Promise<CoreReply> => {
    try {
      return { ok: true, result: await dispatch(session, method as 'media.get', params as { documentId: number }) };
    } catch (e) {
      return { ok: false, error: toWireError(e) };
    }
  };
  return { session, docId, invoke };
}

const bytesOf = async (r: Response) => Buffer.from(await r.arrayBuffer());

describe('app://rodtrad/media/<id>', () => {
  it('streams the linked file whole and in ranges, with 416 past the end', async () => {
    const { session, docId, invoke } = await setUp();
    const whole = await mediaResponse(new Request(`app://rodtrad/media/${docId}`), invoke);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('audio/mpeg');
    expect((await bytesOf(whole)).equals(BYTES)).toBe(true);

    const part = await mediaResponse(new Request(`app://rodtrad/media/${docId}`, { headers: { range: 'bytes=100-199' } }), invoke);
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 100-199/500');
    expect((await bytesOf(part)).equals(BYTES.subarray(100, 200))).toBe(true);

    const suffix = await mediaResponse(new Request(`app://rodtrad/media/${docId}`, { headers: { range: 'bytes=-50' } }), invoke);
    expect((await bytesOf(suffix)).equals(BYTES.subarray(450))).toBe(true);

    const past = await mediaResponse(new Request(`app://rodtrad/media/${docId}`, { headers: { range: 'bytes=500-' } }), invoke);
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe('bytes */500');
    session.dispose();
  });

  it('a document without a recording, an unknown one or a path in the URL: 404', async () => {
    const { session, invoke } = await setUp();
    for (const url of ['app://rodtrad/media/999', 'app://rodtrad/media/..%2F..%2Fetc%2Fpasswd', 'app://rodtrad/media/0']) {
      expect((await mediaResponse(new Request(url), invoke)).status).toBe(404);
    }
    session.dispose();
  });
});
