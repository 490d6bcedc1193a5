/**
 * Term report to DOCX (tables, trend charts as images, a sentence per code and term, notes)
 * and XLSX (one sheet per table, numbers as numbers, charts as images on the sheets).
 */
import type ExcelJS from 'exceljs';
import { loadExcelJS } from './load-exceljs';
import type { FileChild } from 'docx';
import type { TermReport, TermReportRow } from '../../../shared/contract/reports';
import { chartSize } from '../../../shared/charts/svg-chart';
import { termChartPlan, termChartSvg, type ChartLayout } from '../../../shared/charts/term-chart';
import { formatKofN, formatPercent, formatInteger, type Lang } from '../../../shared/format/numbers';
import { svgToPng } from './chart-png';
import { caption, chartImage, docxTable, heading, notes, packDocx, paragraph, sheetName, subheading, type DocxCell } from './report-docx';
import { wording } from '../../../shared/wording';
import { addProvenanceSheet, type Provenance } from './provenance';
import { provenanceDocx } from './provenance-docx';

const TEXT = {
  sv: {
    held: 'Genomförda intervjuer per termin',
    total: 'Totalt',
    code: 'Kod',
    termTable: 'I hur många intervjuer koderna togs upp, per termin (k av n)',
    groupTable: (g: string) => `I hur många intervjuer koderna togs upp – ${g}`,
    districtTable: (t: string) => `I hur många intervjuer koderna togs upp per stadsdel – ${t}`,
    ranking: (term: string) => `Koderna rangordnade efter antal intervjuer – ${term}`,
    interviews: 'Intervjuer',
    chart: 'Andel intervjuer där koden togs upp, per termin',
    chartGroup: (g: string) => `Andel intervjuer där koden togs upp – ${g}`,
    sentences: 'Sammanfattning per termin',
    trend: (a: string, b: string) => `Förändring ${a}–${b}`,
    notes: 'Om tabellerna',
    rank: 'Plats',
    term: 'Termin',
    table: 'Tabell',
    figure: 'Figur',
    sentence: 'Mening',
    district: 'Stadsdel',
    sheetHeld: 'Genomförda',
    sheetTerms: 'Per termin',
    sheetDistricts: 'Per stadsdel',
    sheetRanking: 'Rangordning',
    sheetSentences: 'Meningar',
    sheetNotes: 'Om rapporten',
    rest: (names: string) => `Övriga koder, inte i diagrammet: ${names}.`,
  },
  en: {
    held: 'Interviews held per term',
    total: 'Total',
    code: 'Code',
    termTable: 'Interviews in which each code was raised, per term (k of n)',
    groupTable: (g: string) => `Interviews in which each code was raised – ${g}`,
    districtTable: (t: string) => `Interviews in which each code was raised by district – ${t}`,
    ranking: (term: string) => `Codes ranked by number of interviews – ${term}`,
    interviews: 'Interviews',
    chart: 'Share of interviews in which the code was raised, per term',
    chartGroup: (g: string) => `Share of interviews in which the code was raised – ${g}`,
    sentences: 'Summary per term',
    trend: (a: string, b: string) => `Change ${a}–${b}`,
    notes: 'About the tables',
    rank: 'Rank',
    term: 'Term',
    table: 'Table',
    figure: 'Figure',
    sentence: 'Sentence',
    district: 'District',
    sheetHeld: 'Held',
    sheetTerms: 'Per term',
    sheetDistricts: 'Per district',
    sheetRanking: 'Ranking',
    sheetSentences: 'Sentences',
    sheetNotes: 'About',
    rest: (names: string) => `Other codes, not in the chart: ${names}.`,
  },
};

const CHART_WIDTH = 620;

export interface TermChart {
  title: string;
  svg: string;
  /** Codes not drawn (a top-five chart), named under it. */
  rest: string[];
}

/** The trend charts of a report: all interviews, then one per group. The UI draws the same (shared/charts/term-chart). */
export function termCharts(report: TermReport, kind: 'line' | 'bar' = 'line', layout: ChartLayout = 'auto'): TermChart[] {
  const t = TEXT[report.language];
  // Drawn at about the width Word shows it (600 px), so the labels keep their size on paper.
  const chart = (title: string, group: string | null): TermChart => ({
    title,
    svg: termChartSvg(report, group, kind, CHART_WIDTH, layout),
    rest: termChartPlan(report, group, layout).rest,
  });
  return [chart(t.chart, null), ...report.groups.map((g) => chart(t.chartGroup(g), g))];
}

