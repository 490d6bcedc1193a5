/**
 * A recording dropped onto the window goes to the open document's player instead of the
 * document import: the drop layer hands it over here (as refi-drop.ts does for exchange files).
 */
import { MEDIA_EXTENSIONS } from '../../../../shared/contract';

export const MEDIA_DROP_EVENT = 'rodtrad:media-drop';

export const isMediaFile = (name: string): boolean => (MEDIA_EXTENSIONS as readonly string[]).includes(name.split('.').pop()?.toLowerCase() ?? '');

/** Hands the first recording among the dropped files to the player; true when there was one and a document is open. */
export function dropMedia(files: File[], documentOpen: boolean): boolean {
  const file = files.find((f) => isMediaFile(f.name));
  if (!file || !documentOpen) return false;
  window.dispatchEvent(new CustomEvent<File>(MEDIA_DROP_EVENT, { detail: file }));
  return true;
}
