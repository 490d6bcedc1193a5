/**
 * The open document's recording: its link (media.get, fetched again whenever the document is
 * reloaded, so undo and redo show at once), the player's state, and linking a file from the
 * desktop's dialog, a file chosen in the browser, or a drop.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEDIA_EXTENSIONS, type DocumentFull, type MediaInfo } from '../../../../shared/contract';
import { UPLOAD_FILE_LIMIT } from '../../../../shared/limits';
import { api } from '../../api/client';
import { useApp } from '../../store/app-store';
import { formatNumber } from '../../util/format';
import { MEDIA_DROP_EVENT } from './media-drop';

export interface MediaState {
  info: MediaInfo | null;
  /** The URL the media element reads (null until known or when the file is missing). */
  src: string | null;
  ref: React.RefObject<HTMLMediaElement | null>;
  linkFile(file: File): Promise<void>;
  pickAndLink(copy: boolean): Promise<void>;
  unlink(): Promise<void>;
}

function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(file);
  });
}

export function useDocumentMedia(doc: DocumentFull | null): MediaState {
  const { t, i18n } = useTranslation();
  const [info, setInfo] = useState<MediaInfo | null>(null);
  const [src, setSrc] = useState<string | null>(null);
  const ref = useRef<HTMLMediaElement | null>(null);
  const docId = doc?.id ?? null;
  // another document: its own recording, not the last one's, until media.get answers
  const [shownDocId, setShownDocId] = useState(docId);
  if (shownDocId !== docId) {
    setShownDocId(docId);
    setInfo(null);
    setSrc(null);
  }

  useEffect(() => {
    let stale = false;
    if (docId === null) return;
    void api
      .call('media.get', { documentId: docId })
      .then(async (m) => {
        const url = m?.exists ? await api.mediaUrl(docId) : null;
        if (stale) return;
        setInfo(m);
        setSrc(url);
      })
      .catch(() => {
        if (!stale) setInfo(null);
      });
    return () => {
      stale = true;
    };
    // doc: every reload of the document (after any change, undo included) asks again
  }, [docId, doc]);

  const apply = useCallback(
    async (params: { path: string; copy: boolean } | { upload: { name: string; data: string } }) => {
      if (docId === null) return;
      try {
        const m = await api.call('media.link', { documentId: docId, ...params });
        setInfo(m);
        setSrc(m.exists ? await api.mediaUrl(docId) : null);
      } catch (e) {
        useApp.getState().setError(e instanceof Error ? e.message : String(e));
      }
    },
    [docId],
  );

  const linkFile = useCallback(
    async (file: File) => {
      if (file.size > UPLOAD_FILE_LIMIT) {
        const mb = (n: number) => formatNumber(Math.round(n / 2 ** 20), i18n.language);
        useApp.getState().setError(t('media.tooLarge', { name: file.name, size: mb(file.size), limit: mb(UPLOAD_FILE_LIMIT) }));
        return;
      }
      await apply({ upload: { name: file.name, data: await base64Of(file) } });
    },
    [apply, t, i18n.language],
  );

  const pickAndLink = useCallback(
    async (copy: boolean) => {
      const picked = await api.call('host.pickFile', { purpose: 'import', title: t('media.pickTitle'), extensions: [...MEDIA_EXTENSIONS] });
      if (picked.paths[0]) await apply({ path: picked.paths[0], copy });
    },
    [apply, t],
  );

  const unlink = useCallback(async () => {
    if (docId === null) return;
    await api.call('media.unlink', { documentId: docId });
    setInfo(null);
    setSrc(null);
  }, [docId]);

  // a recording dropped onto the window while this document is open
  useEffect(() => {
    const onDrop = (e: Event): void => void linkFile((e as CustomEvent<File>).detail);
    window.addEventListener(MEDIA_DROP_EVENT, onDrop);
    return () => window.removeEventListener(MEDIA_DROP_EVENT, onDrop);
  }, [linkFile]);

  return { info: docId === null ? null : info, src, ref, linkFile, pickAndLink, unlink };
}
