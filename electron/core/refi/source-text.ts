/**
 * The raw text of a REFI-QDA plain-text source: UTF-8 with or without a BOM (NVivo for
 * Windows and QualCoder write one), UTF-16 with a BOM, or, failing those, Windows-1252.
 * Only a leading BOM is removed; line ends and normalisation are left to positions.ts,
 * which keeps track of every position they move.
 */
import { isUtf8 } from 'node:buffer';
import type iconvNs from 'iconv-lite';
import { lazyRequire } from '../lazy-require';

const iconv = lazyRequire<typeof iconvNs>('iconv-lite');

export interface RawText {
  text: string;
  encoding: string;
  bom: boolean;
}

export function decodeSourceBytes(bytes: Buffer): RawText {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: bytes.subarray(2).toString('utf16le'), encoding: 'utf-16le', bom: true };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv().decode(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be', bom: true };
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  if (isUtf8(body)) return { text: body.toString('utf8'), encoding: 'utf-8', bom };
  return { text: iconv().decode(body, 'windows-1252'), encoding: 'windows-1252', bom: false };
}
