/** A theme table as Markdown: caption, a heading per section and column, nested lists. */
import type { ThemeTable } from '../../../shared/contract/tables';
import { themeTableMarkdown } from '../../../shared/tables/theme-table-render';

export function themeTableMarkdownFile(t: ThemeTable): Buffer {
  return Buffer.from(themeTableMarkdown(t), 'utf8');
}
