/**
 * SVG chart → PNG with resvg, for DOCX and XLSX. resvg draws no text without fonts, so we
 * hand it known files with åäö (DejaVu/Liberation on Linux, Arial/Segoe on Windows,
 * Helvetica on macOS) and fall back to scanning the system fonts (slower) if none is found.
 */
import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';

const CANDIDATES: { family: string; files: string[] }[] = [
  { family: 'DejaVu Sans', files: ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'] },
  { family: 'Liberation Sans', files: ['/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf', '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf'] },
  { family: 'Arial', files: ['C:\\Windows\\Fonts\\arial.ttf', 'C:\\Windows\\Fonts\\arialbd.ttf'] },
  { family: 'Helvetica', files: ['/System/Library/Fonts/Helvetica.ttc'] },
];

let fontChoice: { family: string; files: string[] } | null | undefined;

function fonts(): { family: string; files: string[] } | null {
  if (fontChoice === undefined) {
    fontChoice = null;
    for (const c of CANDIDATES) {
      const files = c.files.filter((f) => existsSync(f));
      if (files.length > 0) {
        fontChoice = { family: c.family, files };
        break;
      }
    }
  }
  return fontChoice;
}

function render(svg: string, scale: number) {
  const f = fonts();
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: f ? { loadSystemFonts: false, fontFiles: f.files, defaultFontFamily: f.family, sansSerifFamily: f.family } : { loadSystemFonts: true },
  });
  return resvg.render();
}

/** Renders at `scale` × the SVG's size (1.5 = sharp enough in print at the width Word shows it). */
export function svgToPng(svg: string, scale = 1.5): Buffer {
  return Buffer.from(render(svg, scale).asPng());
}

/** RGBA pixels of the rendered SVG, to check that text was actually drawn (a missing font draws nothing). */
export function svgToPixels(svg: string, scale = 1): { width: number; height: number; rgba: Buffer } {
  const img = render(svg, scale);
  return { width: img.width, height: img.height, rgba: Buffer.from(img.pixels) };
}
