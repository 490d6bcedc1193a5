/**
 * The code map in a real browser: the coded sample drawn as nodes and weighted lines (the
 * same as `rodtrad map` writes), the minimum weight hiding the lighter lines, a line opening
 * the quotations where its two codes meet (the same as `rodtrad quotes --cooccur`), a node
 * dragged and still there after a reload, and the SVG and PNG downloads read back.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { appPerTest, noChromium } from './harness';
import { cli, codedSample, openTab, panelIds, quoteIds } from './coded-sample';

let template: string | undefined;
function codedCopy(dir: string): string {
  template ??= codedSample(mkdtempSync(path.join(os.tmpdir(), 'rodtrad-e2e-codemap-')), 'karta.rodtrad');
  const file = path.join(dir, 'karta.rodtrad');
  copyFileSync(template, file);
  return file;
}

interface SvgMap {
  minWeight: number;
  nodes: { codeId: number; title: string }[];
  edges: { a: number; b: number; weight: number }[];
}

function readSvg(text: string): SvgMap {
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (n) => ['g', 'line', 'circle'].includes(n) }).parse(text) as {
    svg: { 'data-min-weight': string; g: { class: string; line?: Record<string, string>[]; circle?: ({ title: string } & Record<string, string>)[] }[] };
  };
  const group = (c: string) => doc.svg.g.find((g) => g.class === c)!;
  return {
    minWeight: Number(doc.svg['data-min-weight']),
    nodes: (group('nodes').circle ?? []).map((c) => ({ codeId: Number(c['data-code-id']), title: String(c.title) })),
    edges: (group('edges').line ?? []).map((l) => ({ a: Number(l['data-a']), b: Number(l['data-b']), weight: Number(l['data-weight']) })),
  };
}

describe.skipIf(noChromium)('code map', () => {
  const app = appPerTest({ project: codedCopy, viewport: { width: 1440, height: 900 } });
  afterAll(() => {
    if (template) rmSync(path.dirname(template), { recursive: true, force: true });
  });

  it('draws the codes and their co-occurrence as rodtrad map does; the minimum weight hides lighter lines; a line opens its quotations', async () => {
    const { page } = app();
    const file = app().projectFile;
    const cliSvg = path.join(app().dir, 'cli.svg');
    cli(['map', file, '--out', cliSvg]);
    const want = readSvg(readFileSync(cliSvg, 'utf8'));
    expect(want.nodes.length).toBeGreaterThan(3);
    expect(want.edges.length).toBeGreaterThan(2);

    await openTab(page, 'Kodkarta');
    const svg = page.getByTestId('codemap-svg');
    await expect.poll(() => svg.getByTestId('codemap-node').count(), { timeout: 15_000 }).toBe(want.nodes.length);
    const nodeIds = await svg.getByTestId('codemap-node').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-code-id'))).sort((a, b) => a - b));
    expect(nodeIds).toEqual(want.nodes.map((n) => n.codeId).sort((a, b) => a - b));
    const edgesShown = () => svg.getByTestId('codemap-edge').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-weight'))).sort((a, b) => a - b));
    expect(await edgesShown()).toEqual(want.edges.map((e) => e.weight).sort((a, b) => a - b));
    expect(await svg.getByTestId('codemap-label').count()).toBe(want.nodes.length);
    await app().screenshot('codemap');

    // a minimum weight of the second-lightest weight: the lightest lines go, the nodes stay
    const weights = [...new Set(want.edges.map((e) => e.weight))].sort((a, b) => a - b);
    expect(weights.length).toBeGreaterThan(1);
    const min = weights[1]!;
    await page.getByTestId('codemap-min-weight').fill(String(min));
    const heavy = want.edges.filter((e) => e.weight >= min).map((e) => e.weight).sort((a, b) => a - b);
    await expect.poll(edgesShown).toEqual(heavy);
    expect(heavy.length).toBeLessThan(want.edges.length);
    expect(await svg.getByTestId('codemap-node').count()).toBe(want.nodes.length);

    // the heaviest line opens the quotations where its two codes meet
    const top = [...want.edges].sort((x, y) => y.weight - x.weight)[0]!;
    // clicked where the line itself is on top (not under a circle or a label)
    const at = await svg.locator(`[data-testid="codemap-edge"][data-a="${top.a}"][data-b="${top.b}"] .cm-hit`).evaluate((line: SVGLineElement) => {
      const ctm = line.getScreenCTM()!;
      for (let t = 0.5, i = 0; i < 20; i++, t = 0.5 + (i % 2 ? 1 : -1) * Math.ceil(i / 2) * 0.04) {
        const p = new DOMPoint(line.x1.baseVal.value + t * (line.x2.baseVal.value - line.x1.baseVal.value), line.y1.baseVal.value + t * (line.y2.baseVal.value - line.y1.baseVal.value)).matrixTransform(ctm);
        if (document.elementFromPoint(p.x, p.y) === line) return { x: p.x, y: p.y };
      }
      return null;
    });
    expect(at).not.toBeNull();
    await page.mouse.click(at!.x, at!.y);
    const pathOf = (id: number): string => want.nodes.find((n) => n.codeId === id)!.title.replace(/ \(\d+\)$/, '');
    const ids = await panelIds(page);
    expect(ids).toEqual(quoteIds(file, ['--cooccur', pathOf(top.a), '--cooccur', pathOf(top.b), '--by', 'overlap']));
    expect(ids.length).toBeGreaterThan(0);
    await app().screenshot('codemap-edge-quotations');
  });

  it('keeps a dragged node where it was dropped, after a reload, and exports the map as SVG and PNG', async () => {
    const { page } = app();
    await openTab(page, 'Kodkarta');
    const svg = page.getByTestId('codemap-svg');
    const node = svg.getByTestId('codemap-node').first();
    await node.waitFor({ timeout: 15_000 });
    const id = await node.getAttribute('data-code-id');
    const circle = svg.locator(`[data-testid="codemap-node"][data-code-id="${id}"] circle`);
    const before = { cx: Number(await circle.getAttribute('cx')), cy: Number(await circle.getAttribute('cy')) };
    const box = (await circle.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2 + 40, { steps: 6 });
    await page.mouse.up();
    await expect.poll(async () => Number(await circle.getAttribute('cx'))).toBeGreaterThan(before.cx + 10);
    const after = { cx: Number(await circle.getAttribute('cx')), cy: Number(await circle.getAttribute('cy')) };
    expect(after.cy).toBeGreaterThan(before.cy + 5);
    await expect.poll(() => page.getByTestId('codemap-rearrange').isEnabled()).toBe(true);

    await page.reload();
    await openTab(page, 'Kodkarta');
    await expect.poll(async () => [Number(await circle.getAttribute('cx')), Number(await circle.getAttribute('cy'))], { timeout: 15_000 }).toEqual([after.cx, after.cy]);

    await page.getByTestId('codemap-min-weight').fill('2');
    const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('codemap-export-svg').click()]);
    const svgFile = path.join(app().dir, svgDownload.suggestedFilename());
    await svgDownload.saveAs(svgFile);
    expect(svgFile).toMatch(/\.svg$/);
    const exported = readSvg(readFileSync(svgFile, 'utf8'));
    expect(exported.minWeight).toBe(2);
    expect(exported.nodes.length).toBe(await svg.getByTestId('codemap-node').count());
    expect(exported.edges.map((e) => e.weight).sort((a, b) => a - b)).toEqual(
      await svg.getByTestId('codemap-edge').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-weight'))).sort((a, b) => a - b)),
    );
    // the dragged node is where it was dropped in the file too
    expect(readFileSync(svgFile, 'utf8')).toContain(`data-code-id="${id}" data-quotations`);
    expect(readFileSync(svgFile, 'utf8')).toMatch(new RegExp(`data-code-id="${id}" data-quotations="\\d+" cx="${after.cx}" cy="${after.cy}"`));

    const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('codemap-export-png').click()]);
    const pngFile = path.join(app().dir, pngDownload.suggestedFilename());
    await pngDownload.saveAs(pngFile);
    const png = readFileSync(pngFile);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // twice the SVG's size
    const svgWidth = Number(/<svg[^>]* width="(\d+)"/.exec(readFileSync(svgFile, 'utf8'))![1]);
    expect(png.readUInt32BE(16)).toBe(svgWidth * 2);
    await app().screenshot('codemap-dragged');
  });
});
