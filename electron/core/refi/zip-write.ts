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
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(stored ? 0 : 8, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const head = Buffer.alloc(46);
    head.writeUInt32LE(0x02014b50, 0);
    head.writeUInt16LE((3 << 8) | 20, 4); // made by Unix, zip 2.0
    head.writeUInt16LE(20, 6);
    head.writeUInt16LE(UTF8_NAMES, 8);
    head.writeUInt16LE(stored ? 0 : 8, 10);
    head.writeUInt16LE(time, 12);
    head.writeUInt16LE(date, 14);
    head.writeUInt32LE(crc, 16);
    head.writeUInt32LE(body.length, 20);
    head.writeUInt32LE(raw.length, 24);
    head.writeUInt16LE(name.length, 28);
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
