/**
 * A zip archive written with Node's own zlib: each entry deflated natively (JSZip deflates in
 * JavaScript, which was two thirds of a large project's export), names in UTF-8, Unix file
 * modes, no folder entries. Plain zip, no zip64: an archive over 4 GB or 65,535 entries is
 * refused rather than written wrong.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import { UserError } from '../errors';

export interface ZipEntry {
  name: string;
  data: Buffer | string;
}

const UTF8_NAMES = 0x0800;
const MAX_32 = 0xffffffff;

/** MS-DOS date and time (local time, two-second resolution), as zip stores them. */
function dosTime(d: Date): { time: number; date: number } {
  const year = Math.max(1980, d.getFullYear());
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

interface Fields {
  method: number;
  time: number;
  date: number;
  crc: number;
  packed: number;
  size: number;
  nameLength: number;
}

/** Flags, method, time, date, CRC, sizes and the name's length, from `at` (6 in a local header, 8 in the central one). */
function writeFields(b: Buffer, at: number, f: Fields): void {
  b.writeUInt16LE(UTF8_NAMES, at);
  b.writeUInt16LE(f.method, at + 2);
  b.writeUInt16LE(f.time, at + 4);
  b.writeUInt16LE(f.date, at + 6);
  b.writeUInt32LE(f.crc, at + 8);
  b.writeUInt32LE(f.packed, at + 12);
  b.writeUInt32LE(f.size, at + 16);
  b.writeUInt16LE(f.nameLength, at + 20);
}

export function writeZip(entries: readonly ZipEntry[], modified: Date, level = 6): Buffer {
  if (entries.length > 0xffff) throw new UserError('too-large', `has ${entries.length} files, more than a plain zip holds (65,535)`, 'the archive', `har ${entries.length} filer, fler än ett vanligt zip-arkiv rymmer (65 535)`);
  const { time, date } = dosTime(modified);
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const raw = typeof e.data === 'string' ? Buffer.from(e.data, 'utf8') : e.data;
    const packed = deflateRawSync(raw, { level });
    // a file that does not shrink is stored as it is
    const stored = packed.length >= raw.length;
    const body = stored ? raw : packed;
    const crc = crc32(raw);
    if (offset > MAX_32 || body.length > MAX_32 || raw.length > MAX_32) {
      throw new UserError('too-large', 'is larger than a plain zip holds (4 GB)', 'the archive', 'är större än ett vanligt zip-arkiv rymmer (4 GB)');
    }
    // the fields from the flags to the name's length are laid out alike in both headers
    const fields = { method: stored ? 0 : 8, time, date, crc, packed: body.length, size: raw.length, nameLength: name.length };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    writeFields(local, 6, fields);
    const head = Buffer.alloc(46);
    head.writeUInt32LE(0x02014b50, 0);
    head.writeUInt16LE((3 << 8) | 20, 4); // made by Unix, zip 2.0
    head.writeUInt16LE(20, 6);
    writeFields(head, 8, fields);
    head.writeUInt32LE((0o100644 << 16) >>> 0, 38); // a regular file, rw-r--r--
    head.writeUInt32LE(offset, 42);
    central.push(head, name);
    parts.push(local, name, body);
    offset += local.length + name.length + body.length;
  }
  const cdSize = central.reduce((n, b) => n + b.length, 0);
  if (offset > MAX_32) throw new UserError('too-large', 'is larger than a plain zip holds (4 GB)', 'the archive', 'är större än ett vanligt zip-arkiv rymmer (4 GB)');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...central, end]);
}
