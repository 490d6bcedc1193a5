/**
 * The browser-mode media ticket: a media element cannot send the x-rodtrad-token header, so
 * the page asks for /media/<documentId>?t=<ticket>, where the ticket is HMAC-SHA256 of
 * "media:<documentId>" keyed with the session credential. The credential never travels in a
 * URL; a ticket opens one document's recording for as long as the session lasts, nothing else.
 */
export const mediaTicketMessage = (documentId: number): string => `media:${documentId}`;

/** Bytes to base64url without padding (what both sides compare). */
export function base64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
