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

/**
 * A UTF-8 XML file read byte for byte, each byte one character (UTF-16 files are decoded as
 * decodeXmlBytes does). Reading bytes as Latin-1 is a copy; decoding UTF-8 transcodes, which
 * took more than twice as long on a 12 MB `.qde`. XML's own syntax is ASCII, so the tree is
 * found the same way; buildRoot(…, true) decodes as UTF-8 only the names, values and text it
 * keeps. For the tree builder only: the validator reads the file decoded.
 */
export function xmlByteString(bytes: Buffer): { xml: string; bytewise: boolean } {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return { xml: decodeXmlBytes(bytes), bytewise: false };
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { xml: bytes.toString('latin1', bom ? 3 : 0), bytewise: true };
}

/** A piece of a byte-wise read file (xmlByteString) as the UTF-8 it is; ASCII needs nothing. */
function fromBytes(s: string): string {
  return NON_ASCII.test(s) ? Buffer.from(s, 'latin1').toString('utf8') : s;
}

const NON_ASCII = /[\u0080-\u00ff]/;

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z_][\w.-]*);/g;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

class UndefinedEntity extends Error {}

/** A tag the tree builder cannot read (only on a document the validator refuses). */
class Malformed extends Error {}

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

export function parseXml(xml: string, file: string): XNode {
  refuseDoctype(xml, file);
  const problem = wellFormedness(xml);
  if (problem) throw notWellFormed(problem, file);
  return buildRoot(xml, file);
}

/** Refuses a DOCTYPE before anything parses the file. */
export function refuseDoctype(xml: string, file: string): void {
  if (/<!(DOCTYPE|ENTITY)/i.test(prolog(xml))) {
    throw new UserError(
      'bad-file',
      'declares a DOCTYPE (external entities and entity expansion are refused; REFI-QDA files need none)',
      file,
      'deklarerar en DOCTYPE (externa entiteter och entitetsexpansion vägras; REFI-QDA-filer behöver ingen)',
    );
  }
}

/** Where fast-xml-parser finds a document not well-formed (plain data: it crosses threads). */
export interface XmlProblem {
  line: number;
  col: number;
  msg: string;
}

/** fast-xml-parser decides whether the file is well-formed: null when it is. */
export function wellFormedness(xml: string): XmlProblem | null {
  const valid = fxp().XMLValidator.validate(xml, { allowBooleanAttributes: false });
  return valid === true ? null : { line: valid.err.line, col: valid.err.col, msg: valid.err.msg };
}

export function notWellFormed(e: XmlProblem, file: string): UserError {
  return new UserError('bad-file', `is not well-formed XML (line ${e.line}, column ${e.col}: ${e.msg})`, file, `är inte välformad XML (rad ${e.line}, kolumn ${e.col}: ${e.msg})`);
}

/**
 * Called as each element closes, `depth` below the root (its children are at 1), under
 * `parent`; true drops the element from the tree (it has been read already).
 */
export type OnClose = (node: XNode, depth: number, parent: XNode | undefined) => boolean;

/**
 * The element tree, built in one pass of our own (fast-xml-parser's ordered tree, and the copy
 * into ours, took three times as long and made most of the import's garbage). Meant for a
 * document the validator accepts; on one it refuses it still ends, in a tree or an error,
 * so it may run while the validator does (load.ts), whose verdict then comes first.
 */
export function buildRoot(xml: string, file: string, bytewise = false, onClose?: OnClose): XNode {
  let root: XNode | null;
  try {
    root = buildTree(xml, bytewise ? fromBytes : same, onClose);
  } catch (e) {
    if (e instanceof UndefinedEntity) {
      throw new UserError('bad-file', `uses the undefined entity &${e.message}; (only XML's own five are allowed)`, file, `använder den odefinierade entiteten &${e.message}; (bara XML:s egna fem är tillåtna)`);
    }
    throw e;
  }
  if (!root) throw new UserError('bad-file', 'holds no XML element', file, 'innehåller inget XML-element');
  return root;
}

const same = (s: string): string => s;

const lineEnds = (s: string): string => (s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s);

/** Attribute value normalisation (XML 1.0 §3.3.3): literal whitespace becomes a space, references stay. */
const attrValue = (raw: string): string => decodeEntities(/[\r\n\t]/.test(raw) ? raw.replace(/\r\n|[\r\n\t]/g, ' ') : raw);

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

/**
 * The children of every element that has none: most elements of a large project are leaves
 * (CodeRef, NoteRef, …), and one array each was a good part of the tree's garbage. Never
 * pushed to: the first child replaces it with an array of the element's own.
 */
const LEAF: XNode[] = [];

/** Whether xml[from, to) is only XML whitespace. */
function blank(xml: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!isSpace(xml.charCodeAt(k))) return false;
  return true;
}

/**
 * The element tree of a document the validator has accepted: tags, attributes, text and
 * CDATA; comments, processing instructions and declarations are skipped. Only the first
 * root element is built (the validator refuses a second). Whitespace between an element's
 * children is not kept: REFI-QDA has no mixed content, and those indents were most of the
 * strings a large project's tree made.
 */
