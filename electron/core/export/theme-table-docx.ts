/**
 * A theme table as a Word document: the caption above, a real table with merged full-width
 * title rows, the two-column section as two cells side by side, and real bullet lists
 * (numbering definitions with ▪ and – as in the article), in a serif font that has åäö.
 */
import {
  AlignmentType, BorderStyle, Document, LevelFormat, Packer, PageOrientation, Paragraph, ShadingType, Table, TableCell,
  TableLayoutType, TableRow, TextRun, WidthType,
} from 'docx';
import type { ThemeBullet, ThemeTable } from '../../../shared/contract/tables';
import type { Provenance } from './provenance';
import { provenanceDocx } from './provenance-docx';
import { BULLET_MARKS, bulletLabel, gridWidth, noteText, quoteMarks } from '../../../shared/tables/theme-table-render';

const FONT = 'Times New Roman';
const SIZE = 21; // half-points: 10.5 pt, as journal tables
const NUMBERING = 'rodtrad-theme-bullets';
// A4 in twips, 2 cm margins.
const A4_W = 11906;
const A4_H = 16838;
const MARGIN = 1134;

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: border, bottom: border, left: border, right: border };

export async function themeTableDocx(t: ThemeTable, provenance?: Provenance): Promise<Buffer> {
  const lang = t.options.language;
  const width = gridWidth(t);
  const contentWidth = (t.options.landscape ? A4_H : A4_W) - 2 * MARGIN;
  const colWidth = Math.floor(contentWidth / width);

  const bullets = (items: ThemeBullet[], level: number): Paragraph[] =>
    items.flatMap((b) => [
      new Paragraph({
        numbering: { reference: NUMBERING, level: Math.min(level, 8) },
        spacing: { before: 0, after: 20 },
        children: [new TextRun({ text: bulletLabel(b) })],
      }),
      ...b.quotes.map(
        (q) =>
          new Paragraph({
            indent: { left: 360 * (level + 1) + 40 },
            spacing: { before: 0, after: 40 },
            children: [
              new TextRun({ text: quoteMarks(q.text, lang), italics: true, size: SIZE - 2 }),
              ...(q.source ? [new TextRun({ text: ` ${q.source}`, size: SIZE - 2 })] : []),
            ],
          }),
      ),
      ...bullets(b.children, level + 1),
    ]);

  const rows: TableRow[] = [];
  for (const s of t.sections) {
    rows.push(
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({
            columnSpan: width,
            borders,
            shading: { type: ShadingType.CLEAR, fill: 'F2F2F2', color: 'auto' },
            margins: { top: 60, bottom: 60, left: 100, right: 100 },
            children: [new Paragraph({ keepNext: true, children: [new TextRun({ text: s.countText ? `${s.title} ${s.countText}` : s.title, bold: true })] })],
          }),
        ],
      }),
    );
    const cells = s.columns.map((c, i) => {
      const span = i === s.columns.length - 1 ? width - i : 1;
      const title = c.title
        ? [new Paragraph({ spacing: { after: 60 }, children: [new TextRun({ text: c.countText ? `${c.title} ${c.countText}` : c.title, bold: true })] })]
        : [];
      const body = bullets(c.items, 0);
      return new TableCell({
        columnSpan: span > 1 ? span : undefined,
        width: { size: colWidth * span, type: WidthType.DXA },
        borders,
        margins: { top: 60, bottom: 60, left: 100, right: 100 },
        children: [...title, ...body].length > 0 ? [...title, ...body] : [new Paragraph('')],
      });
    });
    if (cells.length === 0) cells.push(new TableCell({ columnSpan: width, borders, children: [new Paragraph('')] }));
    rows.push(new TableRow({ children: cells }));
  }

  const table = new Table({
    width: { size: contentWidth, type: WidthType.DXA },
    columnWidths: Array.from({ length: width }, () => colWidth),
    layout: TableLayoutType.FIXED,
    rows,
  });

  const children: (Paragraph | Table)[] = [];
  if (t.caption) {
    children.push(new Paragraph({ keepNext: true, spacing: { after: 120 }, children: [new TextRun({ text: t.caption, bold: true })] }));
  }
  children.push(table);
  if (t.options.counts !== 'none') {
    children.push(new Paragraph({ spacing: { before: 80 }, children: [new TextRun({ text: noteText(t), size: SIZE - 3 })] }));
  }
  if (provenance) children.push(...(provenanceDocx(provenance) as (Paragraph | Table)[]));

  const doc = new Document({
    creator: 'Rödtråd',
    title: t.caption || undefined,
    styles: { default: { document: { run: { font: FONT, size: SIZE }, paragraph: { spacing: { after: 0 } } } } },
    numbering: {
      config: [
        {
          reference: NUMBERING,
          levels: Array.from({ length: 9 }, (_, level) => ({
            level,
            format: LevelFormat.BULLET,
            text: BULLET_MARKS[Math.min(level, BULLET_MARKS.length - 1)]!,
            alignment: AlignmentType.LEFT,
            style: {
              paragraph: { indent: { left: 300 + 340 * level, hanging: 260 } },
              // DejaVu/Arial carry ▪ and – in every office suite; the label text keeps the serif font.
              run: { font: level === 0 ? 'Arial' : FONT },
            },
          })),
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4_W, height: A4_H, orientation: t.options.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
