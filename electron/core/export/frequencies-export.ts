/**
 * Frequency tables (and coded open answers) to DOCX, XLSX, CSV and Markdown. Figures are
 * formatted by the report language (Swedish "17,1"); XLSX keeps numbers as numbers.
 */
import { loadExcelJS } from './load-exceljs';
import type PapaNs from 'papaparse';
import { lazyRequire } from '../lazy-require';
import type { FileChild } from 'docx';
import type { FrequencyReport, FrequencyTable, OpenAnswers } from '../../../shared/contract/reports';
import { formatInteger, formatPercentNumber, type Lang } from '../../../shared/format/numbers';
import { FREQ_TEXT } from '../analysis/frequencies';
import { caption, docxTable, heading, notes, packDocx, paragraph, sheetName } from './report-docx';
import { addProvenanceSheet, type Provenance } from './provenance';
import { provenanceDocx } from './provenance-docx';

const papa = lazyRequire<typeof PapaNs>('papaparse');

const HEAD = {
  sv: { title: 'Frekvenstabeller', table: 'Tabell', open: 'Öppna svar', openQuestion: (q: string) => `Öppna svar: ${q}`, category: 'Kategori', about: 'Om tabellerna', ranked: 'Totalt över alternativen' },
  en: { title: 'Frequency tables', table: 'Table', open: 'Open answers', openQuestion: (q: string) => `Open answers: ${q}`, category: 'Category', about: 'About the tables', ranked: 'Total over the choices' },
};

function tableCaption(tb: FrequencyTable, i: number, lang: Lang): string {
  return /^(tabell|table)\s/i.test(tb.title) ? tb.title : `${HEAD[lang].table} ${i + 1}. ${tb.title}`;
}

/** The rows of a table as text: label, Antal, Procent; "Ej svar" and "Totalt" last. */
export function frequencyRowsText(tb: FrequencyTable, lang: Lang): string[][] {
  const t = FREQ_TEXT[lang];
  const rows = tb.rows.map((r) => [r.label, formatInteger(r.count, lang), formatPercentNumber(r.percent, lang)]);
  if (tb.noAnswer) rows.push([t.noAnswer, formatInteger(tb.noAnswer.count, lang), formatPercentNumber(tb.noAnswer.percent, lang)]);
  rows.push([t.total, formatInteger(tb.total.count, lang), formatPercentNumber(tb.total.percent, lang)]);
  return rows;
}

function rankedRowsText(report: FrequencyReport, lang: Lang): { header: string[]; rows: string[][] } {
  const t = FREQ_TEXT[lang];
  const r = report.ranked!;
  return {
    header: ['', ...r.variables.map((_, i) => t.choice(i + 1)), t.total],
    rows: r.rows.map((x) => [x.label, ...x.counts.map((c) => formatInteger(c, lang)), formatInteger(x.total, lang)]),
  };
}

function openHeader(open: OpenAnswers): string[] {
  const t = FREQ_TEXT[open.language];
  return [HEAD[open.language].category, t.mentions, ...open.groups];
}

export async function frequenciesDocx(report: FrequencyReport, open?: OpenAnswers, provenance?: Provenance): Promise<Buffer> {
  const lang = report.language;
  const t = FREQ_TEXT[lang];
  const h = HEAD[lang];
  const children: FileChild[] = [heading(h.title)];
  report.tables.forEach((tb, i) => {
    children.push(caption(tableCaption(tb, i, lang)));
    const rows = frequencyRowsText(tb, lang);
    children.push(docxTable({ header: ['', t.count, t.percent], rows, widths: [4, 1, 1], boldRows: [rows.length - 1] }));
  });
  if (report.ranked) {
    const { header, rows } = rankedRowsText(report, lang);
    children.push(caption(`${h.table} ${report.tables.length + 1}. ${h.ranked}`));
    children.push(docxTable({ header, rows, widths: [4, ...header.slice(1).map(() => 1)] }));
    children.push(paragraph(report.ranked.sentence));
  }
  if (open) {
    children.push(heading(open.question ? h.openQuestion(open.question) : h.open, 2));
    for (const line of open.lines) children.push(paragraph(line, { bullet: true }));
  }
  children.push(heading(h.about, 2));
  children.push(...notes(report.notes));
  if (provenance) children.push(...provenanceDocx(provenance));
  return packDocx(children, { title: h.title, language: lang });
}

