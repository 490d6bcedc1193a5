/**
 * Real files for the import tests, written with the libraries (docx, jszip, exceljs) or by
 * hand where no library writes the format (a minimal PDF, RTF, a raw zip for bombs).
 */
import { createDeflateRaw, deflateRawSync, crc32 } from 'node:zlib';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import iconv from 'iconv-lite';

/** A DOCX where each paragraph may start with a bold run (the speaker). */
export async function makeDocx(paragraphs: { bold?: string; text: string }[]): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: paragraphs.map(
          (p) => new Paragraph({ children: [...(p.bold ? [new TextRun({ text: p.bold, bold: true })] : []), new TextRun(p.text)] }),
        ),
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** A DOCX package whose word/document.xml is the given XML (for hostile XML). */
export async function docxWithXml(documentXml: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await makeDocx([{ text: 'x' }]));
  zip.file('word/document.xml', documentXml);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const ODT_NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:xsl-compatible:xmlns:xsl-fo-compatible:1.0"';

/** An ODT with the given body XML (text:p elements …) and a bold automatic style "B". */
export async function makeOdt(bodyXml: string, prolog = ''): Promise<Buffer> {
  const content = `<?xml version="1.0" encoding="UTF-8"?>${prolog}
<office:document-content ${ODT_NS} office:version="1.3"><office:automatic-styles><style:style style:name="B" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style></office:automatic-styles><office:body><office:text>${bodyXml}</office:text></office:body></office:document-content>`;
  const zip = new JSZip();
  zip.file('mimetype', 'application/vnd.oasis.opendocument.text', { compression: 'STORE' });
  zip.file('content.xml', content);
  zip.file(
    'META-INF/manifest.xml',
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>',
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

export async function makeXlsx(rows: (string | number | Date | boolean | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Svar');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Minimal one-page PDF with Helvetica text lines (WinAnsi, so åäö are single bytes). */
export function makePdf(lines: string[], options: { encrypt?: boolean; imageOnly?: boolean } = {}): Buffer {
  const esc = (s: string): string => s.replace(/[\\()]/g, (c) => `\\${c}`);
  const content = options.imageOnly
    ? '0.2 0.4 0.6 rg 72 500 300 200 re f'
    : `BT /F1 12 Tf 72 770 Td 16 TL ${lines.map((l) => `(${esc(l)}) Tj T*`).join(' ')} ET`;
  const contentBytes = iconv.encode(content, 'windows-1252');
  const objects: Buffer[] = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    Buffer.from('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>'),
    Buffer.concat([Buffer.from(`<< /Length ${contentBytes.length} >>\nstream\n`), contentBytes, Buffer.from('\nendstream')]),
    Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'),
  ];
  if (options.encrypt) {
    objects.push(Buffer.from(`<< /Filter /Standard /V 1 /R 2 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> /P -44 >>`));
  }
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let pos = parts[0]!.length;
  objects.forEach((o, i) => {
    const b = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), o, Buffer.from('\nendobj\n')]);
    offsets.push(pos);
    parts.push(b);
    pos += b.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n`, '0000000000 65535 f \n', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  const enc = options.encrypt ? ` /Encrypt ${objects.length} 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>]` : '';
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${enc} >>\nstartxref\n${pos}\n%%EOF\n`));
  return Buffer.concat(parts);
}

/** An RTF with paragraphs; \'hh escapes for Windows-1252 characters as Word writes them. */
export function makeRtf(paragraphs: string[]): Buffer {
  const body = paragraphs
    .map((p) =>
      [...p]
        .map((ch) => {
          const code = ch.codePointAt(0)!;
          if (ch === '\\' || ch === '{' || ch === '}') return `\\${ch}`;
          if (code < 128) return ch;
          const b = iconv.encode(ch, 'windows-1252');
          return b.length === 1 && b[0] !== 0x3f ? `\\'${b[0]!.toString(16)}` : `\\u${code}?`;
        })
        .join(''),
    )
    .map((p) => `\\pard ${p}\\par\n`)
    .join('');
  return Buffer.from(`{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Arial;}}\n${body}}`, 'latin1');
}

/** A zip written by hand, so sizes, entry counts, names and Unix modes (a symbolic link: 0o120777) can be whatever a test needs. */
export function rawZip(entries: { name: string; data?: Buffer; deflated?: Buffer; size?: number; crc?: number; mode?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const data = e.deflated ?? deflateRawSync(e.data ?? Buffer.alloc(0));
    const size = e.size ?? e.data?.length ?? 0;
    const crc = e.crc ?? crc32(e.data ?? Buffer.alloc(0));
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    // "made by" Unix when a mode is given, so readers take the external attributes as st_mode
    central.writeUInt16LE(e.mode === undefined ? 20 : (3 << 8) | 20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    if (e.mode !== undefined) central.writeUInt32LE((e.mode << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** Deflated zeros, compressed as a stream so the test itself stays small in memory. */
export async function deflatedZeros(bytes: number): Promise<{ deflated: Buffer; crc: number }> {
  const chunk = Buffer.alloc(1024 * 1024);
  const deflater = createDeflateRaw({ level: 9 });
  const parts: Buffer[] = [];
  deflater.on('data', (b: Buffer) => parts.push(b));
  const finished = new Promise<void>((resolve, reject) => {
    deflater.on('end', resolve);
    deflater.on('error', reject);
  });
  let crc = 0;
  for (let done = 0; done < bytes; done += chunk.length) {
    const piece = chunk.subarray(0, Math.min(chunk.length, bytes - done));
    crc = crc32(piece, crc);
    if (!deflater.write(piece)) await new Promise((r) => deflater.once('drain', r));
  }
  deflater.end();
  await finished;
  return { deflated: Buffer.concat(parts), crc };
}
