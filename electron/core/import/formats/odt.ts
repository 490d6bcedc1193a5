/**
 * ODT (OpenDocument text): content.xml walked with fast-xml-parser after the zip checks.
 * Bold speaker names are recognised through the automatic styles that set a bold weight.
 */
import { guardZip } from './docx';
import { paragraphsToText, type Paragraph } from '../paragraphs';
import { badFile, type ReadContext, type TextExtract } from './types';

type XNode = Record<string, unknown>;

export async function readOdt(bytes: Buffer, ctx: ReadContext): Promise<TextExtract> {
  const report = await guardZip(bytes, ctx, 'ODT');
  if (!report.entries.includes('content.xml')) throw badFile(ctx.file, 'not an OpenDocument text: the archive has no content.xml (damaged, or another format renamed .odt)', 'inget OpenDocument-textdokument: arkivet saknar content.xml (skadat, eller en fil i ett annat format med namnet .odt)');
  let xml: string;
  const [{ default: JSZip }, { XMLParser }] = await Promise.all([import('jszip'), import('fast-xml-parser')]);
  try {
    const zip = await JSZip.loadAsync(bytes);
    xml = await zip.file('content.xml')!.async('string');
  } catch (e) {
    throw badFile(ctx.file, `the ODT file cannot be unpacked (${(e as Error).message})`, `ODT-filen går inte att packa upp (${(e as Error).message})`);
  }
  let tree: XNode[];
  try {
    const parser = new XMLParser({
      preserveOrder: true,
      ignoreAttributes: false,
      attributeNamePrefix: '',
      trimValues: false,
      parseTagValue: false,
      parseAttributeValue: false,
      processEntities: true,
      htmlEntities: false,
    });
    tree = parser.parse(xml) as XNode[];
  } catch (e) {
    throw badFile(ctx.file, `content.xml of the ODT file is not well-formed XML (${(e as Error).message})`, `content.xml i ODT-filen är inte välformad XML (${(e as Error).message})`);
  }
  const bold = boldStyles(tree);
  const paragraphs: Paragraph[] = [];
  walkBlocks(tree, paragraphs, bold, 'block');
  const { text, knownLabels } = paragraphsToText(paragraphs);
  return { text, sourceType: 'odt', encoding: null, knownLabels };
}

function tagOf(node: XNode): string | undefined {
  return Object.keys(node).find((k) => k !== ':@');
}
function children(node: XNode): XNode[] {
  const tag = tagOf(node);
  const c = tag ? node[tag] : undefined;
  return Array.isArray(c) ? (c as XNode[]) : [];
}
function attr(node: XNode, name: string): string | undefined {
  const a = node[':@'] as Record<string, string> | undefined;
  return a?.[name];
}

/** Names of automatic (and common) styles whose text is bold. */
function boldStyles(tree: XNode[]): Set<string> {
  const out = new Set<string>();
  const visit = (nodes: XNode[]): void => {
    for (const n of nodes) {
      if (tagOf(n) === 'style:style') {
        const isBold = children(n).some((c) => tagOf(c) === 'style:text-properties' && /^(bold|[6-9]00)$/.test(attr(c, 'fo:font-weight') ?? ''));
        const name = attr(n, 'style:name');
        if (isBold && name) out.add(name);
      } else visit(children(n));
    }
  };
  visit(tree);
  return out;
}

function walkBlocks(nodes: XNode[], out: Paragraph[], bold: Set<string>, join: Paragraph['join']): void {
  for (const n of nodes) {
    const tag = tagOf(n);
    if (!tag || tag === '#text') continue;
    if (tag === 'text:p' || tag === 'text:h') {
      const state = { text: '', bold: undefined as string | undefined, leadOpen: true };
      inline(children(n), state, bold, bold.has(attr(n, 'text:style-name') ?? ''));
      out.push({ text: state.text.trim(), boldLead: state.bold, join });
      join = join === 'item' ? 'item' : 'block';
    } else if (tag === 'text:list') {
      // the first item starts a new paragraph, the rest follow on the next line
      children(n)
        .filter((c) => tagOf(c) === 'text:list-item')
        .forEach((item, i) => walkBlocks(children(item), out, bold, i === 0 ? join : 'item'));
    } else if (tag === 'table:table-row') {
      const cells = children(n)
        .filter((c) => tagOf(c) === 'table:table-cell')
        .map((c) => {
          const parts: Paragraph[] = [];
          walkBlocks(children(c), parts, bold, 'block');
          return parts.map((p) => p.text).join(' ');
        });
      out.push({ text: cells.join('\t'), join: 'row' });
    } else if (tag === 'office:annotation' || tag === 'text:tracked-changes' || tag === 'office:automatic-styles' || tag === 'office:font-face-decls') {
      continue;
    } else {
      walkBlocks(children(n), out, bold, join);
    }
  }
}

interface InlineState {
  text: string;
  bold: string | undefined;
  leadOpen: boolean;
}

function inline(nodes: XNode[], s: InlineState, bold: Set<string>, inBold: boolean): void {
  for (const n of nodes) {
    const tag = tagOf(n);
    if (tag === '#text') {
      // ODF collapses white space in text content; extra spaces are written as text:s
      const t = String(n['#text']).replace(/[ \t\r\n]+/g, ' ');
      s.text += t;
      if (s.leadOpen && t.trim()) {
        if (inBold) s.bold = (s.bold ?? '') + t;
        else s.leadOpen = false;
      }
    } else if (tag === 'text:s') {
      s.text += ' '.repeat(Math.min(1000, Number(attr(n, 'text:c') ?? '1') || 1));
    } else if (tag === 'text:tab') {
      s.text += '\t';
    } else if (tag === 'text:line-break') {
      s.text += ' ';
    } else if (tag === 'text:note' || tag === 'office:annotation' || tag === 'text:bookmark-ref') {
      continue;
    } else if (tag === 'text:span') {
      inline(children(n), s, bold, inBold || bold.has(attr(n, 'text:style-name') ?? ''));
    } else if (tag) {
      inline(children(n), s, bold, inBold);
    }
  }
}