export async function frequenciesXlsx(report: FrequencyReport, open?: OpenAnswers, provenance?: Provenance): Promise<Buffer> {
  const lang = report.language;
  const t = FREQ_TEXT[lang];
  const h = HEAD[lang];
  const wb = new (await loadExcelJS()).Workbook();
  wb.creator = 'Rödtråd';
  const taken = new Set<string>();
  const bold = { bold: true } as const;
  report.tables.forEach((tb, i) => {
    const ws = wb.addWorksheet(sheetName(tb.variable, taken));
    ws.addRow([tableCaption(tb, i, lang)]).font = bold;
    ws.addRow(['', t.count, t.percent]).font = bold;
    for (const r of tb.rows) ws.addRow([r.label, r.count, r.percent]);
    if (tb.noAnswer) ws.addRow([t.noAnswer, tb.noAnswer.count, tb.noAnswer.percent]);
    ws.addRow([t.total, tb.total.count, tb.total.percent]).font = bold;
    ws.getColumn(1).width = Math.min(80, Math.max(16, ...tb.rows.map((r) => r.label.length + 2)));
    ws.getColumn(2).width = 9;
    ws.getColumn(3).width = 9;
    ws.getColumn(3).numFmt = '0.0';
    ws.views = [{ state: 'frozen', ySplit: 2 }];
  });
  if (report.ranked) {
    const ws = wb.addWorksheet(sheetName(h.ranked, taken));
    ws.addRow([h.ranked]).font = bold;
    ws.addRow(['', ...report.ranked.variables.map((_, i) => t.choice(i + 1)), t.total]).font = bold;
    for (const r of report.ranked.rows) ws.addRow([r.label, ...r.counts, r.total]);
    ws.addRow([]);
    ws.addRow([report.ranked.sentence]);
    ws.getColumn(1).width = Math.min(80, Math.max(16, ...report.ranked.rows.map((r) => r.label.length + 2)));
    ws.views = [{ state: 'frozen', ySplit: 2 }];
  }
  if (open) {
    const ws = wb.addWorksheet(sheetName(h.open, taken));
    ws.addRow(openHeader(open)).font = bold;
    for (const r of open.rows) ws.addRow([r.name, r.total, ...open.groups.map((g) => r.groups[g] ?? 0)]);
    ws.getColumn(1).width = 50;
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  const about = wb.addWorksheet(sheetName(h.about, taken));
  for (const n of report.notes) about.addRow([n]);
  about.getColumn(1).width = 140;
  if (provenance) addProvenanceSheet(wb, provenance, sheetName(provenance.title, taken));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** CSV: UTF-8 with BOM (Excel on Windows), ";" in Swedish (the decimal comma), "," in English; tables one after another. */
export function frequenciesCsv(report: FrequencyReport, open?: OpenAnswers): string {
  const lang = report.language;
  const t = FREQ_TEXT[lang];
  const h = HEAD[lang];
  const lines: string[][] = [];
  report.tables.forEach((tb, i) => {
    if (i > 0) lines.push([]);
    lines.push([tableCaption(tb, i, lang)]);
    lines.push(['', t.count, t.percent]);
    lines.push(...frequencyRowsText(tb, lang).map((r) => r.map((c) => c.replace(/\u00a0/g, ''))));
  });
  if (report.ranked) {
    const { header, rows } = rankedRowsText(report, lang);
    lines.push([], [h.ranked], header, ...rows);
  }
  if (open) {
    lines.push([], [open.question ? h.openQuestion(open.question) : h.open], openHeader(open));
    for (const r of open.rows) lines.push([r.name, String(r.total), ...open.groups.map((g) => String(r.groups[g] ?? 0))]);
  }
  const width = Math.max(...lines.map((l) => l.length));
  const padded = lines.map((l) => [...l, ...Array.from({ length: width - l.length }, () => '')]);
  return `\uFEFF${papa().unparse(padded, { delimiter: lang === 'sv' ? ';' : ',', newline: '\r\n' })}\r\n`;
}

function mdEscape(s: string): string {
  return s.replace(/\|/g, '\\|');
}

function mdTable(header: string[], rows: string[][], boldLast = false): string {
  const out = [`| ${header.map(mdEscape).join(' | ')} |`, `|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`];
  rows.forEach((r, i) => {
    const cells = r.map(mdEscape);
    out.push(`| ${(boldLast && i === rows.length - 1 ? cells.map((c) => (c ? `**${c}**` : c)) : cells).join(' | ')} |`);
  });
  return out.join('\n');
}

export function frequenciesMarkdown(report: FrequencyReport, open?: OpenAnswers): string {
  const lang = report.language;
  const t = FREQ_TEXT[lang];
  const h = HEAD[lang];
  const parts: string[] = [`# ${h.title}`];
  report.tables.forEach((tb, i) => {
    parts.push(`**${mdEscape(tableCaption(tb, i, lang))}**`, mdTable(['', t.count, t.percent], frequencyRowsText(tb, lang), true));
  });
  if (report.ranked) {
    const { header, rows } = rankedRowsText(report, lang);
    parts.push(`**${h.ranked}**`, mdTable(header, rows), report.ranked.sentence);
  }
  if (open) parts.push(`## ${open.question ? h.openQuestion(open.question) : h.open}`, open.lines.map((l) => `- ${l}`).join('\n'));
  parts.push(`## ${h.about}`, report.notes.map((n) => `*${n}*`).join('\n\n'));
  return `${parts.join('\n\n')}\n`;
}
