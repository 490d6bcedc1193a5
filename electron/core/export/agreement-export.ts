/**
 * The agreement report: DOCX (the method text to paste, coders and units, a chart of α per
 * code with its interval, the table of figures per code, the coincidence and confusion
 * tables over all codes) and XLSX (the same figures as numbers, the tables, the method text).
 * Swedish or English, numbers in the language's format.
 */
import type ExcelJS from 'exceljs';
import type { AgreementResult } from '../../../shared/contract/agreement';
import { alphaChartSvg } from '../../../shared/charts/agreement-chart';
import { chartSize } from '../../../shared/charts/svg-chart';
import { formatInteger, type Lang } from '../../../shared/format/numbers';
import { figure, unitName } from '../agreement/method-text';
import { svgToPng } from './chart-png';
import { loadExcelJS } from './load-exceljs';
import { caption, chartImage, docxTable, heading, notes, packDocx, paragraph, sheetName, subheading, type DocxCell } from './report-docx';

const TEXT = {
  sv: {
    title: 'Överensstämmelse mellan kodare',
    method: 'Metodtext',
    setup: 'Underlag',
    coders: 'Kodare',
    unit: 'Analysenhet',
    documents: 'Dokument',
    codedByAll: 'kodade av alla kodare',
    units: 'Enheter',
    code: 'Kod',
    all: 'Alla koder',
    alpha: 'α',
    interval: '95 % KI',
    kappa: 'κ',
    percent: 'Överens %',
    holsti: 'Holsti',
    disagreements: 'Oenigheter',
    segments: 'Segment',
    observed: 'D_o',
    expected: 'D_e',
    chart: 'Krippendorffs α per kod (med 95 % bootstrapintervall)',
    chartU: 'Krippendorffs α_u per kod',
    coincidence: 'Koincidensmatris över alla koder (0 = koden saknas, 1 = koden finns)',
    confusion: 'Korstabell över alla koder (rader: {a}, kolumner: {b})',
    figures: 'Värden per kod',
    notes: [
      'α: Krippendorffs alfa (nominal) på enhet×kod; en kodare som inte kodat ett dokument räknas som saknat värde där.',
      'κ: Cohens kappa; Överens %: andel enheter där kodarna är eniga; Holsti: 2M/(N₁+N₂) på de kodningar som gjorts.',
      'Intervallet är ett percentilintervall från bootstrap över enheter med angivet frö: samma frö ger samma intervall.',
    ],
    sheetFigures: 'Värden',
    sheetTables: 'Tabeller',
    sheetMethod: 'Metod',
  },
  en: {
    title: 'Intercoder agreement',
    method: 'Method text',
    setup: 'Basis',
    coders: 'Coders',
    unit: 'Unit of analysis',
    documents: 'Documents',
    codedByAll: 'coded by all coders',
    units: 'Units',
    code: 'Code',
    all: 'All codes',
    alpha: 'α',
    interval: '95% CI',
    kappa: 'κ',
    percent: 'Agree %',
    holsti: 'Holsti',
    disagreements: 'Disagreements',
    segments: 'Segments',
    observed: 'D_o',
    expected: 'D_e',
    chart: "Krippendorff's α per code (with 95% bootstrap interval)",
    chartU: "Krippendorff's α_u per code",
    coincidence: 'Coincidence matrix over all codes (0 = code absent, 1 = code present)',
    confusion: 'Confusion table over all codes (rows: {a}, columns: {b})',
    figures: 'Figures per code',
    notes: [
      "α: Krippendorff's alpha (nominal) on unit × code; a coder who did not code a document counts as a missing value there.",
      "κ: Cohen's kappa; Agree %: share of units on which the coders agree; Holsti: 2M/(N₁+N₂) on the codings made.",
      'The interval is a percentile interval from a bootstrap over units with the given seed: the same seed gives the same interval.',
    ],
    sheetFigures: 'Figures',
    sheetTables: 'Tables',
    sheetMethod: 'Method',
  },
} as const;

type Row = AgreementResult['codes'][number] | (AgreementResult['overall'] & { path: string });

function isChar(r: AgreementResult): boolean {
  return r.unit === 'char';
}

function header(r: AgreementResult, lang: Lang): string[] {
  const t = TEXT[lang];
  if (isChar(r)) return [t.code, t.segments, 'α_u', t.observed, t.expected];
  return [t.code, t.units, t.alpha, t.interval, ...(r.coders.length === 2 ? [t.kappa] : []), t.percent, ...(r.coders.length === 2 ? [t.holsti] : []), t.disagreements];
}

function cells(r: AgreementResult, row: Row, lang: Lang): string[] {
  const f = (x: number | null): string => figure(x, lang);
  if (isChar(r)) return [row.path, formatInteger(row.unitizing?.segments ?? 0, lang), f(row.alpha), figure(row.observed, lang, 5), figure(row.expected, lang, 5)];
  const ci = row.interval ? `${f(row.interval.low)}–${f(row.interval.high)}` : '–';
  return [
    row.path,
    formatInteger(Math.round(row.units), lang),
    f(row.alpha),
    ci,
    ...(r.coders.length === 2 ? [f(row.kappa)] : []),
    figure(row.percent === null ? null : row.percent * 100, lang, 1),
    ...(r.coders.length === 2 ? [f(row.holsti)] : []),
    formatInteger(row.disagreements, lang),
  ];
}

