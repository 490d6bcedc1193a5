/**
 * Linking a transcript to its recording: one file per document, by path, optionally copied
 * beside the project ("<project>.media/"), which an upload from the browser always is. Linking
 * and unlinking are undo steps (the document_media table is journalled); a copy made for a
 * link stays on disk when the link is undone, so redo finds it again.
 */
import { copyFileSync, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { MediaInfo } from '../../../shared/contract/media';
import { UserError } from '../errors';
import type { Project } from '../project/project';
import { withUndo } from '../undo/journal';
import { mediaType } from './types';

interface Row {
  path: string;
  name: string;
  copied: number;
}

/** The folder beside the project that holds copied recordings. */
export function mediaFolder(p: Project): string {
  return `${p.file.replace(/\.rodtrad$/i, '')}.media`;
}

/** A stored path made absolute: relative paths are relative to the project's folder. */
function resolveStored(p: Project, stored: string): string {
  return path.resolve(path.dirname(p.file), stored);
}

/** What is stored for a file: relative to the project's folder when it lies inside it. */
function storedPath(p: Project, file: string): string {
  const rel = path.relative(path.dirname(p.file), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : file;
}

function documentName(p: Project, documentId: number): string {
  const name = p.db.prepare('SELECT name FROM documents WHERE id = ?').pluck().get(documentId) as string | undefined;
  if (name === undefined) throw new UserError('not-found', `no document with id ${documentId}`);
  return name;
}

function info(p: Project, documentId: number, row: Row): MediaInfo {
  const file = resolveStored(p, row.path);
  let bytes: number | null = null;
  try {
    const st = statSync(file);
    bytes = st.isFile() ? st.size : null;
  } catch {
    bytes = null;
  }
  const type = mediaType(row.name) ?? mediaType(file) ?? 'application/octet-stream';
  return { documentId, name: row.name, path: file, copied: row.copied === 1, exists: bytes !== null, bytes, type, video: type.startsWith('video/') };
}

export function getMedia(p: Project, documentId: number): MediaInfo | null {
  documentName(p, documentId);
  const row = p.db.prepare('SELECT path, name, copied FROM document_media WHERE document_id = ?').get(documentId) as Row | undefined;
  return row ? info(p, documentId, row) : null;
}

/**
 * The file to stream for a document, for the hosts: its path, type and size. A missing link
 * or file is a UserError naming the file, which the hosts turn into 404.
 */
export function mediaFile(p: Project, documentId: number): { file: string; type: string; size: number } {
  const m = getMedia(p, documentId);
  if (!m) throw new UserError('not-found', `document ${documentId} has no linked recording`, undefined, 'dokumentet har ingen kopplad inspelning');
  if (!m.exists || m.bytes === null) throw missing(m.path);
  return { file: m.path, type: m.type, size: m.bytes };
}

const missing = (file: string): UserError =>
  new UserError('media-missing', 'the recording is not there (moved, renamed or on a drive that is not connected)', file, 'inspelningen finns inte där (flyttad, omdöpt eller på en enhet som inte är ansluten)');

function checkType(name: string, file: string): void {
  if (mediaType(name)) return;
  throw new UserError(
    'bad-input',
    `not an audio or video file Rödtråd can play (${path.extname(name) || 'no extension'}); use mp3, m4a, wav, ogg, flac, webm, mp4 or mov`,
    file,
    `inte en ljud- eller videofil som Rödtråd kan spela (${path.extname(name) || 'ingen filändelse'}); använd mp3, m4a, wav, ogg, flac, webm, mp4 eller mov`,
  );
}

/** A free name in the media folder: "intervju.wav", "intervju (2).wav" … */
function freeName(dir: string, name: string): string {
  const ext = path.extname(name);
  const base = path.basename(name, ext);
  let candidate = name;
  for (let n = 2; existsSync(path.join(dir, candidate)); n++) candidate = `${base} (${n})${ext}`;
  return path.join(dir, candidate);
}

function writeLink(p: Project, documentId: number, stored: string, name: string, copied: boolean): void {
  const doc = documentName(p, documentId);
  withUndo(p, { action: 'media.link', text: `Link the recording "${name}" to "${doc}"` }, () => {
    p.db
      .prepare(
        `INSERT INTO document_media(document_id, path, name, copied, linked_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(document_id) DO UPDATE SET path = excluded.path, name = excluded.name, copied = excluded.copied, linked_at = excluded.linked_at`,
      )
      .run(documentId, stored, name, copied ? 1 : 0, p.now());
  });
}

/** Links a file on this machine; with `copy`, a copy beside the project is linked instead. */
export function linkMediaFile(p: Project, documentId: number, file: string, copy: boolean): MediaInfo {
  documentName(p, documentId);
  const abs = path.resolve(file);
  const name = path.basename(abs);
  checkType(name, abs);
  let st;
  try {
    st = statSync(abs);
  } catch {
    throw new UserError('not-found', 'no such file', abs, 'filen finns inte');
  }
  if (!st.isFile()) throw new UserError('bad-input', 'not a file', abs, 'inte en fil');
  const target = copy ? copyBeside(p, name, (to) => copyFileSync(abs, to)) : abs;
  try {
    writeLink(p, documentId, storedPath(p, target), name, copy);
  } catch (e) {
    if (copy) rmSync(target, { force: true });
    throw e;
  }
  return getMedia(p, documentId)!;
}

/** Links uploaded bytes (browser mode): always a copy beside the project. */
export function linkMediaUpload(p: Project, documentId: number, upload: { name: string; data: string }): MediaInfo {
  documentName(p, documentId);
  const name = path.basename(upload.name.replace(/\\/g, '/'));
  checkType(name, name);
  const target = copyBeside(p, name, (to) => writeFileSync(to, Buffer.from(upload.data, 'base64'), { flag: 'wx' }));
  try {
    writeLink(p, documentId, storedPath(p, target), name, true);
  } catch (e) {
    rmSync(target, { force: true });
    throw e;
  }
  return getMedia(p, documentId)!;
}

function copyBeside(p: Project, name: string, write: (to: string) => void): string {
  if (p.readOnly) throw new UserError('read-only', 'the project is open read-only; nothing can be linked', p.file, 'projektet är öppet skrivskyddat; inget kan kopplas');
  const dir = mediaFolder(p);
  const target = freeName(dir, name);
  try {
    mkdirSync(dir, { recursive: true });
    write(target);
  } catch (e) {
    rmSync(target, { force: true });
    throw new UserError('write-failed', `the recording could not be copied beside the project (${(e as Error).message})`, target, `inspelningen kunde inte kopieras bredvid projektet (${(e as Error).message})`);
  }
  return target;
}

export function unlinkMedia(p: Project, documentId: number): { documentId: number; unlinked: boolean } {
  const doc = documentName(p, documentId);
  const row = p.db.prepare('SELECT name FROM document_media WHERE document_id = ?').pluck().get(documentId) as string | undefined;
  if (row === undefined) return { documentId, unlinked: false };
  withUndo(p, { action: 'media.unlink', text: `Unlink the recording "${row}" from "${doc}"` }, () => {
    p.db.prepare('DELETE FROM document_media WHERE document_id = ?').run(documentId);
  });
  return { documentId, unlinked: true };
}
