/**
 * Exporting the quotation manager's rows as CSV or XLSX. One row per quotation and code
 * (the codes the filter asked for, or all its codes), so each code path can be spread over
 * level columns; a quotation without codes gets one row with empty code columns.
 * Columns: document, document attributes, speaker, code path, level 1…n, text, comment,
 * coder, created, start, end. CSV is UTF-8 with BOM; ';' between fields in Swedish, ',' in English.
 */
import { guardedExport } from '../privacy/export-guard';
import type { ExportPrivacy } from '../../../shared/contract/privacy';
import path from 'node:path';
import { loadExcelJS } from './load-exceljs';
import type PapaNs from 'papaparse';
import { lazyRequire } from '../lazy-require';
import type { Project } from '../project/project';
import { codePaths, codeSets, queryQuotations, type QuotationQueryInput } from '../coding/query';
import { joinCodePath } from '../coding/codes';
import { IN_LIST, listParam } from '../db/sql-list';
import { withoutSpeakerLead } from '../../../shared/text/speaker-lead';
import { wording } from '../../../shared/wording';
import { addProvenanceSheet, provenanceOf, type Provenance } from './provenance';

const NO_LABELS: ReadonlySet<string> = new Set();

const papa = lazyRequire<typeof PapaNs>('papaparse');

export interface QuotationExportInput extends QuotationQueryInput {
  format: 'csv' | 'xlsx';
  path?: string;
  language?: 'sv' | 'en';
  pseudonymise?: boolean;
}

export interface QuotationExportResult {
  rows: number;
  path: string | null;
  fileName: string;
  mimeType: string;
  base64: string | null;
  privacy?: ExportPrivacy;
}

const HEADERS = {
  sv: { document: 'Dokument', speaker: 'Talare', code: 'Kod', level: 'Nivå', text: 'Text', comment: 'Kommentar', coder: 'Kodare', created: 'Skapad', start: 'Start', end: 'Slut', sheet: 'Citat', file: 'citat' },
  en: { document: 'Document', speaker: 'Speaker', code: 'Code', level: 'Level', text: 'Text', comment: 'Comment', coder: 'Coder', created: 'Created', start: 'Start', end: 'End', sheet: 'Quotations', file: 'quotations' },
};

export interface ExportTable {
  header: string[];
  rows: (string | number | Date)[][];
  /** Index of the date column (a real date in XLSX). */
  dateColumn?: number;
  /** Index of the text column (wide, wrapped in XLSX). */
  textColumn: number;
}

export function quotationTable(p: Project, q: QuotationQueryInput, language: 'sv' | 'en'): ExportTable {
  const h = HEADERS[language];
  const { rows } = queryQuotations(p, q);
  const paths = codePaths(p);
  const wanted = codeSets(p, q);
  const allowed = wanted.length ? new Set(wanted.flat()) : null;
  const attributeNames = (
    p.db.prepare(`SELECT name FROM attributes WHERE scope = 'document' ORDER BY position, id`).pluck().all() as string[]
  ).filter((n) => rows.some((r) => r.attributes[n] !== undefined));
  // Speaker labels per document, so a quote never starts with its turn's "AL:".
  const labels = new Map<number, Set<string>>();
  for (const [doc, label] of p.db.prepare(`SELECT document_id, label FROM speakers WHERE document_id ${IN_LIST}`).raw().all(listParam([...new Set(rows.map((r) => r.documentId))])) as [number, string][]) {
    let set = labels.get(doc);
    if (!set) labels.set(doc, (set = new Set()));
    set.add(label);
  }
  const lines: { row: (typeof rows)[number]; code: string[] | null }[] = [];
  for (const r of rows) {
    const codes = r.codeIds.filter((c) => !allowed || allowed.has(c)).map((c) => paths.get(c) ?? []);
    codes.sort((a, b) => joinCodePath(a).localeCompare(joinCodePath(b), 'sv'));
    if (codes.length === 0) lines.push({ row: r, code: null });
    for (const c of codes) lines.push({ row: r, code: c });
  }
  const depth = Math.max(1, ...lines.map((l) => l.code?.length ?? 0));
  const header = [
    h.document, ...attributeNames, h.speaker, h.code,
    ...Array.from({ length: depth }, (_, i) => `${h.level} ${i + 1}`),
    h.text, h.comment, h.coder, h.created, h.start, h.end,
  ];
  const out = lines.map(({ row: r, code }) => [
    r.documentName,
    ...attributeNames.map((n) => r.attributes[n] ?? ''),
    r.speaker ?? '',
    code ? joinCodePath(code) : '',
    ...Array.from({ length: depth }, (_, i) => code?.[i] ?? ''),
    withoutSpeakerLead(r.text, labels.get(r.documentId) ?? NO_LABELS),
    r.comment ?? '',
    r.coder ?? '',
    new Date(r.createdAt),
    r.start,
    r.end,
  ]);
  return { header, rows: out, textColumn: header.indexOf(h.text), dateColumn: header.indexOf(h.created) };
}

