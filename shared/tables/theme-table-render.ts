/**
 * Text renderings of a computed theme table: HTML (the UI's live preview, the HTML export and
 * the clipboard, so all three look alike), Markdown and plain text. Pure functions, no Node.
 */
import type { ThemeBullet, ThemeTable } from '../contract/tables';

/** Bullet marks by level, as the article prints them: ▪ then –, then ◦ and · below that. */
export const BULLET_MARKS = ['▪', '–', '◦', '·'] as const;
export const bulletMark = (level: number): string => BULLET_MARKS[Math.min(level, BULLET_MARKS.length - 1)]!;

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** "Bollande:" — the article ends a code with a colon when sub-codes follow. */
export function bulletLabel(b: ThemeBullet): string {
  const text = b.countText ? `${b.label} ${b.countText}` : b.label;
  return b.children.length > 0 ? `${text}:` : text;
}

export function quoteMarks(text: string, lang: 'sv' | 'en'): string {
  return lang === 'sv' ? `”${text}”` : `“${text}”`;
}

/** The number of grid columns the table needs (the widest section). */
export function gridWidth(t: ThemeTable): number {
  return Math.max(1, ...t.sections.map((s) => s.columns.length));
}

const FONT = "'Times New Roman', 'Liberation Serif', 'DejaVu Serif', serif";
const BORDER = '1px solid #000';

/**
 * A label with its count; in the app's live preview (`interactive`) the count is a link that
 * opens the quotations behind it (data-code-id), in exports plain text.
 */
function countedHtml(label: string, countText: string, codeId: number | null, interactive: boolean, colon = false): string {
  const tail = colon ? ':' : '';
  if (!countText) return `${escapeHtml(label)}${tail}`;
  if (!interactive || codeId === null) return `${escapeHtml(`${label} ${countText}`)}${tail}`;
  return `${escapeHtml(label)} <a href="#" class="rt-count" data-code-id="${codeId}" data-testid="theme-count">${escapeHtml(countText)}</a>${tail}`;
}

/** The table as an HTML fragment with inline styles (Word and LibreOffice keep them when pasting). */
export function themeTableHtml(t: ThemeTable, options: { interactive?: boolean } = {}): string {
  const interactive = options.interactive === true;
  const lang = t.options.language;
  const width = gridWidth(t);
  const cellStyle = `border:${BORDER};padding:4pt 6pt;vertical-align:top;text-align:left`;
  const list = (items: ThemeBullet[], level: number): string => {
    if (items.length === 0) return '';
    const mark = bulletMark(level);
    const li = items
      .map((b) => {
        const quotes = b.quotes
          .map(
            (q) =>
              `<div class="rt-quote" style="font-style:italic;margin:1pt 0 2pt 0">${escapeHtml(quoteMarks(q.text, lang))}${q.source ? ` <span class="rt-source" style="font-style:normal">${escapeHtml(q.source)}</span>` : ''}</div>`,
          )
          .join('');
        // A count of nothing opens nothing: only counts above zero are links.
        return `<li style="margin:1pt 0">${countedHtml(b.label, b.countText, b.count.quotations > 0 ? b.codeId : null, interactive, b.children.length > 0)}${quotes}${list(b.children, level + 1)}</li>`;
      })
      .join('');
    return `<ul class="rt-level-${level}" style="list-style-type:'${mark}\\00a0\\00a0';margin:2pt 0 2pt 0;padding-left:${level === 0 ? 14 : 16}pt">${li}</ul>`;
  };
  const rows: string[] = [];
  for (const s of t.sections) {
    rows.push(
      `<tr class="rt-section"><th colspan="${width}" style="${cellStyle};font-weight:bold;background:#f2f2f2">${countedHtml(s.title, s.countText, s.codeId, interactive)}</th></tr>`,
    );
    const cells = s.columns.map((c, i) => {
      const span = i === s.columns.length - 1 ? width - i : 1;
      const title = c.title ? `<p class="rt-column-title" style="margin:0 0 2pt 0;font-weight:bold">${countedHtml(c.title, c.countText, c.codeId, interactive)}</p>` : '';
      return `<td${span > 1 ? ` colspan="${span}"` : ''} style="${cellStyle};width:${Math.round((100 * span) / width)}%">${title}${list(c.items, 0)}</td>`;
    });
    if (cells.length === 0) cells.push(`<td colspan="${width}" style="${cellStyle}"></td>`);
    rows.push(`<tr class="rt-body">${cells.join('')}</tr>`);
  }
  const caption = t.caption ? `<p class="rt-caption" style="font-family:${FONT};font-weight:bold;margin:0 0 4pt 0">${escapeHtml(t.caption)}</p>` : '';
  return `${caption}<table class="rt-theme-table" style="border-collapse:collapse;width:100%;font-family:${FONT};font-size:11pt;line-height:1.25"><tbody>${rows.join('')}</tbody></table>`;
}

