/**
 * Transcripts with their recordings (issue 13 §10): linking a file to a document by path or as
 * a copy beside the project, unlinking, each one undo step; a deleted document's link comes
 * back with it; a missing file is named; `rodtrad media` from the command line.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { Session } from '../../electron/core/api/session';
import { mediaFile } from '../../electron/core/media/store';
import { parseRange } from '../../electron/core/media/range';
import { rodtrad } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';
import { dump, makeEnv } from '../coding/fixture';

const dir = tempDir('rodtrad-media');
let n = 0;
function recording(name = 'intervju.wav', bytes = 4096): string {
  const file = path.join(dir, `rec-${++n}`, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, Buffer.alloc(bytes, n));
  return file;
}

describe('linking a recording', () => {
  it('links by path, is one undo step, and undo and redo restore the rows exactly', async () => {
    const env = makeEnv(dir, 'link');
    const before = dump(env.p);
    const file = recording();
    const linked = await env.call('media.link', { documentId: env.interviewId, path: file });
    expect(linked).toMatchObject({ documentId: env.interviewId, name: 'intervju.wav', path: file, copied: false, exists: true, bytes: 4096, type: 'audio/wav', video: false });
    expect(await env.call('media.get', { documentId: env.interviewId })).toEqual(linked);
    expect(await env.call('media.get', { documentId: env.trickyId })).toBeNull();
    const state = await env.call('history.state', {});
    expect(state.undoAction).toBe('media.link');
    const afterLink = dump(env.p);

    await env.call('history.undo', {});
    expect(dump(env.p)).toEqual(before);
    expect(await env.call('media.get', { documentId: env.interviewId })).toBeNull();
    await env.call('history.redo', {});
    expect(dump(env.p)).toEqual(afterLink);

    // linking another file replaces the link, and undo brings the first back
    const other = recording('video.mp4');
    expect(await env.call('media.link', { documentId: env.interviewId, path: other })).toMatchObject({ name: 'video.mp4', type: 'video/mp4', video: true });
    await env.call('history.undo', {});
    expect((await env.call('media.get', { documentId: env.interviewId }))?.path).toBe(file);
  });

  it('unlinks as one undo step; unlinking a document without a recording changes nothing', async () => {
    const env = makeEnv(dir, 'unlink');
    await env.call('media.link', { documentId: env.interviewId, path: recording() });
    const linked = dump(env.p);
    expect(await env.call('media.unlink', { documentId: env.interviewId })).toEqual({ documentId: env.interviewId, unlinked: true });
    expect(await env.call('media.get', { documentId: env.interviewId })).toBeNull();
    expect((await env.call('history.state', {})).undoAction).toBe('media.unlink');
    await env.call('history.undo', {});
    expect(dump(env.p)).toEqual(linked);
    expect(await env.call('media.unlink', { documentId: env.trickyId })).toEqual({ documentId: env.trickyId, unlinked: false });
    expect((await env.call('history.state', {})).undoAction).toBe('media.link');
  });

  it('copies beside the project, stores the copy relative to the project folder, and an upload is always a copy', async () => {
    const env = makeEnv(dir, 'copy');
    const file = recording('samtal.m4a', 1000);
    const copied = await env.call('media.link', { documentId: env.interviewId, path: file, copy: true });
    const folder = `${env.p.file.replace(/\.rodtrad$/, '')}.media`;
    expect(copied).toMatchObject({ copied: true, exists: true, name: 'samtal.m4a', path: path.join(folder, 'samtal.m4a'), type: 'audio/mp4' });
    expect(readFileSync(copied.path)).toEqual(readFileSync(file));
    const stored = env.p.db.prepare('SELECT path FROM document_media WHERE document_id = ?').pluck().get(env.interviewId);
    expect(stored).toBe(`${path.basename(folder)}/samtal.m4a`);

    const upload = await env.call('media.link', { documentId: env.trickyId, upload: { name: 'samtal.m4a', data: Buffer.from('ljud').toString('base64') } });
    expect(upload).toMatchObject({ copied: true, name: 'samtal.m4a', path: path.join(folder, 'samtal (2).m4a'), bytes: 4 });
  });

  it('refuses a file that is not audio or video, a missing file and a path with an upload, and writes nothing', async () => {
    const env = makeEnv(dir, 'refuse');
    const before = dump(env.p);
    const text = recording('anteckning.txt');
    await expect(env.call('media.link', { documentId: env.interviewId, path: text })).rejects.toThrow(/anteckning\.txt.*not an audio or video file/);
    await expect(env.call('media.link', { documentId: env.interviewId, path: path.join(dir, 'borta.wav') })).rejects.toThrow(/borta\.wav: no such file/);
    await expect(env.call('media.link', { documentId: env.interviewId, path: recording(), upload: { name: 'a.wav', data: '' } })).rejects.toThrow(/either path or upload/);
    await expect(env.call('media.link', { documentId: 9999, path: recording() })).rejects.toThrow(/no document with id 9999/);
    expect(dump(env.p)).toEqual(before);
  });

  it('a missing file is reported by name; deleting the document takes its link and undo brings it back', async () => {
    const env = makeEnv(dir, 'missing');
    const file = recording();
    await env.call('media.link', { documentId: env.interviewId, path: file });
    renameSync(file, `${file}.moved`);
    expect(await env.call('media.get', { documentId: env.interviewId })).toMatchObject({ exists: false, bytes: null, path: file });
    expect(() => mediaFile(env.p, env.interviewId)).toThrow(`${file}: the recording is not there`);

    await env.call('documents.delete', { ids: [env.interviewId] });
    expect(env.p.db.prepare('SELECT count(*) FROM document_media').pluck().get()).toBe(0);
    await env.call('history.undo', {});
    expect((await env.call('media.get', { documentId: env.interviewId }))?.path).toBe(file);
  });

  it('a merge of coder copies keeps each document\'s recording, a copy beside an input by its absolute path', async () => {
    const env = makeEnv(dir, 'team');
    const byPath = recording('grupp.mp3');
    await env.call('media.link', { documentId: env.interviewId, path: byPath });
    const copy = await env.call('media.link', { documentId: env.trickyId, path: recording('falt.wav'), copy: true });
    env.session.closeProject();
    const out = path.join(dir, `merged-${n}.rodtrad`);
    const merger = new Session('cli');
    await dispatch(merger, 'teams.merge', { out, inputs: [env.p.file] });
    merger.openProject(out);
    const docs = await dispatch(merger, 'documents.list', {});
    const media = await Promise.all(docs.map((d) => dispatch(merger, 'media.get', { documentId: d.id })));
    expect(media.map((m) => m && { path: m.path, exists: m.exists })).toEqual([
      { path: byPath, exists: true },
      { path: copy.path, exists: true },
    ]);
    merger.dispose();
  });

  it('the browser-mode page cannot name a file: a path is refused there, an upload is taken', async () => {
    const env = makeEnv(dir, 'browser-check');
    const browser = new Session('browser', env.p);
    await expect(dispatch(browser, 'media.link', { documentId: env.interviewId, path: recording() })).rejects.toMatchObject({ code: 'server-path' });
    const up = await dispatch(browser, 'media.link', { documentId: env.interviewId, upload: { name: 'x.ogg', data: Buffer.from('ogg').toString('base64') } });
    expect(up).toMatchObject({ copied: true, bytes: 3, type: 'audio/ogg' });
  });
});

describe('Range requests', () => {
  it('first bytes, the middle, a suffix, an open end, and what cannot be satisfied', () => {
    expect(parseRange(undefined, 100)).toEqual({ kind: 'whole' });
    expect(parseRange('bytes=0-9', 100)).toEqual({ kind: 'part', start: 0, end: 9 });
    expect(parseRange('bytes=40-59', 100)).toEqual({ kind: 'part', start: 40, end: 59 });
    expect(parseRange('bytes=-10', 100)).toEqual({ kind: 'part', start: 90, end: 99 });
    expect(parseRange('bytes=-1000', 100)).toEqual({ kind: 'part', start: 0, end: 99 });
    expect(parseRange('bytes=50-', 100)).toEqual({ kind: 'part', start: 50, end: 99 });
    expect(parseRange('bytes=90-1000', 100)).toEqual({ kind: 'part', start: 90, end: 99 });
    expect(parseRange('bytes=100-', 100)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=20-10', 100)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=-0', 100)).toEqual({ kind: 'unsatisfiable' });
    // not a single byte range: the whole file, as RFC 9110 allows
    expect(parseRange('bytes=0-1,5-6', 100)).toEqual({ kind: 'whole' });
    expect(parseRange('items=0-1', 100)).toEqual({ kind: 'whole' });
  });
});

describe('rodtrad media', () => {
  it('links, shows, copies and unlinks; a missing file is exit 1 with one line naming it', () => {
    const project = path.join(dir, 'cli.rodtrad');
    expect(rodtrad(['new', project]).code).toBe(0);
    const transcript = path.join(dir, 'Intervju A.txt');
    writeFileSync(transcript, '[00:00:01] Intervjuare: Hur började det?\n\n[00:00:05] Anna: Vi träffades på ett möte.\n');
    expect(rodtrad(['import', project, transcript]).code).toBe(0);
    const file = recording('intervju-a.wav');

    const linked = rodtrad(['media', project, 'Intervju A', file, '--json']);
    expect(linked.code, linked.stderr).toBe(0);
    expect(JSON.parse(linked.stdout)).toMatchObject({ name: 'intervju-a.wav', path: file, copied: false, exists: true });
    const shown = rodtrad(['media', project, 'Intervju A']);
    expect(shown.stdout).toContain(file);

    const copied = rodtrad(['media', project, 'Intervju A', file, '--copy', '--json']);
    expect(JSON.parse(copied.stdout)).toMatchObject({ copied: true, path: path.join(dir, 'cli.media', 'intervju-a.wav') });
    expect(rodtrad(['undo', project]).code).toBe(0);
    expect(JSON.parse(rodtrad(['media', project, 'Intervju A', '--json']).stdout)).toMatchObject({ path: file, copied: false });

    const gone = rodtrad(['media', project, 'Intervju A', path.join(dir, 'saknas.wav')]);
    expect(gone.code).toBe(1);
    expect(gone.stderr.trim().split('\n')).toEqual([expect.stringContaining(`${path.join(dir, 'saknas.wav')}: no such file`)]);

    renameSync(file, `${file}.bak`);
    expect(rodtrad(['media', project, 'Intervju A']).stdout).toContain('MISSING');
    const unlinked = rodtrad(['media', project, 'Intervju A', '--unlink']);
    expect(unlinked.code).toBe(0);
    expect(rodtrad(['media', project, 'Intervju A']).stdout).toContain('has no linked recording');
    expect(rodtrad(['media', project]).code).toBe(2);
  });
});
