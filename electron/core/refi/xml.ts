/**
 * Untrusted XML in, a small element tree out. A DOCTYPE is refused before parsing (it is how
 * external entities and entity expansion start, and REFI-QDA files never need one); the
 * parser expands no entities, and only XML's five predefined entities and character
 * references are decoded here. Line ends are normalised as XML 1.0 §2.11 says, so text
 * inside elements is LF-only, as every conforming parser would give it.
 */
import type * as FxpNs from 'fast-xml-parser';
import { UserError } from '../errors';
import { lazyRequire } from '../lazy-require';

const fxp = lazyRequire<typeof FxpNs>('fast-xml-parser');

export interface XNode {
  /** Local name, without a namespace prefix. */
  name: string;
  /** The prefix the element was written with ('' for none). */
  prefix: string;
  attrs: Record<string, string>;
  children: XNode[];
  /** The element's own text (character data and CDATA, decoded), concatenated. */
  text: string;
}

/** The text of an XML file: UTF-8 with or without BOM, or UTF-16 with a BOM. */
export function decodeXmlBytes(bytes: Buffer): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  const s = bytes.toString('utf8');
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z_][\w.-]*);/g;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

class UndefinedEntity extends Error {}

function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (_m, body: string) => {
    if (body.startsWith('#x')) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(parseInt(body.slice(1), 10));
    const v = PREDEFINED[body];
    if (v === undefined) throw new UndefinedEntity(body);
    return v;
  });
}

/** The part before the root element: declarations, comments, processing instructions. */
function prolog(xml: string): string {
  const m = /<[A-Za-z_]/.exec(xml);
  return m ? xml.slice(0, m.index) : xml;
}

type Ordered = Record<string, unknown>;

export function parseXml(xml: string, file: string): XNode {
  if (/<!(DOCTYPE|ENTITY)/i.test(prolog(xml))) {
    throw new UserError(
      'bad-file',
      'declares a DOCTYPE (external entities and entity expansion are refused; REFI-QDA files need none)',
      file,
      'deklarerar en DOCTYPE (externa entiteter och entitetsexpansion vägras; REFI-QDA-filer behöver ingen)',
    );
  }
  const { XMLParser, XMLValidator } = fxp();
  const valid = XMLValidator.validate(xml, { allowBooleanAttributes: false });
  if (valid !== true) {
    const e = valid.err;
    throw new UserError('bad-file', `is not well-formed XML (line ${e.line}, column ${e.col}: ${e.msg})`, file, `är inte välformad XML (rad ${e.line}, kolumn ${e.col}: ${e.msg})`);
  }
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    processEntities: false,
    htmlEntities: false,
    trimValues: false,
    parseTagValue: false,
    parseAttributeValue: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    cdataPropName: '#cdata',
  });
  const doc = parser.parse(xml) as Ordered[];
  const rootItem = doc.find((o) => Object.keys(o).some((k) => k !== ':@' && k !== '#text'));
  if (!rootItem) throw new UserError('bad-file', 'holds no XML element', file, 'innehåller inget XML-element');
  try {
    return toNode(rootItem);
  } catch (e) {
    if (e instanceof UndefinedEntity) {
      throw new UserError('bad-file', `uses the undefined entity &${e.message}; (only XML's own five are allowed)`, file, `använder den odefinierade entiteten &${e.message}; (bara XML:s egna fem är tillåtna)`);
    }
    throw e;
  }
}

const lineEnds = (s: string): string => (s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s);

function toNode(item: Ordered): XNode {
  const qname = Object.keys(item).find((k) => k !== ':@')!;
  const colon = qname.indexOf(':');
  const attrs: Record<string, string> = {};
  const rawAttrs = (item[':@'] ?? {}) as Record<string, string>;
  // attribute value normalisation (XML 1.0 §3.3.3): literal whitespace becomes a space, references stay
  for (const [k, v] of Object.entries(rawAttrs)) attrs[k] = decodeEntities(String(v).replace(/\r\n|[\r\n\t]/g, ' '));
  const node: XNode = { name: colon >= 0 ? qname.slice(colon + 1) : qname, prefix: colon >= 0 ? qname.slice(0, colon) : '', attrs, children: [], text: '' };
  const parts: string[] = [];
  for (const child of (item[qname] ?? []) as Ordered[]) {
    if ('#text' in child) parts.push(decodeEntities(lineEnds(String(child['#text']))));
    else if ('#cdata' in child) {
      for (const c of child['#cdata'] as Ordered[]) parts.push(lineEnds(String(c['#text'] ?? '')));
    } else node.children.push(toNode(child));
  }
  node.text = parts.join('');
  return node;
}

/** The namespace that applies to an element written with `prefix`, looked up on the root (REFI files declare them there). */
export function namespaceOf(root: XNode): string | null {
  const key = root.prefix ? `xmlns:${root.prefix}` : 'xmlns';
  return root.attrs[key] ?? null;
}

export const child = (n: XNode, name: string): XNode | undefined => n.children.find((c) => c.name === name);
export const childrenNamed = (n: XNode, name: string): XNode[] => n.children.filter((c) => c.name === name);

/** Escapes text for element content. */
export function escText(s: string): string {
  return s.replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'));
}

/** Escapes an attribute value (whitespace kept as references, so a reader gets it back exactly). */
export function escAttr(s: string): string {
  return s.replace(/[&<>"\r\n\t]/g, (c) => `&#${c.charCodeAt(0)};`).replace(/&#38;/g, '&amp;').replace(/&#60;/g, '&lt;').replace(/&#62;/g, '&gt;').replace(/&#34;/g, '&quot;');
}

/** Characters XML 1.0 cannot carry at all (control characters other than tab and line ends, lone surrogates, U+FFFE/F). */
// eslint-disable-next-line no-control-regex -- matching the control characters XML forbids is the point
const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function stripIllegal(s: string): string {
  return s.replace(ILLEGAL, '');
}