/** A date as spreadsheets read it in a CSV cell: "2026-12-05 08:38" (local time). */
function csvDate(d: Date): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

export function tableCsv(t: ExportTable, language: 'sv' | 'en'): Buffer {
  const csv = papa().unparse([t.header, ...t.rows.map((r) => r.map((c) => (c instanceof Date ? csvDate(c) : String(c))))], { delimiter: language === 'sv' ? ';' : ',', newline: '\r\n' });
  return Buffer.from(`\uFEFF${csv}\r\n`, 'utf8');
}

export async function tableXlsx(t: ExportTable, sheetName: string, provenance?: Provenance): Promise<Buffer> {
  const wb = new (await loadExcelJS()).Workbook();
  wb.creator = 'Rödtråd';
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }] });
  const header = ws.addRow(t.header);
  header.font = { bold: true };
  for (const r of t.rows) ws.addRow(r);
  t.header.forEach((name, i) => {
    const col = ws.getColumn(i + 1);
    if (i === t.dateColumn) {
      col.numFmt = 'yyyy-mm-dd hh:mm';
      col.width = 17;
      col.alignment = { vertical: 'top' };
    } else if (i === t.textColumn) {
      col.width = 80;
      col.alignment = { wrapText: true, vertical: 'top' };
    } else {
      const longest = Math.max(name.length, ...t.rows.slice(0, 500).map((r) => String(r[i] ?? '').length));
      col.width = Math.min(40, Math.max(8, longest + 2));
      col.alignment = { vertical: 'top' };
    }
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: t.header.length } };
  if (provenance) addProvenanceSheet(wb, provenance, provenance.title.slice(0, 31));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const MIME = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Writes through a temporary file and a rename (a failed export never leaves half a file), through the privacy guard. */
async function writeOrReturn(p: Project, bytes: Buffer, format: 'csv' | 'xlsx', defaultName: string, target: string | undefined, rows: number, pseudonymise: boolean | undefined): Promise<QuotationExportResult> {
  const out = await guardedExport(p, bytes, format, target, pseudonymise);
  if (!out.path) return { rows, path: null, fileName: `${defaultName}.${format}`, mimeType: MIME[format], base64: out.bytes.toString('base64'), privacy: out.privacy };
  return { rows, path: out.path, fileName: path.basename(out.path), mimeType: MIME[format], base64: null, privacy: out.privacy };
}

export async function exportQuotations(p: Project, input: QuotationExportInput): Promise<QuotationExportResult> {
  const language = input.language ?? 'sv';
  const t = quotationTable(p, input, language);
  const prov = (): Provenance =>
    provenanceOf(p, {
      language,
      filter: input.documentIds ? { documentIds: input.documentIds, where: input.where } : { where: input.where },
      codes: input.codeIds ? input.codeIds.map((id) => joinCodePath(codePaths(p).get(id) ?? [])) : [],
      countingRule: wording(language).quotationCountingRule(),
      pseudonymise: input.pseudonymise,
    });
  const bytes = input.format === 'csv' ? tableCsv(t, language) : await tableXlsx(t, HEADERS[language].sheet, prov());
  return writeOrReturn(p, bytes, input.format, HEADERS[language].file, input.path, t.rows.length, input.pseudonymise);
}
