/**
 * Building blocks for the report DOCX files (term report, frequency tables): captions above
 * tables as the Swedish reports set them, real Word tables with a repeated header row, bold
 * total rows, right-aligned figures, charts as PNG images, notes in small print.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  ImageRun,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type FileChild,
} from 'docx';

/** A font Word has everywhere and LibreOffice maps to Liberation Sans (metric-compatible, åäö). */
export const DOCX_FONT = 'Arial';
/** Text width of an A4 page with 2.5 cm margins, in twentieths of a point. */
export const TEXT_WIDTH_TWIPS = 9070;

export interface DocxTableSpec {
  header: string[];
  rows: DocxCell[][];
  /** Relative column widths; default first column 3 parts, the rest 1 each. */
  widths?: number[];
  /** Row indexes (in rows) printed bold: totals. */
  boldRows?: number[];
  /** Figures from this column on are right-aligned (default 1). */
  firstNumberColumn?: number;
  fontSize?: number;
  /** No header row (a label/value table). */
  noHeader?: boolean;
}

/** A cell: plain text, or lines (the second and later lines smaller and grey: "73,3 %" under "22 av 30"). */
export type DocxCell = string | { lines: string[] } | { text: string; bold?: boolean };

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '999999' };

export function caption(text: string): Paragraph {
  return new Paragraph({ spacing: { before: 240, after: 80 }, keepNext: true, children: [new TextRun({ text, bold: true, font: DOCX_FONT, size: 22 })] });
}

export function heading(text: string, level: 1 | 2 = 1): Paragraph {
  return new Paragraph({
    spacing: { before: level === 1 ? 0 : 320, after: 120 },
    keepNext: true,
    children: [new TextRun({ text, bold: true, font: DOCX_FONT, size: level === 1 ? 32 : 26 })],
  });
}

export function subheading(text: string): Paragraph {
  return new Paragraph({ spacing: { before: 160, after: 60 }, keepNext: true, children: [new TextRun({ text, bold: true, font: DOCX_FONT, size: 22 })] });
}

export function paragraph(text: string, options: { size?: number; italic?: boolean; bullet?: boolean; before?: number } = {}): Paragraph {
  return new Paragraph({
    spacing: { after: 80, ...(options.before ? { before: options.before } : {}) },
    ...(options.bullet ? { bullet: { level: 0 } } : {}),
    children: [new TextRun({ text, font: DOCX_FONT, size: options.size ?? 22, italics: options.italic })],
  });
}

export function notes(lines: readonly string[]): Paragraph[] {
  return lines.map((l) => new Paragraph({ spacing: { after: 40 }, children: [new TextRun({ text: l, font: DOCX_FONT, size: 17, italics: true, color: '444444' })] }));
}

export function docxTable(spec: DocxTableSpec): Table {
  const cols = spec.header.length;
  const rel = spec.widths ?? [3, ...Array.from({ length: cols - 1 }, () => 1)];
  const sum = rel.reduce((a, b) => a + b, 0);
  const widths = rel.map((w) => Math.floor((w / sum) * TEXT_WIDTH_TWIPS));
  const size = spec.fontSize ?? 20;
  const firstNum = spec.firstNumberColumn ?? 1;
  const bold = new Set(spec.boldRows ?? []);

  const cell = (c: DocxCell, col: number, opts: { header?: boolean; bold?: boolean }): TableCell => {
    const align = col >= firstNum ? AlignmentType.RIGHT : AlignmentType.LEFT;
    const lines = typeof c === 'string' ? [c] : 'lines' in c ? c.lines : [c.text];
    const isBold = opts.header || opts.bold || (typeof c === 'object' && 'bold' in c && c.bold === true);
    return new TableCell({
      width: { size: widths[col]!, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER },
      ...(opts.header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E8ECF0' } } : {}),
      children: lines.map(
        (l, i) =>
          new Paragraph({
            alignment: opts.header && col >= firstNum ? AlignmentType.RIGHT : align,
            children: [new TextRun({ text: l, font: DOCX_FONT, size: i === 0 ? size : size - 3, bold: isBold && i === 0, color: i === 0 ? undefined : '555555' })],
          }),
      ),
    });
  };

  const rows = [
    // Only pass tableHeader when true: mammoth reads tblHeader val="off" as a header row too.
    ...(spec.noHeader ? [] : [new TableRow({ tableHeader: true, cantSplit: true, children: spec.header.map((h, i) => cell(h, i, { header: true })) })]),
    ...spec.rows.map((r, ri) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, i, { bold: bold.has(ri) })) })),
  ];
  return new Table({ rows, columnWidths: widths, layout: TableLayoutType.FIXED, width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA } });
}

/** A chart PNG scaled to the text width (at most `maxWidthPx` wide, in document pixels at 96 dpi). */
export function chartImage(png: Buffer, size: { width: number; height: number }, maxWidthPx = 600): Paragraph {
  const scale = Math.min(1, maxWidthPx / size.width);
  return new Paragraph({
    spacing: { before: 120, after: 120 },
    children: [new ImageRun({ type: 'png', data: png, transformation: { width: Math.round(size.width * scale), height: Math.round(size.height * scale) } })],
  });
}

export async function packDocx(children: FileChild[], meta: { title: string; language: 'sv' | 'en' }): Promise<Buffer> {
  const doc = new Document({
    title: meta.title,
    creator: 'Rödtråd',
    styles: { default: { document: { run: { font: DOCX_FONT, size: 22, language: { value: meta.language === 'sv' ? 'sv-SE' : 'en-GB' } } } } },
    sections: [{ properties: { page: { margin: { top: 1418, bottom: 1418, left: 1418, right: 1418 } } }, children }],
  });
  return Packer.toBuffer(doc);
}


/** Excel sheet names: at most 31 characters, none of []:*?/\ , unique in the workbook. */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31) || 'Blad';
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
  taken.add(name.toLowerCase());
  return name;
}