/** A complete HTML file around the fragment (for the HTML export). */
export function themeTableHtmlDocument(t: ThemeTable): string {
  const title = escapeHtml(t.caption || (t.options.language === 'sv' ? 'Tematabell' : 'Theme table'));
  return `<!doctype html>
<html lang="${t.options.language}">
<head><meta charset="utf-8"><title>${title}</title>
<style>@page { size: A4 ${t.options.landscape ? 'landscape' : 'portrait'}; margin: 2cm; } body { margin: 2em; max-width: ${t.options.landscape ? 1100 : 800}px; }
.rt-note { font-family: ${FONT}; font-size: 9pt; color: #444; margin-top: 4pt; }</style></head>
<body>
${themeTableHtml(t)}
${t.options.counts !== 'none' ? `<p class="rt-note">${escapeHtml(noteText(t))}</p>` : ''}
</body>
</html>
`;
}

export function noteText(t: ThemeTable): string {
  const sv = t.options.language === 'sv';
  const what: Record<string, string> = sv
    ? { quotes: 'antal citat', docs: 'antal dokument', 'k-of-n': 'antal dokument av alla' }
    : { quotes: 'number of quotations', docs: 'number of documents', 'k-of-n': 'documents out of all' };
  const counts = t.options.counts === 'none' ? '' : `${sv ? 'Inom parentes' : 'In brackets'}: ${what[t.options.counts]}. `;
  return `${counts}${sv ? 'Underlag' : 'Base'}: ${t.note}.`;
}

/** Markdown: caption, a heading per section, bold column titles and nested lists. */
export function themeTableMarkdown(t: ThemeTable): string {
  const lang = t.options.language;
  const out: string[] = [];
  if (t.caption) out.push(`**${mdEscape(t.caption)}**`, '');
  const list = (items: ThemeBullet[], level: number): void => {
    for (const b of items) {
      const pad = '  '.repeat(level);
      out.push(`${pad}- ${mdEscape(bulletLabel(b))}`);
      for (const q of b.quotes) out.push(`${pad}  *${mdEscape(quoteMarks(q.text, lang))}*${q.source ? ` ${mdEscape(q.source)}` : ''}`);
      list(b.children, level + 1);
    }
  };
  for (const s of t.sections) {
    out.push(`## ${mdEscape(s.countText ? `${s.title} ${s.countText}` : s.title)}`, '');
    for (const c of s.columns) {
      if (c.title) out.push(`### ${mdEscape(c.countText ? `${c.title} ${c.countText}` : c.title)}`, '');
      list(c.items, 0);
      out.push('');
    }
  }
  if (t.options.counts !== 'none') out.push(`*${mdEscape(noteText(t))}*`, '');
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

function mdEscape(s: string): string {
  return s.replace(/([\\*_`#[\]<>|])/g, '\\$1');
}

/** Plain text for the clipboard: columns one after the other, bullets with the article's marks. */
export function themeTablePlainText(t: ThemeTable): string {
  const lang = t.options.language;
  const out: string[] = [];
  if (t.caption) out.push(t.caption, '');
  const list = (items: ThemeBullet[], level: number, indent: string): void => {
    for (const b of items) {
      const pad = indent + '    '.repeat(level);
      out.push(`${pad}${bulletMark(level)} ${bulletLabel(b)}`);
      for (const q of b.quotes) out.push(`${pad}    ${quoteMarks(q.text, lang)}${q.source ? ` ${q.source}` : ''}`);
      list(b.children, level + 1, indent);
    }
  };
  for (const s of t.sections) {
    out.push(s.countText ? `${s.title} ${s.countText}` : s.title);
    for (const c of s.columns) {
      if (c.title) out.push(`  ${c.countText ? `${c.title} ${c.countText}` : c.title}`);
      list(c.items, 0, c.title ? '    ' : '');
    }
    out.push('');
  }
  return `${out.join('\n').trim()}\n`;
}
