import path from 'node:path';
import { UsageError, type Command } from '../command';
import { resolveDocument } from './document-arg';

export const mediaCommand: Command = {
  name: 'media',
  summary: "Link a transcript to its recording (audio or video), show the link, or remove it (undoable).",
  usage: 'media <project> <document> [FILE] [--copy] [--unlink] [--json]',
  details: [
    'With FILE: links the audio or video file to the document (its name, file name or id), replacing an',
    'earlier link; the file is referenced by its path. Without FILE: shows the linked recording.',
    'Options:',
    '  --copy     copy the file beside the project (into "<project>.media/") and link the copy',
    '  --unlink   remove the link (a copy beside the project stays on disk)',
    'Files: mp3, m4a, aac, wav, ogg, opus, flac, webm, mp4, m4v, mov, ogv. Each change is one step for `rodtrad undo`.',
    'Example: rodtrad media projekt.rodtrad "Gruppintervju 1" inspelningar/grupp1.m4a',
  ].join('\n'),
  options: {
    copy: { type: 'boolean' },
    unlink: { type: 'boolean' },
  },
  project: 'open',
  async run(ctx) {
    const [name, file, ...rest] = ctx.args;
    if (!name) throw new UsageError('name the document: rodtrad media <project> <document> [FILE]');
    if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`);
    const unlink = ctx.options.unlink === true;
    if (unlink && file !== undefined) throw new UsageError('give FILE or --unlink, not both');
    if (ctx.options.copy === true && file === undefined) throw new UsageError('--copy needs the FILE to copy');
    const doc = await resolveDocument(ctx, name);
    if (unlink) {
      const r = await ctx.call('media.unlink', { documentId: doc.id });
      ctx.print(r.unlinked ? `Unlinked the recording from "${doc.name}" (undo with: rodtrad undo)` : `"${doc.name}" has no linked recording`, r);
      return;
    }
    if (file !== undefined) {
      const r = await ctx.call('media.link', { documentId: doc.id, path: path.resolve(file), copy: ctx.options.copy === true });
      ctx.print(`Linked ${r.copied ? 'a copy of ' : ''}"${r.name}" to "${doc.name}": ${r.path} (undo with: rodtrad undo)`, r);
      return;
    }
    const r = await ctx.call('media.get', { documentId: doc.id });
    if (!r) ctx.print(`"${doc.name}" has no linked recording`, r);
    else ctx.print(`"${doc.name}": ${r.path}${r.copied ? ' (a copy beside the project)' : ''}${r.exists ? '' : ' — MISSING: the file is not there'}`, r);
  },
};
