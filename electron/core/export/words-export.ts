/**
 * Word frequency tables as CSV (semicolon-separated with a BOM and decimal commas, as
 * Swedish Excel opens it) or XLSX (numbers as numbers, bold frozen header).
 */
import { loadExcelJS } from './load-exceljs';
import type { WordComparison, WordFrequencies } from '../search/words';

export type WordTable = { kind: 'frequencies'; data: WordFrequencies } | { kind: 'compare'; data: WordComparison; labelA: string; labelB: string };

interface Table {
  header: string[];
  rows: (string | number)[][];
}

function toTable(t: WordTable, lang: 'sv' | 'en'): Table {
  const sv = lang === 'sv';
  if (t.kind === 'frequencies') {
    return {
      header: sv ? ['Ord', 'Ordstam', 'Antal', 'Dokument', 'Per 1 000 ord'] : ['Word', 'Stem', 'Count', 'Documents', 'Per 1,000 words'],
      rows: t.data.rows.map((r) => [r.word, r.stem, r.count, r.documents, r.perThousand]),
    };
  }
  return {
    header: sv
      ? ['Ord', 'Ordstam', `Antal ${t.labelA}`, `Antal ${t.labelB}`, `Per 1 000 ${t.labelA}`, `Per 1 000 ${t.labelB}`, 'G²', 'Mer i']
      : ['Word', 'Stem', `Count ${t.labelA}`, `Count ${t.labelB}`, `Per 1,000 ${t.labelA}`, `Per 1,000 ${t.labelB}`, 'G²', 'More in'],
    rows: t.data.rows.map((r) => [r.word, r.stem, r.countA, r.countB, r.perThousandA, r.perThousandB, r.g2, r.more === 'A' ? t.labelA : r.more === 'B' ? t.labelB : '=']),
  };
}

export function wordTableCsv(t: WordTable, lang: 'sv' | 'en' = 'sv'): string {
  const table = toTable(t, lang);
  const cell = (v: string | number): string => {
    const s = typeof v === 'number' ? (lang === 'sv' ? String(v).replace('.', ',') : String(v)) : v;
    return /[;"\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const sep = lang === 'sv' ? ';' : ',';
  const line = (r: (string | number)[]): string => r.map(cell).join(sep);
  return `\uFEFF${[table.header, ...table.rows].map(line).join('\r\n')}\r\n`;
}

export async function wordTableXlsx(t: WordTable, lang: 'sv' | 'en' = 'sv'): Promise<Buffer> {
  const table = toTable(t, lang);
  const wb = new (await loadExcelJS()).Workbook();
  wb.creator = 'Rödtråd';
  const ws = wb.addWorksheet(lang === 'sv' ? 'Ordfrekvenser' : 'Word frequencies', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(table.header).font = { bold: true };
  for (const r of table.rows) ws.addRow(r);
  ws.columns.forEach((c, i) => {
    c.width = i < 2 ? 24 : 14;
    if (table.header[i]?.startsWith('Per') || table.header[i] === 'G²') c.numFmt = '0.000';
  });
  // exceljs returns its own Buffer type; the bytes are what we need.
  return Buffer.from(await wb.xlsx.writeBuffer());
}
