/**
 * A small line/bar chart as an SVG string: y axis in percent with grid lines, category labels
 * on x, one series per code, a legend below that wraps. No DOM, no library: the core turns it
 * into PNG (resvg) for DOCX/XLSX and the UI shows the same markup, so both look alike.
 */
import { formatDecimal, type Lang } from '../format/numbers';

export interface ChartSeries {
  name: string;
  color?: string;
  /** One value per category; null leaves a gap (no base that term). */
  values: (number | null)[];
}

export interface ChartSpec {
  kind: 'line' | 'bar';
  title?: string;
  categories: string[];
  series: ChartSeries[];
  /** Unit after y tick labels: '%' gives "40 %" (sv) / "40%" (en). */
  unit?: '%' | '';
  /** Top of the y axis; default 100 for percent, else a round number above the largest value. */
  yMax?: number;
  lang: Lang;
  width?: number;
}

/** Fonts with åäö on Linux (DejaVu, Liberation), Windows and macOS; resvg picks the first it has. */
export const CHART_FONT = "'DejaVu Sans', 'Liberation Sans', Arial, Helvetica, sans-serif";

/** Distinct colours for series when codes share a colour (code colours come from a 10-colour palette). */
const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#7f7f7f', '#bcbd22', '#393b79', '#ad494a', '#637939', '#843c39', '#7b4173', '#3182bd'];

