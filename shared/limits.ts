/** Sizes the browser-mode server accepts, shared with the page so it can say so before sending. */

/** The largest body of an ordinary call (bytes of JSON). */
export const BODY_LIMIT = 1024 * 1024;

/** The largest body of a call that carries uploaded files as base64 (a drop in the browser). */
export const UPLOAD_BODY_LIMIT = 64 * 1024 * 1024;

/** The calls that may carry uploaded files (or a pasted document). */
export const UPLOAD_METHODS = ['import.files', 'import.attributeSheet', 'import.surveyPreview', 'codebooks.load', 'refi.importProject', 'refi.importCodebook', 'documents.create', 'media.link'] as const;

/** The largest file the page uploads in one call: base64 grows a file by a third. */
export const UPLOAD_FILE_LIMIT = Math.floor(((UPLOAD_BODY_LIMIT - 64 * 1024) * 3) / 4);

/**
 * The longest memo body (UTF-16 units, about 100 pages): the contract refuses more, and the
 * editor says so before saving. At most 3 bytes of JSON per unit, so a memo at the limit still
 * fits in one ordinary call in browser mode (BODY_LIMIT).
 */
export const MEMO_BODY_LIMIT = 300_000;
