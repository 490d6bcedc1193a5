/**
 * α per code as a dot with its bootstrap interval as a line (a forest plot), codes down the
 * side, the scale from 0 (or the lowest α) to 1 with the usual guide lines at 0.667 and 0.8
 * (Krippendorff 2004: tentative conclusions from 0.667, reliable from 0.8). An SVG string,
 * as the other charts, for DOCX/XLSX (via PNG) and the UI alike.
 */
import { formatDecimal, type Lang } from '../format/numbers';
import { CHART_FONT, escapeXml } from './svg-chart';

export interface AlphaRow {
  label: string;
  alpha: number | null;
  low?: number | null;
  high?: number | null;
}

export function alphaChartSvg(rows: AlphaRow[], lang: Lang, title: string): string {
  const width = 640;
  const labelWidth = 240;
  const rowHeight = 22;
  const top = 40;
  const plotLeft = labelWidth + 10;
  const plotRight = width - 20;
  const lowest = Math.min(0, ...rows.flatMap((r) => [r.alpha, r.low ?? null].filter((x): x is number => x !== null)));
  const min = Math.floor(lowest * 10) / 10;
  const x = (v: number): number => plotLeft + ((v - min) / (1 - min)) * (plotRight - plotLeft);
  const height = top + rows.length * rowHeight + 36;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${CHART_FONT}" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${width / 2}" y="20" text-anchor="middle" font-size="14" font-weight="bold">${escapeXml(title)}</text>`,
  ];
  const bottom = top + rows.length * rowHeight;
  for (let t = min; t <= 1.0001; t += 0.2) {
    const v = Math.round(t * 10) / 10;
    parts.push(`<line x1="${x(v)}" y1="${top - 4}" x2="${x(v)}" y2="${bottom}" stroke="#dddddd"/>`);
    parts.push(`<text x="${x(v)}" y="${bottom + 16}" text-anchor="middle" fill="#444444">${formatDecimal(v, 1, lang)}</text>`);
  }
  for (const guide of [0.667, 0.8]) parts.push(`<line x1="${x(guide)}" y1="${top - 4}" x2="${x(guide)}" y2="${bottom}" stroke="#c0392b" stroke-dasharray="4 3"/>`);
  rows.forEach((r, i) => {
    const y = top + i * rowHeight + rowHeight / 2;
    const label = r.label.length > 38 ? `…${r.label.slice(-37)}` : r.label;
    parts.push(`<text x="${labelWidth}" y="${y + 4}" text-anchor="end">${escapeXml(label)}</text>`);
    if (r.alpha === null) {
      parts.push(`<text x="${plotLeft + 4}" y="${y + 4}" fill="#888888">–</text>`);
      return;
    }
    if (r.low !== null && r.low !== undefined && r.high !== null && r.high !== undefined) {
      parts.push(`<line x1="${x(r.low)}" y1="${y}" x2="${x(r.high)}" y2="${y}" stroke="#555555" stroke-width="2"/>`);
    }
    parts.push(`<circle cx="${x(r.alpha)}" cy="${y}" r="5" fill="#1f77b4"/>`);
  });
  parts.push('</svg>');
  return parts.join('');
}
