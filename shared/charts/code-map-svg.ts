/**
 * What a code map looks like, once for the UI and the exports: edges as lines whose width
 * follows the weight (only those of at least the minimum weight), nodes as circles in the
 * code's colour, and labels placed where they overlap neither another label nor a circle
 * (each node tries eight places around itself, big nodes first; a label that fits nowhere is
 * shortened). `codeMapSvg` writes the same geometry as an SVG file for a publication.
 */
import type { CodeMap } from '../contract/codemap';
import { wording } from '../wording';
import { CHART_FONT, escapeXml } from './svg-chart';

export const LABEL_SIZE = 12;
const CHAR = 0.58; // average glyph width in em (DejaVu Sans)
const MAX_LABEL = 32;

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface GeometryNode {
  codeId: number;
  name: string;
  path: string;
  quotations: number;
  x: number;
  y: number;
  r: number;
  color: string;
  label: { text: string; x: number; y: number; anchor: 'start' | 'middle' | 'end'; box: Box };
}

export interface GeometryEdge {
  a: number;
  b: number;
  weight: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
}

export interface CodeMapGeometry {
  viewBox: Box;
  nodes: GeometryNode[];
  edges: GeometryEdge[];
}

export function labelWidth(text: string, size = LABEL_SIZE): number {
  return text.length * size * CHAR;
}

/** The label of a code: its name, shortened with "…" past MAX_LABEL characters. */
export function labelText(name: string): string {
  return name.length <= MAX_LABEL ? name : `${name.slice(0, MAX_LABEL - 1).trimEnd()}…`;
}

function overlaps(a: Box, b: Box): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function hitsCircle(b: Box, c: { x: number; y: number; r: number }): boolean {
  const nx = Math.max(b.x, Math.min(c.x, b.x + b.w));
  const ny = Math.max(b.y, Math.min(c.y, b.y + b.h));
  return (nx - c.x) ** 2 + (ny - c.y) ** 2 < c.r * c.r;
}

type Place = { x: number; y: number; anchor: 'start' | 'middle' | 'end' };

/** Where a label may go around a circle, best first. */
function candidates(x: number, y: number, r: number): Place[] {
  const d = r * 0.72;
  const base = LABEL_SIZE * 0.35; // from the middle of a line of text to its baseline
  return [
    { x: x + r + 4, y: y + base, anchor: 'start' },
    { x: x - r - 4, y: y + base, anchor: 'end' },
    { x, y: y + r + LABEL_SIZE + 2, anchor: 'middle' },
    { x, y: y - r - 5, anchor: 'middle' },
    { x: x + d + 3, y: y - d - 3, anchor: 'start' },
    { x: x + d + 3, y: y + d + LABEL_SIZE, anchor: 'start' },
    { x: x - d - 3, y: y - d - 3, anchor: 'end' },
    { x: x - d - 3, y: y + d + LABEL_SIZE, anchor: 'end' },
  ];
}

function boxOf(p: Place, text: string): Box {
  const w = labelWidth(text);
  const h = LABEL_SIZE + 2;
  const x = p.anchor === 'start' ? p.x : p.anchor === 'end' ? p.x - w : p.x - w / 2;
  return { x, y: p.y - LABEL_SIZE + 1, w, h };
}

