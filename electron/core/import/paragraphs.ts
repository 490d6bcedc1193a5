/**
 * The common middle of the rich formats (DOCX via mammoth, RTF, ODT): a list of paragraphs,
 * each possibly starting with a bold run. A short bold run at the start of a paragraph is
 * how word processors mark the speaker ("**Anna:** …", "**CS** …"); it becomes "Anna: …"
 * in the stored text and a known speaker label for the transcript parser.
 */
import { normalizeText } from '../../../shared/text/normalize';

export interface Paragraph {
  text: string;
  /** Text of a bold run that starts the paragraph, if any. */
  boldLead?: string;
  /** How the paragraph joins the one before: a new paragraph, the next list item, or the next table row. */
  join: 'block' | 'item' | 'row';
}

export interface ParagraphText {
  text: string;
  knownLabels: string[];
}

const LABEL_SHAPE = /^[\p{Lu}\p{Lt}][\p{L}\p{M}\d.'’-]{0,24}(?: [\p{L}\d][\p{L}\p{M}\d.'’-]{0,24}){0,2}$/u;

/** Stored text from paragraphs: blank line between paragraphs, line breaks inside lists and tables. */
export function paragraphsToText(paragraphs: Paragraph[]): ParagraphText {
  const labels = new Set<string>();
  const parts: string[] = [];
  for (const para of paragraphs) {
    let line = para.text.replace(/[ \t]+$/u, '');
    const lead = para.boldLead?.trim();
    if (lead) {
      const name = lead.replace(/\s*:$/, '').trim();
      const rest = para.text.trimStart().slice(para.boldLead!.trimStart().length);
      const colonFollows = /^\s*:/.test(rest) || /:$/.test(lead);
      if (LABEL_SHAPE.test(name) && (colonFollows || rest.trim().length > 0)) {
        labels.add(name);
        line = `${name}: ${rest.replace(/^\s*:?\s*/, '')}`.trimEnd();
      }
    }
    if (line.trim().length === 0) continue;
    if (parts.length > 0) parts.push(para.join === 'block' ? '\n\n' : '\n');
    parts.push(line);
  }
  return { text: normalizeText(parts.join('')), knownLabels: [...labels] };
}

const BLOCK_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'tr', 'blockquote', 'pre', 'div']);

/**
 * Paragraphs from the simple HTML mammoth and rtf-to-html produce. Not a general HTML
 * parser: both emit well-formed, unnested block elements and escape only the basics.
 */
export function htmlToParagraphs(html: string): Paragraph[] {
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
  const out: Paragraph[] = [];
  const tokens = body.split(/(<[^>]+>)/);
  let current: { text: string; bold: string | null; boldOpen: boolean; sawText: boolean; join: Paragraph['join']; leadDone: boolean } | null = null;
  let depthLi = 0;
  let inCell = false;
  let lastClosed: string | null = null;
  const open = (join: Paragraph['join']): void => {
    current ??= { text: '', bold: null, boldOpen: false, sawText: false, join, leadDone: false };
  };
  const close = (): void => {
    if (!current) return;
    const tidy = (t: string): string => t.replace(/[ \r\f\v]+/g, ' ').replace(/ *\n */g, '\n').replace(/ *\t */g, '\t');
    out.push({ text: tidy(current.text).trim(), boldLead: current.bold === null ? undefined : tidy(current.bold), join: current.join });
    current = null;
  };
  for (const tok of tokens) {
    if (!tok) continue;
    if (tok.startsWith('<')) {
      const m = /^<(\/?)([a-zA-Z0-9]+)/.exec(tok);
      if (!m) continue;
      const closing = m[1] === '/';
      const tag = m[2]!.toLowerCase();
      if (tag === 'head' || tag === 'style' || tag === 'script') continue;
      if (tag === 'li') depthLi += closing ? -1 : 1;
      if (tag === 'td' || tag === 'th') {
        if (!closing) {
          if (inCell && current) (current as { text: string }).text += '\t';
          inCell = true;
          open('row');
        }
        continue;
      }
      if (tag === 'tr') {
        if (closing) {
          close();
          inCell = false;
          lastClosed = 'tr';
        }
        continue;
      }
      if (BLOCK_TAGS.has(tag)) {
        if (inCell) {
          // paragraphs inside a table cell stay in the cell
          if (closing && current) (current as { text: string }).text += ' ';
          continue;
        }
        if (closing) {
          close();
          lastClosed = tag;
        } else {
          close();
          const join: Paragraph['join'] = tag === 'li' || (depthLi > 0 && tag === 'p') ? (lastClosed === 'li' || lastClosed === 'p' ? 'item' : 'block') : 'block';
          open(join);
        }
        continue;
      }
      if (tag === 'br') {
        open('block');
        current!.text += '\n';
        continue;
      }
      if (tag === 'strong' || tag === 'b') {
        if (!current) open('block');
        const c = current!;
        if (!closing && !c.sawText && !c.leadDone) {
          c.boldOpen = true;
          c.bold = '';
        } else if (closing && c.boldOpen) {
          c.boldOpen = false;
          c.leadDone = true;
        }
        continue;
      }
      continue;
    }
    const text = decodeEntities(tok);
    if (!current) {
      if (!text.trim()) continue;
      open('block');
    }
    const c = current!;
    c.text += text;
    if (c.boldOpen) c.bold += text;
    else if (text.trim()) {
      c.sawText = true;
      if (c.bold === null) c.leadDone = true;
    }
  }
  close();
  return out.filter((p) => p.text.length > 0);
}

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos|nbsp);/g, (_, e: string) => {
    if (e === 'amp') return '&';
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    if (e === 'nbsp') return '\u00a0';
    const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : '';
  });
}