function chart(r: AgreementResult, lang: Lang): string {
  const t = TEXT[lang];
  return alphaChartSvg(
    [{ label: t.all, alpha: r.overall.alpha, low: r.overall.interval?.low, high: r.overall.interval?.high }, ...r.codes.map((c) => ({ label: c.path, alpha: c.alpha, low: c.interval?.low, high: c.interval?.high }))],
    lang,
    isChar(r) ? t.chartU : t.chart,
  );
}

function setupLines(r: AgreementResult, lang: Lang): string[] {
  const t = TEXT[lang];
  return [
    `${t.coders}: ${r.coders.map((c) => c.name).join(', ')}`,
    `${t.unit}: ${unitName(r.unit, lang)}`,
    `${t.documents}: ${formatInteger(r.documents.considered, lang)} (${formatInteger(r.documents.codedByAll, lang)} ${t.codedByAll})`,
    isChar(r) ? `${t.units}: ${formatInteger(r.documents.characters, lang)} ${unitName('char', lang)}` : `${t.units}: ${formatInteger(r.documents.units, lang)} ${unitName(r.unit, lang)}`,
  ];
}

export async function agreementDocx(r: AgreementResult, lang: Lang): Promise<Buffer> {
  const t = TEXT[lang];
  const svg = chart(r, lang);
  const overall: Row = { ...r.overall, path: t.all };
  const children = [
    heading(t.title),
    subheading(t.method),
    paragraph(r.method[lang]),
    subheading(t.setup),
    ...setupLines(r, lang).map((l) => paragraph(l, { bullet: true })),
    chartImage(svgToPng(svg), chartSize(svg)),
    caption(t.figures),
    docxTable({ header: header(r, lang), rows: [cells(r, overall, lang), ...r.codes.map((c) => cells(r, c, lang))] as DocxCell[][], boldRows: [0], widths: [4, ...header(r, lang).slice(1).map(() => 1)] }),
  ];
  if (!isChar(r) && r.overall.coincidence) {
    const m = r.overall.coincidence.matrix;
    children.push(caption(t.coincidence), docxTable({ header: ['', '0', '1'], rows: m.map((row, i) => [String(i), ...row.map((x) => figure(x, lang, 1))]), widths: [1, 1, 1] }));
  }
  if (!isChar(r) && r.overall.confusion) {
    const m = r.overall.confusion.matrix;
    const title = t.confusion.replace('{a}', r.coders[0]!.name).replace('{b}', r.coders[1]!.name);
    children.push(caption(title), docxTable({ header: ['', '0', '1'], rows: m.map((row, i) => [String(i), ...row.map((x) => formatInteger(x, lang))]), widths: [1, 1, 1] }));
  }
  if (!isChar(r)) children.push(...notes(t.notes));
  return packDocx(children, { title: t.title, language: lang });
}

export async function agreementXlsx(r: AgreementResult, lang: Lang): Promise<Buffer> {
  const t = TEXT[lang];
  const wb = new (await loadExcelJS()).Workbook();
  wb.creator = 'Rödtråd';
  const taken = new Set<string>();
  const ws = wb.addWorksheet(sheetName(t.sheetFigures, taken), { views: [{ state: 'frozen', ySplit: 1 }] });
  const char = isChar(r);
  const two = r.coders.length === 2;
  const head = char
    ? [t.code, t.segments, 'α_u', t.observed, t.expected]
    : [t.code, t.units, t.alpha, `${t.interval} (låg/low)`, `${t.interval} (hög/high)`, ...(two ? [t.kappa] : []), t.percent, ...(two ? [t.holsti] : []), t.disagreements];
  ws.addRow(head).font = { bold: true };
  const values = (row: Row): (string | number | null)[] =>
    char
      ? [row.path, row.unitizing?.segments ?? 0, row.alpha, row.observed, row.expected]
      : [row.path, row.units, row.alpha, row.interval?.low ?? null, row.interval?.high ?? null, ...(two ? [row.kappa] : []), row.percent === null ? null : row.percent * 100, ...(two ? [row.holsti] : []), row.disagreements];
  ws.addRow(values({ ...r.overall, path: t.all })).font = { bold: true };
  for (const c of r.codes) ws.addRow(values(c));
  ws.getColumn(1).width = Math.min(60, Math.max(14, ...r.codes.map((c) => c.path.length + 2)));
  for (let i = 2; i <= head.length; i++) {
    ws.getColumn(i).width = 14;
    ws.getColumn(i).numFmt = '0.000';
  }
  const svg = chart(r, lang);
  const size = chartSize(svg);
  const img = wb.addImage({ buffer: svgToPng(svg) as unknown as ExcelJS.Buffer, extension: 'png' });
  ws.addImage(img, { tl: { col: head.length + 1, row: 1 }, ext: { width: size.width, height: size.height } });

  if (!char) {
    const tables = wb.addWorksheet(sheetName(t.sheetTables, taken));
    const block = (title: string, matrix: number[][] | undefined): void => {
      if (!matrix) return;
      tables.addRow([title]).font = { bold: true };
      tables.addRow(['', 0, 1]).font = { bold: true };
      matrix.forEach((row, i) => tables.addRow([i, ...row]));
      tables.addRow([]);
    };
    block(t.coincidence, r.overall.coincidence?.matrix);
    if (two) block(t.confusion.replace('{a}', r.coders[0]!.name).replace('{b}', r.coders[1]!.name), r.overall.confusion?.matrix);
    tables.getColumn(1).width = 16;
  }
  const method = wb.addWorksheet(sheetName(t.sheetMethod, taken));
  method.getColumn(1).width = 120;
  for (const line of [t.method, r.method[lang], '', ...setupLines(r, lang), '', ...(char ? [] : t.notes)]) {
    const row = method.addRow([line]);
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  method.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
