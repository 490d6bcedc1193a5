/**
 * Trend charts a reader can read: with fifteen codes the term report draws one small chart
 * per code on shared axes (or the top five with the rest named), no two labels overlap and
 * every label stays inside the picture; the same SVG goes into the DOCX and XLSX. The
 * fifteen-code DOCX is rendered through LibreOffice to PNG pages to look at.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { Session } from '../../electron/core/api/session';
import { createCode } from '../../electron/core/coding/codes';
import { createQuotation } from '../../electron/core/coding/quotations';
import { insertDocument } from '../../electron/core/documents/store';
import { Project } from '../../electron/core/project/project';
import { termChartPlan, termChartSvg } from '../../shared/charts/term-chart';
import { mulberry32 as rng } from '../helpers/random';
import { needTool, pathOrSkip } from '../helpers/reference';
import { tempDir } from '../helpers/tmp';
import { readDocx } from './docx-xml';

const SCREENSHOTS = path.resolve(__dirname, '../e2e/__screenshots__');
const TERMS = ['HT16', 'VT17', 'HT17', 'VT18', 'HT18'];
/** The fifteen numbered areas a följeforskning report follows, long names and all. */
const AREAS = [
  'Brukardelaktighet och återkoppling från brukare',
  'Introduktionsprogram och mentorskap för nyanställda',
  'Antal medarbetare som är rimligt i förhållande till chefers och medarbetares uppdrag',
  'Lokalt kompetens- och utvecklingsforum',
  'Nära och tillgänglig ledning som ger stöd och uppmuntran',
  'Administrativt stöd till socialsekreterare och biståndshandläggare',
  'Ändamålsenliga lokaler',
  'Lönestruktur och löneutveckling',
  'Handledning',
  'Arbetsmiljö och hälsa',
  'Samverkan med andra aktörer',
  'Dokumentation och IT-stöd',
  'Rekrytering',
  'Uppföljning av handlingsplanen',
  'Övrigt',
].map((n, i) => `${i + 1}. ${n}`);

const dir = tempDir('reports-trend-charts');
let p: Project;
let session: Session;
const call = <M extends Parameters<typeof dispatch>[1]>(m: M, params: Parameters<typeof dispatch<M>>[2]) => dispatch(session, m, params);

beforeAll(() => {
  p = Project.create(path.join(dir, 'femton.rodtrad'));
  const random = rng(15);
  p.transaction(() => {
    const codes = AREAS.map((name) => createCode(p, { name }));
    let nr = 0;
    for (const termin of TERMS) {
      for (let i = 0; i < 8; i++) {
        const text = 'Vi pratade länge om hur handlingsplanen fungerar i vardagen och vad som behöver ändras.';
        const doc = insertDocument(p, { name: `Gruppintervju ${++nr}`, kind: 'interview', text, attributes: { termin, grupp: i % 2 ? 'chef' : 'medarbetare' } });
        codes.forEach((c, ci) => {
          if (random() < 0.2 + ((ci * 5) % 7) / 10) createQuotation(p, { documentId: doc, start: 0, end: 20, codeIds: [c] });
        });
      }
    }
  });
  session = new Session('test', p);
});
afterAll(() => session.closeProject());

