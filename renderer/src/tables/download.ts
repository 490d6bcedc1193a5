/** Saving an export the core returned as base64 (browser mode, or desktop without a save dialog). */
import type { ExportResult } from '../../../shared/contract/tables';

export function downloadExport(r: ExportResult): void {
  if (!r.base64) return;
  const bytes = Uint8Array.from(atob(r.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: r.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = r.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** HTML and plain text on the clipboard, so Word and LibreOffice paste a real table. */
export async function copyHtml(html: string, text: string): Promise<void> {
  if (typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
    await navigator.clipboard.write([
      new ClipboardItem({ 'text/html': new Blob([html], { type: 'text/html' }), 'text/plain': new Blob([text], { type: 'text/plain' }) }),
    ]);
    return;
  }
  await navigator.clipboard.writeText(text);
}
