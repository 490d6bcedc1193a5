/**
 * Files dropped onto the window that are REFI-QDA exchange files (.qdpx, .qde, .qdc) go to the
 * REFI-QDA menu instead of the document import: the drop layer hands them over here.
 */
export const REFI_DROP_EVENT = 'rodtrad:refi-drop';

const REFI_FILE = /\.(qdpx|qde|qdc)$/i;

/** Hands the first exchange file among the dropped ones to the REFI-QDA menu; true when there was one. */
export function dropRefi(files: File[]): boolean {
  const file = files.find((f) => REFI_FILE.test(f.name));
  if (!file) return false;
  window.dispatchEvent(new CustomEvent<File>(REFI_DROP_EVENT, { detail: file }));
  return true;
}

/** The File menu's REFI-QDA items: 'import' opens the file chooser (in the menu click's own user gesture), 'export' writes the project. */
export const REFI_ACTION_EVENT = 'rodtrad:refi-action';
export type RefiAction = 'import' | 'export';

export function requestRefi(action: RefiAction): void {
  window.dispatchEvent(new CustomEvent<RefiAction>(REFI_ACTION_EVENT, { detail: action }));
}
