/**
 * A transcript's recording (issue 13 §10): an audio or video file linked to a document by
 * path (optionally copied beside the project), played in the document view from the turns'
 * timestamps. The file itself is streamed by the host (browser mode: GET /media/<documentId>
 * with Range requests behind the session credential; desktop: app://rodtrad/media/<documentId>),
 * which looks the path up by document id: the page never names a file.
 */
import { z } from 'zod';
import { method } from './define';
import { Id } from './entities';
import { ServerPath } from './paths';

/** The file types a recording may have (by extension). */
export const MEDIA_EXTENSIONS = ['mp3', 'm4a', 'aac', 'wav', 'ogg', 'oga', 'opus', 'flac', 'webm', 'mp4', 'm4v', 'mov', 'ogv'] as const;

export const MediaInfo = z.object({
  documentId: Id,
  /** The file's name as linked. */
  name: z.string(),
  /** Where the file is (resolved: absolute). */
  path: z.string(),
  /** A copy beside the project (in "<project>.media/"). */
  copied: z.boolean(),
  /** The file is there now; when false, the UI says which file is missing. */
  exists: z.boolean(),
  bytes: z.number().int().nullable(),
  /** audio/… or video/…, by extension. */
  type: z.string(),
  video: z.boolean(),
});
export type MediaInfo = z.infer<typeof MediaInfo>;

const Upload = z.object({ name: z.string().min(1).max(1024), data: z.string().max(700 * 1024 * 1024) }).strict();

export const mediaMethods = {
  'media.get': method({
    summary: "A document's linked recording, or null.",
    params: z.object({ documentId: Id }).strict(),
    result: MediaInfo.nullable(),
  }),
  'media.link': method({
    summary:
      'Link an audio or video file to a document, replacing an earlier link: by path (CLI, desktop dialog; `copy` puts a copy beside the project) or as an upload (browser mode; always copied beside the project). Undoable.',
    params: z
      .object({ documentId: Id, path: ServerPath.optional(), upload: Upload.optional(), copy: z.boolean().default(false) })
      .strict()
      .refine((p) => (p.path === undefined) !== (p.upload === undefined), { message: 'give either path or upload' }),
    result: MediaInfo,
    mutates: true,
  }),
  'media.unlink': method({
    summary: "Remove a document's link to its recording (a copy beside the project stays on disk). Undoable.",
    params: z.object({ documentId: Id }).strict(),
    result: z.object({ documentId: Id, unlinked: z.boolean() }),
    mutates: true,
  }),
};
