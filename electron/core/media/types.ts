/** Media types by extension: what the hosts send as Content-Type and whether the view shows a picture. */
import path from 'node:path';

const TYPES: Record<string, string> = {
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  aac: 'audio/aac',
  wav: 'audio/wav',
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
  opus: 'audio/ogg',
  flac: 'audio/flac',
  webm: 'video/webm',
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  mov: 'video/quicktime',
  ogv: 'video/ogg',
};

/** The media type of a file by its extension, or null when it is not a recording we play. */
export function mediaType(file: string): string | null {
  return TYPES[path.extname(file).slice(1).toLowerCase()] ?? null;
}