export function seriesColors(series: readonly ChartSeries[]): string[] {
  const given = series.map((s) => s.color?.toLowerCase());
  const unique = given.every((c, i) => c && /^#[0-9a-f]{6}$/.test(c) && given.indexOf(c) === i);
  return unique ? (given as string[]) : series.map((_, i) => PALETTE[i % PALETTE.length]!);
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Rough text width for layout (DejaVu Sans averages ~0.58 em per character). */
function textWidth(s: string, size: number): number {
  return s.length * size * 0.58;
}

function truncate(s: string, maxWidth: number, size: number): string {
  if (textWidth(s, size) <= maxWidth) return s;
  const chars = Math.max(4, Math.floor(maxWidth / (size * 0.58)) - 1);
  return `${s.slice(0, chars).trimEnd()}…`;
}

function niceMax(v: number): number {
  if (v <= 0) return 1;
  const pow = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * pow >= v) return m * pow;
  return 10 * pow;
}

/**
 * Marker shapes and dash patterns vary with the series as well as colour, so lines that lie on
 * top of each other stay visible and the chart still reads when printed in black and white.
 */
const SHAPES = ['circle', 'square', 'triangle', 'diamond'] as const;

function marker(index: number, x: number, y: number, color: string, title?: string): string {
  const shape = SHAPES[index % SHAPES.length]!;
  const t = title ? `<title>${escapeXml(title)}</title>` : '';
  const r = 3.8;
  const X = x.toFixed(1);
  const Y = y.toFixed(1);
  if (shape === 'circle') return `<circle cx="${X}" cy="${Y}" r="${r}" fill="${color}">${t}</circle>`;
  if (shape === 'square') return `<rect x="${(x - r).toFixed(1)}" y="${(y - r).toFixed(1)}" width="${2 * r}" height="${2 * r}" fill="#fff" stroke="${color}" stroke-width="1.8">${t}</rect>`;
  if (shape === 'triangle') return `<path d="M${X} ${(y - r - 1).toFixed(1)} L${(x + r + 0.5).toFixed(1)} ${(y + r).toFixed(1)} L${(x - r - 0.5).toFixed(1)} ${(y + r).toFixed(1)} Z" fill="${color}">${t}</path>`;
  return `<path d="M${X} ${(y - r - 1).toFixed(1)} L${(x + r + 1).toFixed(1)} ${Y} L${X} ${(y + r + 1).toFixed(1)} L${(x - r - 1).toFixed(1)} ${Y} Z" fill="#fff" stroke="${color}" stroke-width="1.8">${t}</path>`;
}

function dash(index: number): string {
  const patterns = ['', ' stroke-dasharray="7 4"', ' stroke-dasharray="2 3"', ' stroke-dasharray="10 3 2 3"'];
  return patterns[Math.floor(index / SHAPES.length) % patterns.length]!;
}

/** An SVG path through the values, broken where a category has no value. */
export function linePath(values: readonly (number | null)[], x: (i: number) => number, y: (v: number) => number): string {
  let path = '';
  let pen = false;
  values.forEach((v, i) => {
    if (v === null) {
      pen = false;
      return;
    }
    path += `${pen ? 'L' : 'M'}${x(i).toFixed(1)} ${y(v).toFixed(1)} `;
    pen = true;
  });
  return path.trim();
}

export function renderChartSvg(spec: ChartSpec): string {
  const width = spec.width ?? 720;
  const unit = spec.unit ?? '%';
  const font = 12;
  const colors = seriesColors(spec.series);
  const maxValue = Math.max(0, ...spec.series.flatMap((s) => s.values.filter((v): v is number => v !== null)));
  const yMax = spec.yMax ?? (unit === '%' ? 100 : niceMax(maxValue));

  // Legend below the plot: as many columns as fit, items truncated to the column width.
  // As many legend columns (up to 3) as fit the longest name without shortening it.
  const longest = Math.max(0, ...spec.series.map((s) => textWidth(s.name, font) + 28));
  const legendCols = Math.max(1, Math.min(3, spec.series.length, Math.floor((width - 80) / Math.max(1, longest))));
  const legendColWidth = (width - 80) / legendCols;
  const legendRows = Math.ceil(spec.series.length / legendCols);
  const top = spec.title ? 40 : 16;
  const plotLeft = 58;
  const plotRight = width - 22;
  const plotHeight = 260;
  const plotBottom = top + plotHeight;
  const axisLabelsHeight = 30;
  const legendTop = plotBottom + axisLabelsHeight + 10;
  const height = legendTop + legendRows * 20 + 10;

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${CHART_FONT}" font-size="${font}" role="img">`,
  );
  out.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`);
  if (spec.title) out.push(`<text x="${plotLeft}" y="24" font-size="14" font-weight="bold" fill="#222">${escapeXml(truncate(spec.title, width - plotLeft - 10, 14))}</text>`);

  // y grid and labels
  const ticks = 5;
  const y = (v: number): number => plotBottom - (v / yMax) * plotHeight;
  for (let i = 0; i <= ticks; i++) {
    const v = (yMax * i) / ticks;
    const yy = y(v).toFixed(1);
    out.push(`<line x1="${plotLeft}" y1="${yy}" x2="${plotRight}" y2="${yy}" stroke="${i === 0 ? '#555' : '#e2e2e2'}" stroke-width="1"/>`);
    const label = `${formatDecimal(v, Number.isInteger(v) ? 0 : 1, spec.lang)}${unit === '%' ? (spec.lang === 'sv' ? '\u00a0%' : '%') : ''}`;
    out.push(`<text x="${plotLeft - 8}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end" fill="#444">${escapeXml(label)}</text>`);
  }
  out.push(`<line x1="${plotLeft}" y1="${top}" x2="${plotLeft}" y2="${plotBottom}" stroke="#555" stroke-width="1"/>`);

  // x categories
  const n = Math.max(1, spec.categories.length);
  const band = (plotRight - plotLeft) / n;
  const cx = (i: number): number => plotLeft + band * (i + 0.5);
  spec.categories.forEach((c, i) => {
    out.push(`<text x="${cx(i).toFixed(1)}" y="${plotBottom + 18}" text-anchor="middle" fill="#333">${escapeXml(truncate(c, band - 4, font))}</text>`);
  });

  if (spec.kind === 'bar') {
    const groupWidth = band * 0.8;
    const barWidth = groupWidth / Math.max(1, spec.series.length);
    spec.series.forEach((s, si) => {
      s.values.forEach((v, i) => {
        if (v === null) return;
        const x = cx(i) - groupWidth / 2 + si * barWidth;
        out.push(
          `<rect x="${x.toFixed(1)}" y="${y(v).toFixed(1)}" width="${Math.max(1, barWidth - 1).toFixed(1)}" height="${(plotBottom - y(v)).toFixed(1)}" fill="${colors[si]}"><title>${escapeXml(`${s.name}, ${spec.categories[i]}: ${formatDecimal(v, 1, spec.lang)}`)}</title></rect>`,
        );
      });
    });
  } else {
    spec.series.forEach((s, si) => {
      const path = linePath(s.values, cx, y);
      if (path) out.push(`<path d="${path}" fill="none" stroke="${colors[si]}" stroke-width="2.2" stroke-linejoin="round"${dash(si)}/>`);
      s.values.forEach((v, i) => {
        if (v === null) return;
        out.push(marker(si, cx(i), y(v), colors[si]!, `${s.name}, ${spec.categories[i]}: ${formatDecimal(v, 1, spec.lang)}`));
      });
    });
  }

  spec.series.forEach((s, si) => {
    const col = si % legendCols;
    const row = Math.floor(si / legendCols);
    const x = plotLeft + col * legendColWidth;
    const yy = legendTop + row * 20;
    if (spec.kind === 'line') {
      out.push(`<line x1="${x}" y1="${yy + 5}" x2="${x + 16}" y2="${yy + 5}" stroke="${colors[si]}" stroke-width="2.2"${dash(si)}/>`);
      out.push(marker(si, x + 8, yy + 5, colors[si]!));
    } else out.push(`<rect x="${x}" y="${yy}" width="14" height="10" rx="2" fill="${colors[si]}"/>`);
    out.push(`<text x="${x + 20}" y="${yy + 9.5}" fill="#222">${escapeXml(truncate(s.name, legendColWidth - 28, font))}</text>`);
  });
  out.push('</svg>');
  return out.join('');
}

/** Chart height for a spec without rendering it (for image sizes in documents). */
export function chartSize(svg: string): { width: number; height: number } {
  const m = /width="(\d+(?:\.\d+)?)" height="(\d+(?:\.\d+)?)"/.exec(svg);
  return m ? { width: Number(m[1]), height: Number(m[2]) } : { width: 720, height: 400 };
}