function buildTree(xml: string, utf8: (s: string) => string, onClose: OnClose | undefined): XNode | null {
  const stack: XNode[] = [];
  let root: XNode | null = null;
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i && stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.children === LEAF || !blank(xml, i, textEnd)) top.text += decodeEntities(lineEnds(utf8(xml.slice(i, textEnd))));
    }
    if (lt < 0) break;
    const c = xml.charCodeAt(lt + 1);
    if (c === 63 /* ? */) {
      i = skipPast(xml, '?>', lt + 2);
    } else if (c === 33 /* ! */) {
      if (xml.startsWith('<!--', lt)) i = skipPast(xml, '-->', lt + 4);
      else if (xml.startsWith('<![CDATA[', lt)) {
        const close = xml.indexOf(']]>', lt + 9);
        const end = close < 0 ? n : close;
        if (stack.length > 0) stack[stack.length - 1]!.text += lineEnds(utf8(xml.slice(lt + 9, end)));
        i = end + 3;
      } else i = skipPast(xml, '>', lt + 2);
    } else if (c === 47 /* / */) {
      const closed = stack.pop();
      if (closed && onClose) close(closed, stack, onClose);
      i = skipPast(xml, '>', lt + 2);
      if (stack.length === 0 && root) break;
    } else {
      let j = lt + 1;
      while (j < n) {
        const d = xml.charCodeAt(j);
        if (isSpace(d) || d === 62 /* > */ || d === 47 /* / */) break;
        j++;
      }
      const qname = utf8(xml.slice(lt + 1, j));
      const colon = qname.indexOf(':');
      const node: XNode = { name: colon >= 0 ? qname.slice(colon + 1) : qname, prefix: colon >= 0 ? qname.slice(0, colon) : '', attrs: {}, children: LEAF, text: '' };
      let selfClosing = false;
      for (;;) {
        while (j < n && isSpace(xml.charCodeAt(j))) j++;
        const d = xml.charCodeAt(j);
        if (d === 62) {
          j++;
          break;
        }
        if (d === 47) {
          selfClosing = true;
          j = skipPast(xml, '>', j);
          break;
        }
        if (j >= n) break;
        const eq = xml.indexOf('=', j);
        if (eq < 0) throw new Malformed();
        let keyEnd = eq;
        while (keyEnd > j && isSpace(xml.charCodeAt(keyEnd - 1))) keyEnd--;
        const key = utf8(xml.slice(j, keyEnd));
        let q = eq + 1;
        while (q < n && isSpace(xml.charCodeAt(q))) q++;
        const quote = xml.charCodeAt(q);
        const close = quote === 34 || quote === 39 ? xml.indexOf(quote === 39 ? "'" : '"', q + 1) : -1;
        // every step moves forward, so a document the validator refuses cannot hold this loop
        if (close < 0) throw new Malformed();
        node.attrs[key] = attrValue(utf8(xml.slice(q + 1, close)));
        j = close + 1;
      }
      i = j;
      if (stack.length > 0) {
        const parent = stack[stack.length - 1]!;
        // whitespace before the first child was kept in case the element had no children
        if (parent.children === LEAF) {
          if (parent.text !== '' && blank(parent.text, 0, parent.text.length)) parent.text = '';
          parent.children = [node];
        } else parent.children.push(node);
      } else if (!root) root = node;
      else break;
      if (!selfClosing) stack.push(node);
      else if (stack.length === 0) break;
      else if (onClose) close(node, stack, onClose);
    }
  }
  return root;
}

/** An element just closed, its parent on top of `stack`: dropped from the parent (where it is the last child) when onClose says so. */
function close(node: XNode, stack: XNode[], onClose: OnClose): void {
  const parent = stack[stack.length - 1];
  if (onClose(node, stack.length, parent) && parent && parent.children[parent.children.length - 1] === node) parent.children.pop();
}

function skipPast(xml: string, token: string, from: number): number {
  const at = xml.indexOf(token, from);
  return at < 0 ? xml.length : at + token.length;
}

/** The namespace that applies to an element written with `prefix`, looked up on the root (REFI files declare them there). */
export function namespaceOf(root: XNode): string | null {
  const key = root.prefix ? `xmlns:${root.prefix}` : 'xmlns';
  return root.attrs[key] ?? null;
}

export function child(n: XNode, name: string): XNode | undefined {
  for (const c of n.children) if (c.name === name) return c;
  return undefined;
}

export function childrenNamed(n: XNode, name: string): XNode[] {
  const out: XNode[] = [];
  for (const c of n.children) if (c.name === name) out.push(c);
  return out;
}

/** The `attr` of each child named `name` ('' where it has none), in order. */
export function childAttrs(n: XNode, name: string, attr: string): string[] {
  const out: string[] = [];
  for (const c of n.children) if (c.name === name) out.push(c.attrs[attr] ?? '');
  return out;
}

/** Escapes text for element content. */
export function escText(s: string): string {
  if (!/[&<>\r]/.test(s)) return s;
  return s.replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'));
}

/** Escapes an attribute value (whitespace kept as references, so a reader gets it back exactly). */
export function escAttr(s: string): string {
  // most values (GUIDs, times, names) need nothing: one test instead of five replaces
  if (!/[&<>"\r\n\t]/.test(s)) return s;
  return s.replace(/[&<>"\r\n\t]/g, (c) => `&#${c.charCodeAt(0)};`).replace(/&#38;/g, '&amp;').replace(/&#60;/g, '&lt;').replace(/&#62;/g, '&gt;').replace(/&#34;/g, '&quot;');
}

/** Characters XML 1.0 cannot carry at all (control characters other than tab and line ends, lone surrogates, U+FFFE/F). */
// eslint-disable-next-line no-control-regex -- matching the control characters XML forbids is the point
const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const HAS_ILLEGAL = new RegExp(ILLEGAL.source);

export function stripIllegal(s: string): string {
  if (!HAS_ILLEGAL.test(s)) return s;
  return s.replace(ILLEGAL, '');
}
