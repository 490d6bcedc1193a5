/**
 * First paint of the document view in Chromium: a 12,000-word group interview with 300 coded
 * quotations (nested and overlapping, so the margin needs several lanes).
 *
 * Method. The project is built through the core (insertDocument with parsed speaker turns,
 * createCode, createQuotation), served by the built CLI (`rodtrad serve`, browser mode) and
 * opened in Debian's Chromium (headless, via playwright-core). Each sample starts on a small
 * document; the page then clicks the big document's row in the document list (t0 =
 * performance.now() right before the synchronous click) and watches every animation frame
 * until the DOM holds speaker turns with their text AND margin bars; the time reported is
 * the timestamp of the NEXT frame after that one (the frame that presents the laid-out text
 * with its margin, the margin being positioned by a layout effect), minus t0. So it includes
 * the two API calls over HTTP (documents.get with the full text and quotations.list), React
 * rendering of the visible blocks and margin measurement. The reference in the same run is
 * the browser's own floor: the same text put as one <pre> into the page, to its next frame.
 * mainThreadCpuMs is the renderer main thread's busy time for the same opens (CDP Performance
 * TaskDuration in thread ticks), the part of the wall time that is our work rather than waiting
 * for a busy machine's CPU.
 * Needs a full build (dist/renderer); `npm run bench` alone builds only the Node side.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createCode } from '../../electron/core/coding/codes';
import { createQuotation } from '../../electron/core/coding/quotations';
import { insertDocument } from '../../electron/core/documents/store';
import { parseTranscript } from '../../electron/core/import/transcript';
import { Project } from '../../electron/core/project/project';
import { mulberry32, round, summarize, tempDir } from './util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WORDS = 12_000;
const QUOTATIONS = 300;
const SAMPLES = 15;

const VOCAB = (
  'vi har försökt att samverka mer med skolan men sekretessen gör det svårt ibland och då blir det ' +
  'att man bollar ärendet fram och tillbaka mellan handläggarna klienten vet inte alltid vem som ansvarar ' +
  'arbetsbelastningen är hög och chefen säger att vi ska prioritera men det finns inga tydliga rutiner för det'
).split(' ');

/** A transcript of `words` words in speaker turns ("[hh:mm:ss] AL: …"), blank lines between turns. */
export function makeTranscript(words: number, seed = 11): string {
  const rnd = mulberry32(seed);
  const speakers = ['I', 'AL', 'MK', 'JB', 'PS'];
  const turns: string[] = [];
  let n = 0;
  let seconds = 10;
  while (n < words) {
    const len = Math.min(words - n, 20 + Math.floor(rnd() * 90));
    const body = Array.from({ length: len }, () => VOCAB[Math.floor(rnd() * VOCAB.length)]!).join(' ');
    const sp = turns.length % 2 === 0 ? 'I' : speakers[1 + Math.floor(rnd() * 4)]!;
    const hh = String(Math.floor(seconds / 3600)).padStart(2, '0');
    const mm = String(Math.floor((seconds % 3600) / 60)).padStart(2, '0');
    const ss = String(seconds % 60).padStart(2, '0');
    turns.push(`[${hh}:${mm}:${ss}] ${sp}: ${body[0]!.toUpperCase()}${body.slice(1)}.`);
    seconds += 5 + Math.floor(len / 2.5);
    n += len;
  }
  return `${turns.join('\n\n')}\n`;
}

export function buildProject(file: string): { bigName: string; smallName: string } {
  const p = Project.create(file, { name: 'Paint bench' });
  try {
    p.transaction(() => {
      const rnd = mulberry32(5);
      const small = makeTranscript(300, 3);
      const ps = parseTranscript(small);
      insertDocument(p, { name: 'a-liten-intervju', kind: 'interview', text: small, turns: ps.turns, speakers: ps.speakers, language: 'sv' });
      const text = makeTranscript(WORDS);
      const parsed = parseTranscript(text);
      const doc = insertDocument(p, { name: 'b-stor-intervju', kind: 'interview', text, turns: parsed.turns, speakers: parsed.speakers, language: 'sv' });
      const parents = Array.from({ length: 6 }, (_, i) => createCode(p, { name: `Tema ${i + 1}` }));
      const codes = Array.from({ length: 30 }, (_, i) => createCode(p, { name: `Kod ${i + 1} om samverkan`, parentId: parents[i % 6]! }));
      for (let i = 0; i < QUOTATIONS; i++) {
        // Spread over the text; every fifth nests inside or overlaps its predecessor.
        const base = Math.floor((i / QUOTATIONS) * (text.length - 800));
        const start = base + Math.floor(rnd() * 200);
        const end = Math.min(text.length, start + 40 + Math.floor(rnd() * (i % 5 === 0 ? 900 : 300)));
        const k = 1 + Math.floor(rnd() * 3);
        createQuotation(p, { documentId: doc, start, end, codeIds: Array.from({ length: k }, () => codes[Math.floor(rnd() * codes.length)]!).filter((c, j, a) => a.indexOf(c) === j) });
      }
    });
    return { bigName: 'b-stor-intervju', smallName: 'a-liten-intervju' };
  } finally {
    p.close();
  }
}

function serve(file: string): Promise<{ server: ChildProcess; url: string }> {
  const server = spawn(process.execPath, [path.join(ROOT, 'bin', 'rodtrad.mjs'), 'serve', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`rodtrad serve printed no URL: ${out}`)), 20_000);
    server.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+\/#start=[\w-]+/.exec(out);
      if (m) { clearTimeout(timer); resolve({ server, url: m[0] }); }
    });
    server.on('exit', (code) => reject(new Error(`rodtrad serve exited (${code}): ${out}`)));
  });
}

