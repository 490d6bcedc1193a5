/**
 * Small multiples: one small chart per series (a code), all on the same axes (0–100 % and the
 * same categories), in a grid. Fifteen codes on one chart are a tangle; fifteen small charts
 * side by side can be read and compared. Titles wrap to two lines and are shortened with "…"
 * to their panel's width, y labels appear on the first column only and x labels are shortened
 * to their band, so no two labels overlap. Same renderer for the UI, DOCX and XLSX.
 */
import { formatDecimal } from '../format/numbers';
import { CHART_FONT, escapeXml, linePath, seriesColors, type ChartSpec } from './svg-chart';

const CHAR = 0.58; // average glyph width in em (DejaVu Sans)

function fit(s: string, width: number, size: number): string {
  if (s.length * size * CHAR <= width) return s;
  const chars = Math.max(3, Math.floor(width / (size * CHAR)) - 1);
  return `${s.slice(0, chars).trimEnd()}…`;
}

/** The words of a title on at most two lines of `width`, the second shortened with "…". */
export function wrapTitle(s: string, width: number, size: number): string[] {
  const max = Math.max(4, Math.floor(width / (size * CHAR)));
  const words = s.split(/\s+/).filter(Boolean);
  let first = '';
  let i = 0;
  for (; i < words.length; i++) {
    const next = first ? `${first} ${words[i]}` : words[i]!;
    if (next.length > max) break;
    first = next;
  }
  if (!first) return [fit(s, width, size)];
  const rest = words.slice(i).join(' ');
  return rest ? [first, fit(rest, width, size)] : [first];
}

export function renderSmallMultiplesSvg(spec: ChartSpec & { columns?: number }): string {
  const width = spec.width ?? 720;
  const cols = spec.columns ?? (width >= 560 ? 3 : 2);
  const rows = Math.ceil(spec.series.length / cols);
  const colors = seriesColors(spec.series);
  const yMax = spec.yMax ?? 100;
  const left = 44; // y labels of the first column
  const gapX = 14;
  const panelW = (width - left - 8 - gapX * (cols - 1)) / cols;
  const titleSize = 11;
  const titleH = 30;
  const plotH = 84;
  const xLabelH = 18;
  const gapY = 16;
  const panelH = titleH + plotH + xLabelH;
  const height = 8 + rows * panelH + (rows - 1) * gapY + 8;
  const unit = spec.unit ?? '%';
  const pct = (v: number): string => `${formatDecimal(v, 0, spec.lang)}${unit === '%' ? (spec.lang === 'sv' ? '\u00a0%' : '%') : ''}`;
  const n = Math.max(1, spec.categories.length);
  const xFont = Math.min(10, Math.max(8, (panelW / n) / (CHAR * 4.5)));

  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${CHART_FONT}" font-size="10" role="img">`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
  ];
  spec.series.forEach((s, si) => {
    const col = si % cols;
    const row = Math.floor(si / cols);
    const x0 = left + col * (panelW + gapX);
    const y0 = 8 + row * (panelH + gapY);
    const top = y0 + titleH;
    const bottom = top + plotH;
    const y = (v: number): number => bottom - (v / yMax) * plotH;
    const band = panelW / n;
    const cx = (i: number): number => x0 + band * (i + 0.5);
    const title = wrapTitle(s.name, panelW, titleSize);
    title.forEach((line, li) => {
      out.push(`<text x="${x0.toFixed(1)}" y="${(y0 + 11 + li * 13).toFixed(1)}" font-size="${titleSize}" font-weight="bold" fill="#222">${escapeXml(line)}</text>`);
    });
    // shared axes: 0, 50 and 100 % in every panel, labelled in the first column
    for (const v of [0, yMax / 2, yMax]) {
      out.push(`<line x1="${x0.toFixed(1)}" y1="${y(v).toFixed(1)}" x2="${(x0 + panelW).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="${v === 0 ? '#666' : '#e4e4e4'}" stroke-width="1"/>`);
      if (col === 0) out.push(`<text x="${x0 - 5}" y="${(y(v) + 3.5).toFixed(1)}" text-anchor="end" fill="#555">${escapeXml(pct(v))}</text>`);
    }
    spec.categories.forEach((c, i) => {
      out.push(`<text x="${cx(i).toFixed(1)}" y="${(bottom + 13).toFixed(1)}" text-anchor="middle" font-size="${xFont.toFixed(1)}" fill="#444">${escapeXml(fit(c, band - 2, xFont))}</text>`);
    });
    const color = colors[si]!;
    if (spec.kind === 'bar') {
      const w = Math.min(22, band * 0.6);
      s.values.forEach((v, i) => {
        if (v === null) return;
        out.push(`<rect x="${(cx(i) - w / 2).toFixed(1)}" y="${y(v).toFixed(1)}" width="${w.toFixed(1)}" height="${(bottom - y(v)).toFixed(1)}" fill="${color}"><title>${escapeXml(`${s.name}, ${c(i)}: ${formatDecimal(v, 1, spec.lang)}`)}</title></rect>`);
      });
    } else {
      const path = linePath(s.values, cx, y);
      if (path) out.push(`<path d="${path}" fill="none" stroke="${color}" stroke-width="2" stroke-linejoin="round"/>`);
      s.values.forEach((v, i) => {
        if (v === null) return;
        out.push(`<circle cx="${cx(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="2.8" fill="${color}"><title>${escapeXml(`${s.name}, ${c(i)}: ${formatDecimal(v, 1, spec.lang)}`)}</title></circle>`);
      });
    }
  });
  out.push('</svg>');
  return out.join('');

  function c(i: number): string {
    return spec.categories[i] ?? '';
  }
}
