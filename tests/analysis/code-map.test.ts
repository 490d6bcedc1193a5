/**
 * Code maps (tables.codeMap, tables.exportCodeMap, `rodtrad map`): nodes are the codes with
 * quotations, sized by them; edges are the co-occurrence table's pairs with their weights;
 * the layout is the same on every run and keeps the nodes the user placed; labels overlap
 * neither each other nor a circle; the SVG file draws the edges of at least the minimum weight.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { Session } from '../../electron/core/api/session';
import { codeMapGeometry, type Box } from '../../shared/charts/code-map-svg';
import type { CodeMap } from '../../shared/contract/codemap';
import { rodtrad } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';
import { buildFixture, type Fixture } from './fixture';

const dir = tempDir('analysis-code-map');
let f: Fixture;
let session: Session;

beforeAll(() => {
  f = buildFixture(dir, { documents: 12, quotations: 260, seed: 8 });
  session = new Session('test', f.p);
});
afterAll(() => session.closeProject());

const overlap = (a: Box, b: Box): boolean => Math.min(a.x + a.w, b.x + b.w) > Math.max(a.x, b.x) && Math.min(a.y + a.h, b.y + b.h) > Math.max(a.y, b.y);

interface SvgFile {
  edges: { a: number; b: number; weight: number }[];
  nodes: { codeId: number; quotations: number }[];
  labels: string[];
  desc: string;
}

function readSvg(text: string): SvgFile {
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (n) => ['g', 'line', 'circle', 'text'].includes(n) }).parse(text) as {
    svg: { desc?: string; g: { class: string; line?: Record<string, string>[]; circle?: Record<string, string>[]; text?: ({ '#text': string } & Record<string, string>)[] }[] };
  };
  const group = (c: string) => doc.svg.g.find((g) => g.class === c)!;
  return {
    edges: (group('edges').line ?? []).map((l) => ({ a: Number(l['data-a']), b: Number(l['data-b']), weight: Number(l['data-weight']) })),
    nodes: (group('nodes').circle ?? []).map((c) => ({ codeId: Number(c['data-code-id']), quotations: Number(c['data-quotations']) })),
    labels: (group('labels').text ?? []).map((t) => String(t['#text'])),
    desc: doc.svg.desc ?? '',
  };
}

describe('code map', () => {
  it('draws the codes with quotations, sized by them, joined by the co-occurrence table’s pairs', async () => {
    const map = await dispatch(session, 'tables.codeMap', {});
    const own = new Map<number, number>();
    for (const q of f.quotes) for (const c of q.codes) own.set(c, (own.get(c) ?? 0) + 1);
    expect(new Map(map.nodes.map((n) => [n.codeId, n.quotations]))).toEqual(own);
    // the bigger the count, the bigger the circle
    const sorted = [...map.nodes].sort((a, b) => a.quotations - b.quotations);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.r).toBeGreaterThanOrEqual(sorted[i - 1]!.r);

    const co = await dispatch(session, 'tables.cooccurrence', { codeIds: map.nodes.map((n) => n.codeId) });
    const want: CodeMap['edges'] = [];
    co.codes.forEach((a, i) => co.codes.forEach((b, j) => {
      if (i < j && co.counts[i]![j]! > 0) want.push({ a: Math.min(a.codeId, b.codeId), b: Math.max(a.codeId, b.codeId), weight: co.counts[i]![j]! });
    }));
    const got = map.edges.map((e) => ({ a: Math.min(e.a, e.b), b: Math.max(e.a, e.b), weight: e.weight }));
    const key = (e: { a: number; b: number }) => `${e.a}-${e.b}`;
    expect([...got].sort((x, y) => key(x).localeCompare(key(y)))).toEqual([...want].sort((x, y) => key(x).localeCompare(key(y))));
    expect(want.length).toBeGreaterThan(5);
    expect(map.maxWeight).toBe(Math.max(...want.map((e) => e.weight)));
  });

  it('lays the map out the same way every time, in this session and in another', async () => {
    const one = await dispatch(session, 'tables.codeMap', { minWeight: 2 });
    const two = await dispatch(session, 'tables.codeMap', { minWeight: 1 });
    expect(two.nodes).toEqual(one.nodes);
    const other = new Session('test');
    other.openProject(f.p.file);
    try {
      expect((await dispatch(other, 'tables.codeMap', {})).nodes).toEqual(one.nodes);
    } finally {
      other.closeProject();
    }
    // spread out, not piled up: no two circles on top of each other
    for (const a of one.nodes) for (const b of one.nodes) if (a.codeId < b.codeId) expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThan(Math.max(a.r, b.r));
  });

  it('places every label where it overlaps no other label and no circle', async () => {
    const map = await dispatch(session, 'tables.codeMap', {});
    const g = codeMapGeometry(map);
    expect(g.nodes.length).toBeGreaterThan(15);
    for (const a of g.nodes) {
      for (const b of g.nodes) if (a.codeId < b.codeId) expect(overlap(a.label.box, b.label.box), `${a.name} / ${b.name}`).toBe(false);
      for (const c of g.nodes) {
        const nx = Math.max(a.label.box.x, Math.min(c.x, a.label.box.x + a.label.box.w));
        const ny = Math.max(a.label.box.y, Math.min(c.y, a.label.box.y + a.label.box.h));
        expect(Math.hypot(nx - c.x, ny - c.y), `${a.name} on ${c.name}`).toBeGreaterThanOrEqual(c.r);
      }
    }
  });

  it('keeps the nodes the user placed where they were put, and forgets them on reset', async () => {
    const before = await dispatch(session, 'tables.codeMap', {});
    const moved = before.nodes[0]!;
    expect(await dispatch(session, 'tables.placeCodeMapNodes', { positions: [{ codeId: moved.codeId, x: 900, y: -700 }] })).toEqual({ placed: 1 });
    const after = await dispatch(session, 'tables.codeMap', {});
    const node = after.nodes.find((n) => n.codeId === moved.codeId)!;
    expect([node.x, node.y, node.placed]).toEqual([900, -700, true]);
    expect(after.nodes.filter((n) => n.placed)).toHaveLength(1);
    // remembered in the project: another session sees it
    const other = new Session('test');
    other.openProject(f.p.file);
    try {
      expect((await dispatch(other, 'tables.codeMap', {})).nodes.find((n) => n.codeId === moved.codeId)).toMatchObject({ x: 900, y: -700 });
    } finally {
      other.closeProject();
    }
    expect(await dispatch(session, 'tables.resetCodeMap', {})).toEqual({ forgotten: 1 });
    expect((await dispatch(session, 'tables.codeMap', {})).nodes).toEqual(before.nodes);
  });

  it('exports SVG with the edges of at least the minimum weight, every node and label, and how it was made', async () => {
    const map = await dispatch(session, 'tables.codeMap', {});
    const min = 3;
    const file = path.join(dir, 'karta.svg');
    const res = await dispatch(session, 'tables.exportCodeMap', { minWeight: min, path: file });
    expect(res.mime).toBe('image/svg+xml');
    const svg = readSvg(readFileSync(file, 'utf8'));
    const heavy = map.edges.filter((e) => e.weight >= min);
    expect(heavy.length).toBeGreaterThan(0);
    expect(heavy.length).toBeLessThan(map.edges.length);
    expect(svg.edges.sort((x, y) => x.a - y.a || x.b - y.b)).toEqual(heavy.map((e) => ({ a: e.a, b: e.b, weight: e.weight })).sort((x, y) => x.a - y.a || x.b - y.b));
    expect(svg.nodes.sort((x, y) => x.codeId - y.codeId)).toEqual(map.nodes.map((n) => ({ codeId: n.codeId, quotations: n.quotations })).sort((x, y) => x.codeId - y.codeId));
    expect(svg.labels).toHaveLength(map.nodes.length);
    expect(svg.desc).toContain('Så togs underlaget fram');
    expect(svg.desc).toContain('Par av överlappande citat');
  });

  it('rodtrad map writes the SVG, takes --codes and --min-weight, and refuses bad input', () => {
    const codes = f.p.db.prepare(`SELECT c.name FROM codes c WHERE c.parent_id IS NULL ORDER BY c.position, c.id LIMIT 2`).pluck().all() as string[];
    const ids = f.p.db.prepare(`SELECT id FROM codes WHERE parent_id IS NULL ORDER BY position, id LIMIT 2`).pluck().all() as number[];
    const out = path.join(dir, 'cli.svg');
    const r = rodtrad(['map', f.p.file, '--out', out, '--min-weight', '2', '--codes', codes[0]!, codes[1]!]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const svg = readSvg(readFileSync(out, 'utf8'));
    expect(svg.nodes.map((n) => n.codeId).sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
    for (const e of svg.edges) expect(e.weight).toBeGreaterThanOrEqual(2);

    const all = rodtrad(['map', f.p.file, '--out', path.join(dir, 'all.svg'), '--lang', 'en']);
    expect(all.code).toBe(0);
    expect(readFileSync(path.join(dir, 'all.svg'), 'utf8')).toContain('Line width: pairs of overlapping quotations');

    const usage = rodtrad(['map', f.p.file, '--out', out, '--min-weight', '0']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--min-weight');
    const wrongExt = rodtrad(['map', f.p.file, '--out', path.join(dir, 'karta.png')]);
    expect(wrongExt.code).toBe(2);
    const missing = rodtrad(['map', f.p.file, '--out', out, '--codes', 'Ingen sådan kod']);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toContain('Ingen sådan kod');
  });
});
