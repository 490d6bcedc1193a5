import type { Handlers } from '../api/types';
import { getMedia, linkMediaFile, linkMediaUpload, unlinkMedia } from './store';

export const mediaHandlers: Handlers<'media.get' | 'media.link' | 'media.unlink'> = {
  'media.get': ({ session }, { documentId }) => getMedia(session.requireProject(), documentId),
  'media.link': ({ session }, { documentId, path, upload, copy }) => {
    const p = session.requireProject();
    return upload ? linkMediaUpload(p, documentId, upload) : linkMediaFile(p, documentId, path!, copy);
  },
  'media.unlink': ({ session }, { documentId }) => unlinkMedia(session.requireProject(), documentId),
};