function kofnCell(k: number, n: number, percent: number | null, lang: Lang): DocxCell {
  return n === 0 ? '–' : { lines: [formatKofN(k, n, lang), percent === null ? '' : formatPercent(percent, lang)] };
}

/** Called before each chart is rendered (the slow part): progress and a chance to cancel. */
export type ChartHook = (done: number, total: number) => void;

export async function termReportDocx(report: TermReport, chartKind: 'line' | 'bar' = 'line', onChart?: ChartHook, provenance?: Provenance, chartLayout: ChartLayout = 'auto'): Promise<Buffer> {
  const lang = report.language;
  const t = TEXT[lang];
  const children: FileChild[] = [heading(report.title)];
  let tableNo = 0;
  let figureNo = 0;
  const nextTable = (title: string): FileChild => caption(`${t.table} ${++tableNo}. ${title}`);
  const termWidths = [3.2, ...report.terms.map(() => 1), 1];

  // Interviews held
  children.push(nextTable(t.held));
  children.push(
    docxTable({
      header: [report.attributes.term, t.total, ...report.groups],
      rows: [
        ...report.held.map((h) => [h.term, formatInteger(h.n, lang), ...report.groups.map((g) => formatInteger(h.groups[g] ?? 0, lang))]),
        [t.total, formatInteger(report.held.reduce((a, h) => a + h.n, 0), lang), ...report.groups.map((g) => formatInteger(report.held.reduce((a, h) => a + (h.groups[g] ?? 0), 0), lang))],
      ],
      widths: [2, 1, ...report.groups.map(() => 1)],
      boldRows: [report.held.length],
    }),
  );

  // Codes × terms
  children.push(nextTable(t.termTable));
  children.push(
    docxTable({
      header: [t.code, ...report.terms, t.total],
      rows: report.rows.map((r) => [r.name, ...r.terms.map((c) => kofnCell(c.k, c.n, c.percent, lang)), kofnCell(r.total.k, r.total.n, r.total.percent, lang)]),
      widths: termWidths,
      fontSize: 18,
    }),
  );

  for (const g of report.groups) {
    children.push(nextTable(t.groupTable(g)));
    children.push(
      docxTable({
        header: [t.code, ...report.terms, t.total],
        rows: report.rows.map((r) => [
          r.name,
          ...r.terms.map((c) => kofnCell(c.groups[g]!.k, c.groups[g]!.n, c.groups[g]!.percent, lang)),
          kofnCell(r.groupTotals[g]!.k, r.groupTotals[g]!.n, r.groupTotals[g]!.percent, lang),
        ]),
        widths: termWidths,
        fontSize: 18,
      }),
    );
  }

  if (report.districts.length) {
    report.terms.forEach((term, i) => {
      children.push(nextTable(t.districtTable(term)));
      children.push(
        docxTable({
          header: [t.code, ...report.districts],
          rows: report.rows.map((r) => [r.name, ...report.districts.map((d) => (r.terms[i]!.districts[d]!.n === 0 ? '–' : `${r.terms[i]!.districts[d]!.k}/${r.terms[i]!.districts[d]!.n}`))]),
          widths: [3, ...report.districts.map(() => 1)],
          fontSize: report.districts.length > 8 ? 14 : 17,
        }),
      );
    });
  }

  // Charts
  const charts = termCharts(report, chartKind, chartLayout);
  for (const [ci, chart] of charts.entries()) {
    onChart?.(ci, charts.length);
    children.push(caption(`${t.figure} ${++figureNo}. ${chart.title}`));
    children.push(chartImage(svgToPng(chart.svg), chartSize(chart.svg)));
    if (chart.rest.length) children.push(paragraph(t.rest(chart.rest.join(', ')), { size: 18, italic: true }));
  }

  // Ranking: a table per term (place, code, k of n), codes not raised named below it, never ranked.
  const names = new Map(report.rows.map((r) => [r.codeId, r.name]));
  const w = wording(lang);
  report.ranking.forEach((rk, i) => {
    if (rk.entries.length === 0 && rk.notRaised.length === 0) return;
    children.push(nextTable(t.ranking(rk.term)));
    const n = report.held[i]!.n;
    children.push(
      docxTable({
        header: [t.rank, t.code, t.interviews],
        rows: rk.entries.map((e) => [w.rankCell(e.rank, e.tied), names.get(e.codeId)!, formatKofN(e.k, n, lang)]),
        widths: [1.2, 5, 1.4],
        firstNumberColumn: 2,
      }),
    );
    if (rk.text) children.push(paragraph(rk.text, { before: 100 }));
    if (rk.notRaised.length) children.push(paragraph(w.notRaised(rk.term, rk.notRaised.map((id) => names.get(id)!)), { size: 18, italic: true }));
  });

  // Sentences
  children.push(heading(t.sentences, 2));
  for (const term of report.terms) {
    children.push(subheading(term));
    for (const s of report.sentences.filter((x) => x.term === term)) children.push(paragraph(s.text, { bullet: true }));
  }

  if (report.trends.length) {
    children.push(subheading(t.trend(report.terms[0]!, report.terms[report.terms.length - 1]!)));
    for (const tr of report.trends) children.push(paragraph(tr.text, { bullet: true }));
  }

  children.push(heading(t.notes, 2));
  children.push(...notes(report.notes));
  if (provenance) children.push(...provenanceDocx(provenance));
  return packDocx(children, { title: report.title, language: lang });
}

