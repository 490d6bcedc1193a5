/**
 * The text inside an export file, whatever its format: to change it (pseudonyms) and to read
 * it back (the leak check). DOCX and XLSX are zip files of XML: only the text between the
 * tags is touched, so the document structure stays valid. HTML, Markdown and CSV are UTF-8.
 */
import type JSZipNs from 'jszip';

export type ExportFormat = 'docx' | 'xlsx' | 'html' | 'md' | 'csv' | 'txt' | 'qdpx';

const ZIPPED = new Set(['docx', 'xlsx', 'qdpx']);

async function loadZip(bytes: Buffer): Promise<JSZipNs> {
  const { default: JSZip } = await import('jszip');
  return JSZip.loadAsync(bytes);
}

function isTextEntry(name: string): boolean {
  return /\.(xml|rels|qde|txt)$/iu.test(name);
}

/** Applies fn to the text between the tags of an XML document (never to tags or attributes). */
function mapXmlText(xml: string, fn: (text: string) => string): string {
  return xml.replace(/>([^<]+)</gu, (_m, text: string) => `>${fn(text)}<`);
}

/** The export with fn applied to its text; returns the new bytes. */
export async function mapExportText(bytes: Buffer, format: string, fn: (text: string) => string): Promise<Buffer> {
  if (!ZIPPED.has(format)) {
    const bom = bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]));
    const text = bytes.toString('utf8', bom ? 3 : 0);
    return Buffer.concat([bom ? bytes.subarray(0, 3) : Buffer.alloc(0), Buffer.from(fn(text), 'utf8')]);
  }
  const zip = await loadZip(bytes);
  for (const name of Object.keys(zip.files)) {
    const entry = zip.files[name]!;
    if (entry.dir || !isTextEntry(name)) continue;
    const xml = await entry.async('string');
    zip.file(name, name.endsWith('.txt') ? fn(xml) : mapXmlText(xml, fn));
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** One piece of readable text and where it is in the file ("line 3", "word/document.xml, paragraph 12", "Sheet1!B4"). */
export interface TextPiece {
  place: string;
  text: string;
}

const decodeXml = (s: string): string =>
  s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/giu, (_m, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (named[e.toLowerCase()]) return named[e.toLowerCase()]!;
    return String.fromCodePoint(e[1]?.toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });

/** Text of an XML block: the text nodes joined (a name split over runs is whole again). */
const xmlText = (xml: string): string => decodeXml([...xml.matchAll(/>([^<]*)</gu)].map((m) => m[1]).join(''));

/** Reads an export back into pieces of text with their places. */
export async function readExportText(bytes: Buffer, format: string): Promise<TextPiece[]> {
  if (!ZIPPED.has(format)) {
    // as a reader sees it: Markdown's backslash escapes and HTML's entities undone
    const unescape = format === 'md' ? (t: string) => t.replace(/\\([\\`*_{}[\]()#+\-.!|>~<])/gu, '$1') : format === 'html' || format === 'svg' ? decodeXml : (t: string) => t;
    return bytes
      .toString('utf8')
      .split(/\r?\n/u)
      .map((text, i) => ({ place: `line ${i + 1}`, text: unescape(text) }));
  }
  const zip = await loadZip(bytes);
  const pieces: TextPiece[] = [];
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir && isTextEntry(n));
  const sharedStrings: string[] = [];
  if (format === 'xlsx' && zip.files['xl/sharedStrings.xml']) {
    const xml = await zip.files['xl/sharedStrings.xml'].async('string');
    for (const m of xml.matchAll(/<si>([\s\S]*?)<\/si>/gu)) sharedStrings.push(xmlText(`>${m[1]}<`));
  }
  const sheetNames = new Map<string, string>();
  if (format === 'xlsx' && zip.files['xl/workbook.xml']) {
    const wb = await zip.files['xl/workbook.xml'].async('string');
    [...wb.matchAll(/<sheet\b[^>]*\bname="([^"]*)"/gu)].forEach((m, i) => sheetNames.set(`xl/worksheets/sheet${i + 1}.xml`, decodeXml(m[1]!)));
  }
  for (const name of names) {
    const xml = await zip.files[name]!.async('string');
    if (format === 'xlsx' && /^xl\/worksheets\/sheet\d+\.xml$/u.test(name)) {
      const sheet = sheetNames.get(name) ?? name;
      for (const c of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/gu)) {
        const ref = /\br="([A-Z]+\d+)"/u.exec(c[1]!)?.[1] ?? '?';
        const type = /\bt="(\w+)"/u.exec(c[1]!)?.[1];
        const body = c[2] ?? '';
        const v = /<v>([\s\S]*?)<\/v>/u.exec(body)?.[1];
        const text = type === 's' && v !== undefined ? (sharedStrings[Number(v)] ?? '') : type === 'inlineStr' ? xmlText(body) : v !== undefined ? decodeXml(v) : '';
        if (text) pieces.push({ place: `${sheet}!${ref}`, text });
      }
      continue;
    }
    if (name === 'xl/sharedStrings.xml') continue;
    if (name.endsWith('.txt')) {
      pieces.push({ place: name, text: xml });
      continue;
    }
    if (name.endsWith('.qde')) {
      // REFI-QDA: each element's text on its own (glued together, a name at the end of one
      // would run into the next and no longer be a whole word); names are in attributes
      pieces.push({ place: name, text: [...xml.matchAll(/>([^<]+)</gu)].map((m) => decodeXml(m[1]!)).join('\n') });
      const attrs = [...xml.matchAll(/\bname="([^"]*)"/gu)].map((m) => decodeXml(m[1]!)).join('\n');
      if (attrs.trim()) pieces.push({ place: `${name} (attributes)`, text: attrs });
      continue;
    }
    const paragraphs = [...xml.matchAll(/<w:p\b[\s\S]*?<\/w:p>/gu)];
    if (paragraphs.length) paragraphs.forEach((p, i) => pieces.push({ place: `${name}, paragraph ${i + 1}`, text: xmlText(p[0]) }));
    else pieces.push({ place: name, text: xmlText(xml) });
    // attribute values (sheet names, titles) can carry names too
    const attrs = [...xml.matchAll(/\b(?:name|title|val)="([^"]*)"/gu)].map((m) => decodeXml(m[1]!)).join(' ');
    if (attrs.trim()) pieces.push({ place: `${name} (attributes)`, text: attrs });
  }
  return pieces;
}
