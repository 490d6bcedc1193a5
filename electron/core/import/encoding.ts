/**
 * Turning the bytes of a text file into a string. Deterministic, in this order: a BOM;
 * strict UTF-8; UTF-16 recognised by its NUL pattern; else Windows-1252 through iconv-lite
 * (Node 20's own TextDecoder('windows-1252') decodes 0x80–0x9F as Latin-1, which turns
 * – ” € into control characters). The user can name the encoding instead.
 */
import { isUtf8 } from 'node:buffer';
import type iconvNs from 'iconv-lite';
import { normalizeText } from '../../../shared/text/normalize';
import { UserError } from '../errors';
import { lazyRequire } from '../lazy-require';

const iconv = lazyRequire<typeof iconvNs>('iconv-lite');

export interface Decoded {
  text: string;
  /** The encoding that was used, as a canonical name ("utf-8", "utf-16le", "windows-1252" …). */
  encoding: string;
  /** The bytes themselves when they are exactly the UTF-8 of `text` (no BOM, CR or non-NFC). */
  utf8?: Uint8Array;
}

const ALIASES: Record<string, string> = {
  utf8: 'utf-8',
  'utf-8': 'utf-8',
  'utf-8-bom': 'utf-8',
  utf16: 'utf-16le',
  'utf-16': 'utf-16le',
  utf16le: 'utf-16le',
  'utf-16le': 'utf-16le',
  utf16be: 'utf-16be',
  'utf-16be': 'utf-16be',
  cp1252: 'windows-1252',
  'windows-1252': 'windows-1252',
  win1252: 'windows-1252',
  ansi: 'windows-1252',
  latin1: 'iso-8859-1',
  'latin-1': 'iso-8859-1',
  'iso-8859-1': 'iso-8859-1',
  'iso-8859-15': 'iso-8859-15',
  cp850: 'cp850',
  ibm850: 'cp850',
  'mac-roman': 'macintosh',
  macroman: 'macintosh',
  macintosh: 'macintosh',
};

/** The canonical name of an encoding the user typed, or a UserError listing what is known. */
export function canonicalEncoding(name: string): string {
  const key = name.trim().toLowerCase();
  const known = ALIASES[key];
  if (known) return known;
  if (iconv().encodingExists(key)) return key;
  const tryThese = 'utf-8, utf-16le, utf-16be, windows-1252, iso-8859-1';
  throw new UserError('bad-encoding', `unknown encoding "${name}" (try ${tryThese})`, undefined, `okänd teckenkodning ”${name}” (prova ${tryThese})`);
}

export function decodeText(buf: Uint8Array, override?: string | null): Decoded {
  const bytes = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  if (override) {
    const encoding = canonicalEncoding(override);
    return { text: finish(decodeAs(stripBom(bytes, encoding), encoding)), encoding };
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: finish(strictUtf8(bytes.subarray(3)) ?? iconv().decode(bytes.subarray(3), 'utf-8')), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: finish(iconv().decode(bytes.subarray(2), 'utf-16le')), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: finish(iconv().decode(bytes.subarray(2), 'utf-16be')), encoding: 'utf-16be' };
  const utf16 = utf16ByNulPattern(bytes);
  if (utf16) return { text: finish(iconv().decode(bytes, utf16)), encoding: utf16 };
  const utf8 = strictUtf8(bytes);
  if (utf8 !== undefined) {
    const text = finish(utf8);
    return text === utf8 ? { text, encoding: 'utf-8', utf8: bytes } : { text, encoding: 'utf-8' };
  }
  return { text: finish(iconv().decode(bytes, 'windows-1252')), encoding: 'windows-1252' };
}

function decodeAs(bytes: Buffer, encoding: string): string {
  if (encoding === 'utf-8') return new TextDecoder('utf-8').decode(bytes);
  return iconv().decode(bytes, encoding);
}

function stripBom(bytes: Buffer, encoding: string): Buffer {
  if (encoding === 'utf-8' && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3);
  if (encoding === 'utf-16le' && bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2);
  if (encoding === 'utf-16be' && bytes[0] === 0xfe && bytes[1] === 0xff) return bytes.subarray(2);
  return bytes;
}

/** The text if the bytes are valid UTF-8 (checked by Node's SIMD validator, then decoded). */
function strictUtf8(bytes: Uint8Array): string | undefined {
  if (!isUtf8(bytes)) return undefined;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

/**
 * Text in UTF-16 without a BOM has a NUL in every other byte for Latin script; which half
 * holds the NULs tells the byte order. Binary files have NULs too, but scattered.
 */
function utf16ByNulPattern(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 2) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) { if (i % 2) odd++; else even++; }
  const half = n / 2;
  if (odd > half * 0.3 && even < half * 0.02) return 'utf-16le';
  if (even > half * 0.3 && odd < half * 0.02) return 'utf-16be';
  return undefined;
}

function finish(text: string): string {
  return normalizeText(text.replace(/^\uFEFF/, ''));
}

/**
 * Whether decoded "text" is really binary: NUL or many other control characters mean the
 * bytes were not text (an image renamed .txt, a damaged file).
 */
export function looksBinary(text: string): boolean {
  const sample = text.length > 16384 ? text.slice(0, 16384) : text;
  if (sample.includes('\0')) return true;
  // counting control characters is the point of this test for binary data
  // eslint-disable-next-line no-control-regex
  const control = sample.match(/[\x01-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd]/g)?.length ?? 0;
  return sample.length > 0 && control / sample.length > 0.02;
}