/** The map as drawn with edges of at least `minWeight`. */
export function codeMapGeometry(map: CodeMap, minWeight = map.minWeight): CodeMapGeometry {
  const byId = new Map(map.nodes.map((n) => [n.codeId, n]));
  const maxWeight = Math.max(1, map.maxWeight);
  const edges: GeometryEdge[] = map.edges
    .filter((e) => e.weight >= minWeight && byId.has(e.a) && byId.has(e.b))
    .map((e) => {
      const a = byId.get(e.a)!;
      const b = byId.get(e.b)!;
      return { a: e.a, b: e.b, weight: e.weight, x1: a.x, y1: a.y, x2: b.x, y2: b.y, width: round(1 + 7 * (e.weight / maxWeight)) };
    })
    // light edges under heavy ones
    .sort((x, y) => x.weight - y.weight || x.a - y.a || x.b - y.b);

  const circles = map.nodes.map((n) => ({ x: n.x, y: n.y, r: n.r }));
  const placed: Box[] = [];
  const labels = new Map<number, GeometryNode['label']>();
  for (const n of [...map.nodes].sort((a, b) => b.r - a.r || a.codeId - b.codeId)) {
    let text = labelText(n.name);
    let best: { place: Place; box: Box; cost: number } | null = null;
    // a label that fits nowhere is tried again shorter, down to a few letters
    for (let tries = 0; tries < 3 && (!best || best.cost > 0); tries++) {
      if (tries > 0) text = `${text.slice(0, Math.max(4, Math.floor(text.length * 0.6))).trimEnd().replace(/…$/, '')}…`;
      for (const place of candidates(n.x, n.y, n.r)) {
        const box = boxOf(place, text);
        let cost = 0;
        for (const other of placed) cost += overlaps(box, other);
        for (const c of circles) if (hitsCircle(box, c)) cost += 50;
        if (!best || cost < best.cost) best = { place, box, cost };
        if (cost === 0) break;
      }
    }
    placed.push(best!.box);
    labels.set(n.codeId, { text, x: round(best!.place.x), y: round(best!.place.y), anchor: best!.place.anchor, box: best!.box });
  }
  const nodes: GeometryNode[] = map.nodes.map((n) => ({
    codeId: n.codeId,
    name: n.name,
    path: n.path,
    quotations: n.quotations,
    x: n.x,
    y: n.y,
    r: n.r,
    color: /^#[0-9a-f]{3,8}$/i.test(n.color) ? n.color : '#888888',
    label: labels.get(n.codeId)!,
  }));

  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const n of nodes) {
    for (const b of [{ x: n.x - n.r, y: n.y - n.r, w: 2 * n.r, h: 2 * n.r }, n.label.box]) {
      x0 = Math.min(x0, b.x);
      y0 = Math.min(y0, b.y);
      x1 = Math.max(x1, b.x + b.w);
      y1 = Math.max(y1, b.y + b.h);
    }
  }
  if (!nodes.length) [x0, y0, x1, y1] = [0, 0, 400, 200];
  const margin = 24;
  return { viewBox: { x: round(x0 - margin), y: round(y0 - margin), w: round(x1 - x0 + 2 * margin), h: round(y1 - y0 + 2 * margin) }, nodes, edges };
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}

/** The map as an SVG file: white background, the legend under it, a title per node and edge. */
export function codeMapSvg(map: CodeMap, title: string, minWeight = map.minWeight, provenance?: { title: string; rows: [string, string][] }): string {
  const g = codeMapGeometry(map, minWeight);
  const legend = wording(map.language).codeMapLegend(map.by, minWeight);
  const legendSize = 11;
  const width = Math.max(g.viewBox.w, labelWidth(legend, legendSize) + 48, labelWidth(title, 15) + 48);
  const vb = { x: g.viewBox.x, y: g.viewBox.y - 30, w: width, h: g.viewBox.h + 30 + 28 };
  const name = new Map(g.nodes.map((n) => [n.codeId, n.name]));
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.ceil(vb.w)}" height="${Math.ceil(vb.h)}" viewBox="${vb.x} ${vb.y} ${vb.w} ${vb.h}" font-family="${escapeXml(CHART_FONT)}" data-min-weight="${minWeight}">`,
    `<title>${escapeXml(title)}</title>`,
    ...(provenance ? [`<desc>${escapeXml([provenance.title, ...provenance.rows.map(([k, v]) => `${k}: ${v}`)].join('\n'))}</desc>`] : []),
    `<rect x="${vb.x}" y="${vb.y}" width="${vb.w}" height="${vb.h}" fill="#ffffff"/>`,
    `<text x="${vb.x + 24}" y="${vb.y + 24}" font-size="15" font-weight="bold" fill="#222222">${escapeXml(title)}</text>`,
    '<g class="edges" stroke="#7f8c99" stroke-opacity="0.6" stroke-linecap="round">',
  );
  for (const e of g.edges) {
    out.push(
      `<line class="edge" data-a="${e.a}" data-b="${e.b}" data-weight="${e.weight}" x1="${e.x1}" y1="${e.y1}" x2="${e.x2}" y2="${e.y2}" stroke-width="${e.width}"><title>${escapeXml(`${name.get(e.a)} – ${name.get(e.b)}: ${e.weight}`)}</title></line>`,
    );
  }
  out.push('</g>', '<g class="nodes" stroke="#ffffff" stroke-width="1.5">');
  for (const n of g.nodes) {
    out.push(`<circle class="node" data-code-id="${n.codeId}" data-quotations="${n.quotations}" cx="${n.x}" cy="${n.y}" r="${n.r}" fill="${n.color}"><title>${escapeXml(`${n.path} (${n.quotations})`)}</title></circle>`);
  }
  out.push(`</g>`, `<g class="labels" font-size="${LABEL_SIZE}" fill="#222222" stroke="#ffffff" stroke-width="3" paint-order="stroke" stroke-linejoin="round">`);
  for (const n of g.nodes) {
    out.push(`<text class="label" data-code-id="${n.codeId}" x="${n.label.x}" y="${n.label.y}" text-anchor="${n.label.anchor}">${escapeXml(n.label.text)}</text>`);
  }
  out.push('</g>', `<text x="${vb.x + 24}" y="${vb.y + vb.h - 12}" font-size="${legendSize}" fill="#555555">${escapeXml(legend)}</text>`, '</svg>');
  return `${out.join('\n')}\n`;
}
