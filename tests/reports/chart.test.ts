/** The SVG chart module and its PNG conversion: text (with åäö) is really drawn, lines and bars land where the values say. */
import { describe, expect, it } from 'vitest';
import { svgToPixels, svgToPng } from '../../electron/core/export/chart-png';
import { escapeXml, renderChartSvg, seriesColors } from '../../shared/charts/svg-chart';
import { pngSize } from './docx-xml';

function darkPixels(svg: string): number {
  const { rgba } = svgToPixels(svg);
  let n = 0;
  for (let i = 0; i < rgba.length; i += 4) if (rgba[i]! < 128 && rgba[i + 1]! < 128 && rgba[i + 2]! < 128) n++;
  return n;
}

describe('charts', () => {
  it('draws text with åäö (fonts are found)', () => {
    const text = (s: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><rect width="200" height="40" fill="#fff"/><text x="10" y="28" font-size="20" font-family="DejaVu Sans, Arial, sans-serif" fill="#000">${s}</text></svg>`;
    expect(darkPixels(text(''))).toBe(0);
    expect(darkPixels(text('Åäö ÅÄÖ'))).toBeGreaterThan(100);
  });

  it('renders a line chart with the series, terms and a legend, escaped', () => {
    const svg = renderChartSvg({
      kind: 'line',
      categories: ['HT16', 'VT17', 'HT17'],
      series: [
        { name: 'Administrativt stöd', color: '#c0392b', values: [50, 73.3, null] },
        { name: 'Lokaler & <rum>', color: '#2471a3', values: [10, 20, 30] },
      ],
      lang: 'sv',
    });
    expect(svg).toContain('>HT16<');
    expect(svg).toContain('Lokaler &amp; &lt;rum&gt;');
    expect(svg).toContain('100\u00a0%');
    // the gap: the first series has one path with two points only
    const paths = [...svg.matchAll(/<path d="([^"]+)"/g)].map((m) => m[1]!);
    expect(paths).toHaveLength(2);
    expect(paths[0]!.split('L')).toHaveLength(2);
    const png = svgToPng(svg);
    expect(pngSize(png)!.width).toBe(Math.round(720 * 1.5));
  });

  it('renders bars and falls back to distinct colours when codes share one', () => {
    const svg = renderChartSvg({ kind: 'bar', categories: ['A', 'B'], series: [{ name: 'x', color: '#888888', values: [1, 2] }, { name: 'y', color: '#888888', values: [3, 4] }], lang: 'en', unit: '' });
    expect(svg.match(/<rect [^>]*><title>/g)).toHaveLength(4);
    expect(new Set(seriesColors([{ name: 'x', color: '#888888', values: [] }, { name: 'y', color: '#888888', values: [] }])).size).toBe(2);
    expect(escapeXml('"a"')).toBe('&quot;a&quot;');
  });
});