export async function termReportXlsx(report: TermReport, chartKind: 'line' | 'bar' = 'line', onChart?: ChartHook, provenance?: Provenance, chartLayout: ChartLayout = 'auto'): Promise<Buffer> {
  const lang = report.language;
  const t = TEXT[lang];
  const wb = new (await loadExcelJS()).Workbook();
  wb.creator = 'Rödtråd';
  const taken = new Set<string>();
  const charts = termCharts(report, chartKind, chartLayout);
  const bold = { bold: true } as const;

  let chartsDone = 0;
  const addChart = (ws: ExcelJS.Worksheet, chart: TermChart, col: number, row: number): void => {
    onChart?.(chartsDone++, charts.length);
    const size = chartSize(chart.svg);
    const img = wb.addImage({ buffer: svgToPng(chart.svg) as unknown as ExcelJS.Buffer, extension: 'png' });
    ws.addImage(img, { tl: { col, row }, ext: { width: size.width, height: size.height } });
  };

  // Held
  const held = wb.addWorksheet(sheetName(t.sheetHeld, taken));
  held.addRow([report.attributes.term, t.total, ...report.groups]).font = bold;
  for (const h of report.held) held.addRow([h.term, h.n, ...report.groups.map((g) => h.groups[g] ?? 0)]);
  held.addRow([t.total, report.held.reduce((a, h) => a + h.n, 0), ...report.groups.map((g) => report.held.reduce((a, h) => a + (h.groups[g] ?? 0), 0))]).font = bold;
  held.getColumn(1).width = 16;
  held.views = [{ state: 'frozen', ySplit: 1 }];

  // Codes × terms: k, n, % per term (two header rows: the term over its three columns).
  type Cell = { k: number; n: number; percent: number | null };
  const kofnSheet = (title: string, pick: (r: TermReportRow, i: number) => Cell, total: (r: TermReportRow) => Cell, chart?: TermChart): void => {
    const ws = wb.addWorksheet(sheetName(title, taken));
    const terms = [...report.terms, t.total];
    const top = ws.addRow([t.code, ...terms.flatMap((term) => [term, '', ''])]);
    top.font = bold;
    const sub = ws.addRow(['', ...terms.flatMap(() => ['k', 'n', '%'])]);
    sub.font = bold;
    terms.forEach((_, i) => ws.mergeCells(1, 2 + i * 3, 1, 4 + i * 3));
    ws.mergeCells(1, 1, 2, 1);
    for (const r of report.rows) {
      const cells = terms.flatMap((_, i) => {
        const c = i < report.terms.length ? pick(r, i) : total(r);
        return [c.k, c.n, c.percent];
      });
      ws.addRow([r.name, ...cells]);
    }
    ws.getColumn(1).width = 44;
    terms.forEach((_, i) => {
      ws.getColumn(4 + i * 3).numFmt = '0.0';
      for (const c of [2, 3, 4]) ws.getColumn(c + i * 3).width = c === 4 ? 7 : 5;
    });
    ws.views = [{ state: 'frozen', ySplit: 2, xSplit: 1 }];
    if (chart) {
      addChart(ws, chart, 1, report.rows.length + 4);
      if (chart.rest.length) ws.getCell(report.rows.length + 4, 1).value = t.rest(chart.rest.join(', '));
    }
  };
  kofnSheet(t.sheetTerms, (r, i) => r.terms[i]!, (r) => r.total, charts[0]);
  report.groups.forEach((g, gi) => kofnSheet(g, (r, i) => r.terms[i]!.groups[g]!, (r) => r.groupTotals[g]!, charts[gi + 1]));

  if (report.districts.length) {
    const ws = wb.addWorksheet(sheetName(t.sheetDistricts, taken));
    ws.addRow([t.code, t.term, report.attributes.district ?? t.district, 'k', 'n', '%']).font = bold;
    for (const r of report.rows) {
      report.terms.forEach((term, i) => {
        for (const d of report.districts) {
          const c = r.terms[i]!.districts[d]!;
          ws.addRow([r.name, term, d, c.k, c.n, c.percent]);
        }
      });
    }
    ws.getColumn(1).width = 44;
    ws.getColumn(3).width = 18;
    ws.getColumn(6).numFmt = '0.0';
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 6 } };
  }

  // Ranking: per term the place (ties marked), the code and k; codes not raised are not ranked.
  const names = new Map(report.rows.map((r) => [r.codeId, r.name]));
  const w = wording(lang);
  const rk = wb.addWorksheet(sheetName(t.sheetRanking, taken));
  rk.addRow(report.ranking.flatMap((x) => [x.term, '', ''])).font = bold;
  rk.addRow(report.ranking.flatMap(() => [t.rank, t.code, 'k'])).font = bold;
  report.ranking.forEach((_, i) => rk.mergeCells(1, 1 + i * 3, 1, 3 + i * 3));
  const longest = Math.max(0, ...report.ranking.map((x) => x.entries.length));
  for (let j = 0; j < longest; j++) {
    rk.addRow(report.ranking.flatMap((x) => {
      const e = x.entries[j];
      return e ? [w.rankCell(e.rank, e.tied), names.get(e.codeId), e.k] : ['', '', ''];
    }));
  }
  rk.addRow([]);
  for (const x of report.ranking) {
    if (x.text) rk.addRow([x.text]);
    if (x.notRaised.length) rk.addRow([w.notRaised(x.term, x.notRaised.map((id) => names.get(id)!))]);
  }
  report.ranking.forEach((_, i) => {
    rk.getColumn(1 + i * 3).width = 10;
    rk.getColumn(2 + i * 3).width = 36;
    rk.getColumn(3 + i * 3).width = 5;
  });
  rk.views = [{ state: 'frozen', ySplit: 2 }];

  const se = wb.addWorksheet(sheetName(t.sheetSentences, taken));
  se.addRow([t.term, t.code, t.sentence]).font = bold;
  for (const s of report.sentences) se.addRow([s.term, names.get(s.codeId), s.text]);
  for (const tr of report.trends) se.addRow([`${tr.from}–${tr.to}`, names.get(tr.codeId), tr.text]);
  se.getColumn(2).width = 36;
  se.getColumn(3).width = 110;
  se.views = [{ state: 'frozen', ySplit: 1 }];

  const about = wb.addWorksheet(sheetName(t.sheetNotes, taken));
  about.addRow([report.title]).font = { bold: true, size: 13 };
  for (const n of report.notes) about.addRow([n]);
  about.getColumn(1).width = 140;
  if (provenance) addProvenanceSheet(wb, provenance, sheetName(provenance.title, taken));

  return Buffer.from(await wb.xlsx.writeBuffer());
}
