/**
 * Tables from CSV (papaparse: delimiter guessed, BOM and encoding handled by decodeText)
 * and XLSX (exceljs, first worksheet, after the zip checks). Cells keep their type:
 * numbers, dates and booleans from Excel stay numbers, dates and booleans.
 */
import type ExcelJS from 'exceljs';
import type PapaNs from 'papaparse';
import { lazyRequire } from '../../lazy-require';
import { decodeText, looksBinary } from '../encoding';
import { guardZip } from './docx';
import { badFile, type ReadContext } from './types';

const papa = lazyRequire<typeof PapaNs>('papaparse');

export type Cell = string | number | boolean | Date | null;

export interface Table {
  header: string[];
  rows: Cell[][];
  encoding: string | null;
}

export async function readTable(bytes: Buffer, ext: string, ctx: ReadContext): Promise<Table> {
  const table = ext === 'xlsx' ? await readXlsx(bytes, ctx) : readCsv(bytes, ctx);
  if (table.header.length === 0 || table.header.every((h) => !h)) throw badFile(ctx.file, 'the table has no header row', 'tabellen har ingen rubrikrad');
  return table;
}

/** CSV is read synchronously (the sample project is built without a job). */
export function readCsv(bytes: Buffer, ctx: ReadContext): Table {
  const { text, encoding } = decodeText(bytes, ctx.encoding);
  if (!text.trim()) throw badFile(ctx.file, 'the file is empty', 'filen är tom');
  if (looksBinary(text)) throw badFile(ctx.file, 'this is not a CSV file: the bytes are not text', 'det här är ingen CSV-fil: innehållet är inte text');
  const parsed = papa().parse<string[]>(text, { skipEmptyLines: 'greedy', delimitersToGuess: [',', ';', '\t', '|'] });
  const rows = parsed.data.map((r) => r.map((c) => (c.trim() === '' ? null : c.trim())));
  const [header, ...body] = rows;
  return { header: (header ?? []).map((h) => String(h ?? '').trim()), rows: body, encoding };
}

async function readXlsx(bytes: Buffer, ctx: ReadContext): Promise<Table> {
  const report = await guardZip(bytes, ctx, 'XLSX');
  if (!report.entries.includes('xl/workbook.xml')) throw badFile(ctx.file, 'not an Excel workbook: the archive has no xl/workbook.xml (damaged, or another format renamed .xlsx)', 'ingen Excel-arbetsbok: arkivet saknar xl/workbook.xml (skadad, eller en fil i ett annat format med namnet .xlsx)');
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    // exceljs's typings want its own Buffer type; a Node Buffer is what it reads
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw badFile(ctx.file, `the Excel workbook cannot be read (${(e as Error).message})`, `Excel-arbetsboken går inte att läsa (${(e as Error).message})`);
  }
  const ws = wb.worksheets[0];
  if (!ws) throw badFile(ctx.file, 'the Excel workbook has no worksheet', 'Excel-arbetsboken har inget kalkylblad');
  const rows: Cell[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const values: Cell[] = [];
    for (let c = 1; c <= ws.columnCount; c++) values.push(cellValue(row.getCell(c).value));
    if (values.some((v) => v !== null)) rows.push(values);
  });
  const [header, ...body] = rows;
  return { header: (header ?? []).map((h) => (h === null ? '' : cellText(h))), rows: body, encoding: null };
}

function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('').trim() || null;
    if ('result' in v) return cellValue(v.result as ExcelJS.CellValue);
    if ('text' in v && typeof v.text === 'string') return v.text.trim() || null;
    if ('error' in v) return null;
  }
  return String(v);
}

export function cellText(v: Cell): string {
  if (v === null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}
