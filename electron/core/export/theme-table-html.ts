/** A theme table as a standalone HTML file, and as HTML + plain text for the clipboard. */
import type { ThemeTable } from '../../../shared/contract/tables';
import { themeTableHtml, themeTableHtmlDocument, themeTablePlainText } from '../../../shared/tables/theme-table-render';

export function themeTableHtmlFile(t: ThemeTable): Buffer {
  return Buffer.from(themeTableHtmlDocument(t), 'utf8');
}

/** What the UI writes with the Clipboard API: text/html (pastes as a Word table) and text/plain. */
export function themeTableClipboard(t: ThemeTable): { html: string; text: string } {
  return { html: `<meta charset="utf-8">${themeTableHtml(t)}`, text: themeTablePlainText(t) };
}
