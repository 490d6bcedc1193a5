/**
 * The provenance page of a DOCX export, apart from provenance.ts so that reading what an export
 * is made of (the handlers do it at start) does not load the Word writer.
 */
import { Paragraph, type FileChild } from 'docx';
import type { Provenance } from './provenance';
import { docxTable, heading } from './report-docx';

/** The provenance as the last page of a DOCX: a page break, a heading and a two-column table. */
export function provenanceDocx(prov: Provenance): FileChild[] {
  return [
    new Paragraph({ pageBreakBefore: true, children: [] }),
    heading(prov.title, 2),
    docxTable({ header: ['', ''], rows: prov.rows.map(([k, v]) => [{ text: k, bold: true }, v]), widths: [1, 4], firstNumberColumn: 99, noHeader: true }),
  ];
}
