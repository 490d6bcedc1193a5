/**
 * A labelled grid of numbers (code rows × columns), written as XLSX (numbers stay numbers,
 * frozen header row and code column, a heat-map colour scale) or CSV (UTF-8 with BOM; in
 * Swedish ';' between fields and a decimal comma, in English ',' and a decimal point).
 */
import { loadExcelJS } from './load-exceljs';
import { addProvenanceSheet, type Provenance } from './provenance';

export interface GridRow {
  label: string;
  /** Code path for CSV, where indentation would be lost. */
  path: string;
  depth: number;
  values: number[];
}

export interface Grid {
  sheetName: string;
  corner: string;
  columns: { label: string; numFmt?: string }[];
  rows: GridRow[];
  /** Decimals to print in CSV (0 for counts, 1 for percents). */
  decimals: number;
  /** CSV text per cell instead of the number (e.g. "22 av 30"). */
  csvText?: (row: number, col: number) => string | undefined;
  language: 'sv' | 'en';
  heatMap?: boolean;
}

export async function gridXlsx(g: Grid, provenance?: Provenance): Promise<Buffer> {
  const wb = new (await loadExcelJS()).Workbook();
  wb.creator = 'Rödtråd';
  const ws = wb.addWorksheet(g.sheetName.replace(/[\\/*?:[\]]/g, ' ').slice(0, 31) || 'Sheet1', {
    views: [{ state: 'frozen', xSplit: 1, ySplit: 1, topLeftCell: 'B2', activeCell: 'B2' }],
  });
  const header = ws.addRow([g.corner, ...g.columns.map((c) => c.label)]);
  header.font = { bold: true };
  header.alignment = { vertical: 'bottom', wrapText: true };
  for (const r of g.rows) {
    const row = ws.addRow([r.label, ...r.values]);
    row.getCell(1).alignment = { indent: Math.min(r.depth * 2, 15) };
    if (r.depth === 0) row.getCell(1).font = { bold: true };
    g.columns.forEach((c, i) => {
      if (c.numFmt) row.getCell(i + 2).numFmt = c.numFmt;
    });
  }
  ws.getColumn(1).width = Math.min(60, Math.max(14, ...g.rows.map((r) => r.label.length + r.depth * 2 + 2)));
  g.columns.forEach((c, i) => {
    ws.getColumn(i + 2).width = Math.min(24, Math.max(8, c.label.length + 2));
  });
  if (g.heatMap && g.rows.length > 0 && g.columns.length > 0) {
    const last = ws.getColumn(g.columns.length + 1).letter;
    ws.addConditionalFormatting({
      ref: `B2:${last}${g.rows.length + 1}`,
      rules: [
        {
          type: 'colorScale',
          priority: 1,
          cfvo: [{ type: 'min' }, { type: 'max' }],
          color: [{ argb: 'FFFFFFFF' }, { argb: 'FFE06666' }],
        },
      ],
    });
  }
  if (provenance) addProvenanceSheet(wb, provenance, provenance.title.slice(0, 31));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function gridCsv(g: Grid): Buffer {
  const sep = g.language === 'sv' ? ';' : ',';
  const field = (s: string): string => (s.includes(sep) || /["\n\r]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s);
  // Plain digits in CSV (no thousands separator), so spreadsheets read the numbers back; values are already rounded.
  const num = (x: number): string => {
    const s = g.decimals > 0 ? x.toFixed(g.decimals) : String(Math.round(x));
    return g.language === 'sv' ? s.replace('.', ',') : s;
  };
  const lines = [[g.corner, ...g.columns.map((c) => c.label)].map(field).join(sep)];
  g.rows.forEach((r, ri) => {
    lines.push([r.path, ...r.values.map((v, ci) => g.csvText?.(ri, ci) ?? num(v))].map(field).join(sep));
  });
  return Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
}