interface Box {
  text: string;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** Every text of an SVG as a box from its position, anchor, size and a generous glyph width. */
function textBoxes(svg: string): Box[] {
  const base = Number(/font-size="([\d.]+)"/.exec(svg)![1]);
  return [...svg.matchAll(/<text ([^>]*)>([^<]*)<\/text>/g)].map((m) => {
    const attr = (k: string): string | undefined => new RegExp(`${k}="([^"]+)"`).exec(m[1]!)?.[1];
    const size = Number(attr('font-size') ?? base);
    const text = m[2]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
    const w = text.length * size * 0.6;
    const x = Number(attr('x'));
    const y = Number(attr('y'));
    const anchor = attr('text-anchor') ?? 'start';
    const x0 = anchor === 'middle' ? x - w / 2 : anchor === 'end' ? x - w : x;
    return { text, x0, x1: x0 + w, y0: y - size * 0.8, y1: y + size * 0.2 };
  });
}

describe('trend charts with fifteen codes', () => {
  it('draws one small chart per code on shared axes, with no label over another or outside the picture', async () => {
    const report = await call('reports.term', { term: 'termin', group: 'grupp' });
    expect(report.rows).toHaveLength(15);
    expect(termChartPlan(report, null).layout).toBe('small-multiples');
    for (const group of [null, 'chef']) {
      const svg = termChartSvg(report, group, 'line', 620);
      const width = Number(/width="(\d+)"/.exec(svg)![1]);
      expect([...svg.matchAll(/<path d=/g)]).toHaveLength(15);
      const boxes = textBoxes(svg);
      for (const b of boxes) {
        expect(b.x0, b.text).toBeGreaterThanOrEqual(0);
        expect(b.x1, b.text).toBeLessThanOrEqual(width);
      }
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!;
          const b = boxes[j]!;
          const overlap = a.x0 < b.x1 - 0.5 && b.x0 < a.x1 - 0.5 && a.y0 < b.y1 - 0.5 && b.y0 < a.y1 - 0.5;
          expect(overlap, `"${a.text}" over "${b.text}"`).toBe(false);
        }
      // every code's name is there (wrapped or shortened, never dropped)
      for (const name of AREAS) expect(svg).toContain(name.split(' ').slice(0, 2).join(' '));
      // shared axes: the same 0 and 100 % everywhere
      expect([...svg.matchAll(/>100\u00a0%</g)].length).toBe(5);
    }
  });

  it('draws the top five on one chart and names the rest when asked', async () => {
    const report = await call('reports.term', { term: 'termin' });
    const plan = termChartPlan(report, null, 'top5');
    expect(plan.series).toHaveLength(5);
    expect(plan.rest).toHaveLength(10);
    const totals = new Map(report.rows.map((r) => [r.name, r.total.k]));
    expect(Math.min(...plan.series.map((s) => totals.get(s.name)!))).toBeGreaterThanOrEqual(Math.max(...plan.rest.map((n) => totals.get(n)!)));
    const res = await call('reports.exportTerm', { term: 'termin', format: 'docx', chartLayout: 'top5' });
    const doc = await readDocx(Buffer.from(res.base64!, 'base64'));
    expect(doc.text).toContain(`Övriga koder, inte i diagrammet: ${plan.rest.join(', ')}.`);
  });

  it('puts the same small multiples into the XLSX and renders the DOCX through LibreOffice', async (ctx) => {
    const x = await call('reports.exportTerm', { term: 'termin', group: 'grupp', format: 'xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.base64!, 'base64') as unknown as ArrayBuffer);
    expect(wb.getWorksheet('Per termin')!.getImages()).toHaveLength(1);
    const out = path.join(dir, 'femton-koder.docx');
    await call('reports.exportTerm', { term: 'termin', group: 'grupp', format: 'docx', path: out });
    const soffice = pathOrSkip(ctx, needTool('soffice'));
    const pdfDir = path.join(dir, 'pdf');
    mkdirSync(pdfDir, { recursive: true });
    execFileSync(soffice, ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/lo-profile`, '--convert-to', 'pdf', '--outdir', pdfDir, out], { stdio: 'ignore', timeout: 180_000 });
    const pdf = path.join(pdfDir, 'femton-koder.pdf');
    expect(existsSync(pdf)).toBe(true);
    execFileSync(pathOrSkip(ctx, needTool('pdftoppm')), ['-png', '-r', '60', pdf, path.join(pdfDir, 'page')]);
    const pages = readdirSync(pdfDir).filter((f) => f.startsWith('page') && f.endsWith('.png')).sort();
    expect(pages.length).toBeGreaterThanOrEqual(3);
    mkdirSync(SCREENSHOTS, { recursive: true });
    pages.forEach((f, i) => copyFileSync(path.join(pdfDir, f), path.join(SCREENSHOTS, `term-report-15-codes-${i + 1}.png`)));
  }, 240_000);
});