export async function paintBench(): Promise<Record<string, unknown>> {
  const chromiumPath = process.env.RODTRAD_CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(path.join(ROOT, 'dist', 'renderer', 'index.html'))) return { skipped: 'dist/renderer missing: run a full build (node scripts/build.mjs) first' };
  if (!existsSync(chromiumPath)) return { skipped: `no Chromium at ${chromiumPath}` };
  const tmp = tempDir('paint');
  const file = path.join(tmp.dir, 'paint.rodtrad');
  const { bigName, smallName } = buildProject(file);
  const { server, url } = await serve(file);
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--lang=sv-SE'] });
  try {
    const page = await (await browser.newContext({ locale: 'sv-SE', viewport: { width: 1440, height: 900 } })).newPage();
    await page.goto(url);
    await page.getByTestId('document-row').first().waitFor();
    const open = (name: string) =>
      page.evaluate(
        (name) =>
          new Promise<number>((resolve, reject) => {
            const row = [...document.querySelectorAll<HTMLElement>('[data-testid="document-row"]')].find((r) => r.textContent?.includes(name));
            if (!row) return reject(new Error(`no row ${name}`));
            const heading = (): string => document.getElementById('doc-title')?.textContent ?? '';
            const t0 = performance.now();
            row.click();
            const deadline = t0 + 10_000;
            const tick = (): void => {
              const ready = heading() === name && document.querySelector('[data-testid="turn"] .block-text') && document.querySelector('[data-testid="margin-bar"]');
              if (ready) requestAnimationFrame((ts) => resolve(Math.max(ts, performance.now()) - t0));
              else if (performance.now() > deadline) reject(new Error('document did not paint within 10 s'));
              else requestAnimationFrame(tick);
            };
            requestAnimationFrame(tick);
          }),
        name,
      );
    // Main-thread CPU time of each open (thread ticks, so a busy machine inflates it less than wall time).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const metrics = async (): Promise<Record<string, number>> =>
      Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m: { name: string; value: number }) => [m.name, m.value]));
    const samples: number[] = [];
    const cpu: number[] = [];
    await open(bigName); // warm-up: code loaded and JIT-compiled, as after the first document of a session
    for (let i = 0; i < SAMPLES; i++) {
      await page.getByTestId('document-row').filter({ hasText: smallName }).click();
      await page.locator('#doc-title', { hasText: smallName }).waitFor();
      await page.waitForTimeout(50);
      const before = await metrics();
      samples.push(await open(bigName));
      const after = await metrics();
      cpu.push((after.TaskDuration! - before.TaskDuration!) * 1000);
    }
    const apiMs: number[] = [];
    for (let i = 0; i < 5; i++) {
      apiMs.push(
        await page.evaluate(async () => {
          const token = sessionStorage.getItem('rodtrad.token') ?? '';
          const post = async (m: string, body: unknown): Promise<unknown> =>
            ((await (await fetch(`/api/${m}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'x-rodtrad-token': token }, body: JSON.stringify(body) })).json()) as { result: unknown }).result;
          const list = (await post('documents.list', {})) as { id: number; name: string }[];
          const id = list.find((d) => d.name === 'b-stor-intervju')!.id;
          const t0 = performance.now();
          await Promise.all([post('documents.get', { id }), post('quotations.list', { documentId: id })]);
          return performance.now() - t0;
        }),
      );
    }
    const stats = await page.evaluate(() => ({ turnsInDom: document.querySelectorAll('[data-testid="turn"]').length, barsInDom: document.querySelectorAll('[data-testid="margin-bar"]').length }));
    const reference: number[] = [];
    for (let i = 0; i < 5; i++) {
      reference.push(
        await page.evaluate(async () => {
          const token = sessionStorage.getItem('rodtrad.token') ?? '';
          const list = (await (await fetch('/api/documents.list', { method: 'POST', headers: { 'Content-Type': 'application/json', 'x-rodtrad-token': token }, body: '{}' })).json()) as { result: { id: number; name: string }[] };
          const id = list.result.find((d) => d.name === 'b-stor-intervju')!.id;
          const t0 = performance.now();
          const doc = (await (await fetch('/api/documents.get', { method: 'POST', headers: { 'Content-Type': 'application/json', 'x-rodtrad-token': token }, body: JSON.stringify({ id }) })).json()) as { result: { text: string } };
          const pre = document.createElement('pre');
          pre.style.cssText = 'position:fixed;inset:0;overflow:auto;white-space:pre-wrap;background:#fff;z-index:99';
          pre.textContent = doc.result.text;
          document.body.append(pre);
          const ms = await new Promise<number>((r) => requestAnimationFrame(() => requestAnimationFrame((ts) => r(Math.max(ts, performance.now()) - t0))));
          pre.remove();
          return ms;
        }),
      );
    }
    const s = summarize(samples);
    return {
      document: { words: WORDS, quotations: QUOTATIONS },
      firstPaintMs: s,
      mainThreadCpuMs: summarize(cpu),
      targetMs: 150,
      withinTarget: s.p95 < 150,
      referencePlainPreMs: summarize(reference),
      apiCallsMs: summarize(apiMs),
      ratioP50: round(s.p50 / summarize(reference).p50, 2),
      ...stats,
    };
  } finally {
    await browser.close();
    server.kill('SIGTERM');
    tmp.cleanup();
  }
}
