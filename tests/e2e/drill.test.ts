/**
 * From every number to its quotations, in a real browser: a matrix cell, a term report's
 * "k av n" and a theme-table count open a panel beside the table whose quotations are exactly
 * those `rodtrad quotes` selects with the same filter; the n − k interviews show on demand.
 * And the Tabeller view keeps the app frame fixed when its settings column is scrolled to the end.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import JSZip from 'jszip';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appPerTest, noChromium } from './harness';
import { BOLLANDE, codedSample, openTab, panelIds, PLAN, quoteIds } from './coded-sample';

/** The coded sample is made once per file by the CLI; every test gets its own copy of it. */
let template: string | undefined;
function codedCopy(dir: string): string {
  template ??= codedSample(mkdtempSync(path.join(os.tmpdir(), 'rodtrad-e2e-drill-')));
  const file = path.join(dir, 'drill.rodtrad');
  copyFileSync(template, file);
  return file;
}

describe.skipIf(noChromium)('from a number to its quotations', () => {
  const app = appPerTest({ project: codedCopy, viewport: { width: 1440, height: 900 } });
  afterAll(() => {
    if (template) rmSync(path.dirname(template), { recursive: true, force: true });
  });

  it('opens a matrix cell: the same quotations as rodtrad quotes --code --where termin=', async () => {
    const { page } = app();
    const file = app().projectFile;
    await openTab(page, 'Matris');
    const matrix = page.getByTestId('matrix-table');
    await expect.poll(() => matrix.locator('thead th').allTextContents(), { timeout: 15_000 }).toEqual(expect.arrayContaining([expect.stringMatching(/^HT16/)]));
    const row = matrix.locator('tbody tr', { has: page.locator('th', { hasText: /^Bollande$/ }) });
    const headers = await matrix.locator('thead th').allTextContents();
    const col = headers.findIndex((h) => h.startsWith('HT17'));
    const cell = row.locator('td').nth(col - 1);
    const shown = Number(await cell.textContent());
    expect(shown).toBeGreaterThan(0);
    await cell.click();
    const ids = await panelIds(page);
    expect(ids.length).toBe(shown);
    expect(ids).toEqual(quoteIds(file, ['--code', BOLLANDE, '--where', 'termin=HT17']));
    const first = page.getByTestId('drill-quote').first();
    await expect.poll(() => first.textContent()).toMatch(/-ht17.*HT17/);
    await app().screenshot('drill-matrix');
    // the jump opens the document at the quotation
    await first.getByRole('button', { name: /Öppna i dokumentet/ }).click();
    await expect.poll(() => page.getByRole('tab', { selected: true }).first().textContent(), { timeout: 10_000 }).toMatch(/gruppintervju|Dokument/);
  });

  it('opens a term report "k av n": the k interviews, and the n − k on demand', async () => {
    const { page } = app();
    const file = app().projectFile;
    await openTab(page, 'Rapport');
    await expect.poll(() => page.getByTestId('report-term').inputValue(), { timeout: 15_000 }).toBe('termin');
    const row = page.getByTestId('report-row').filter({ hasText: PLAN });
    const cell = row.getByTestId('report-cell').first(); // HT16
    const [, k, n] = (/^(\d+) av (\d+)$/.exec((await cell.locator('.k').textContent()) ?? '') ?? []).map(Number);
    await cell.click();
    const ids = await panelIds(page);
    expect(ids).toEqual(quoteIds(file, ['--code', PLAN, '--where', 'termin=HT16', '--where', 'kind=interview']));
    expect(await page.getByTestId('drill-title').textContent()).toContain(`${k} av ${n}`);
    if (n! > k!) {
      await page.getByTestId('drill-without-toggle').click();
      expect(await page.getByTestId('drill-without').locator('li').count()).toBe(n! - k!);
    }
    await app().screenshot('drill-term-report');
    // The same small multiples as the DOCX, when asked for: one small chart per code.
    await page.getByTestId('drill-panel').getByRole('button', { name: 'Stäng' }).click();
    await page.getByTestId('report-chart-layout').selectOption('small-multiples');
    const chart = page.getByTestId('report-chart');
    await expect.poll(() => chart.locator('svg path').count(), { timeout: 10_000 }).toBe(3);
    await chart.scrollIntoViewIfNeeded();
    await app().screenshot('term-report-small-multiples');
  });

  it('opens a theme-table count, and the Tabeller view stays framed when scrolled to the end', async () => {
    const { page } = app();
    const file = app().projectFile;
    const dir = app().dir;
    await openTab(page, 'Tabeller');
    const preview = page.getByTestId('theme-table-preview');
    await preview.locator('table').waitFor();
    await page.getByTestId('layout-select').selectOption('tree');
    await page.getByLabel('Antal efter varje kod').selectOption('quotes');
    await page.getByLabel('Exempelcitat per kod').fill('1');
    const count = preview.locator('li', { hasText: /^Bollande/ }).getByTestId('theme-count').first();
    await count.waitFor({ timeout: 15_000 });
    const shown = Number(/\((\d+)\)/.exec((await count.textContent()) ?? '')![1]);
    await count.click();
    const ids = await panelIds(page);
    expect(ids.length).toBe(shown);
    expect(ids).toEqual(quoteIds(file, ['--code', BOLLANDE]));

    // Pin two quotes, the third listed first, then the first: the DOCX prints them in that order under Bollande.
    const quotesShown = page.getByTestId('drill-quote');
    const snippet = async (i: number): Promise<string> => ((await quotesShown.nth(i).locator('blockquote').textContent()) ?? '').replace(/\s+/g, ' ').trim().slice(8, 40);
    const third = await snippet(2);
    const first = await snippet(0);
    await quotesShown.nth(2).getByTestId('drill-pin').click();
    await expect.poll(() => quotesShown.first().getByTestId('drill-pin').textContent()).toContain('★ 1');
    // the pinned quote moved to the top; the old first is now second
    await quotesShown.nth(1).getByTestId('drill-pin').click();
    await expect.poll(() => quotesShown.nth(1).getByTestId('drill-pin').textContent()).toContain('★ 2');
    await expect.poll(async () => (await preview.textContent())?.replace(/\s+/g, ' ') ?? '', { timeout: 15_000 }).toContain(third);
    await app().screenshot('drill-theme-table');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'DOCX' }).click()]);
    const docx = path.join(dir, download.suggestedFilename());
    await download.saveAs(docx);
    const xml = await (await JSZip.loadAsync(readFileSync(docx))).file('word/document.xml')!.async('string');
    const text = xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ');
    const at = text.indexOf('Bollande (');
    expect(at).toBeGreaterThan(0);
    expect(text.indexOf(third, at)).toBeGreaterThan(at);
    expect(text.indexOf(first, at)).toBeGreaterThan(text.indexOf(third, at));
    // Closing the panel brings the settings back.
    await page.getByTestId('drill-panel').getByRole('button', { name: 'Stäng' }).click();
    await page.getByTestId('drill-panel').waitFor({ state: 'detached' });

    // Scroll the settings column to its end, and the page with the wheel: the frame stays put.
    const panel = page.locator('.tt-panel');
    await panel.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await panel.hover();
    await page.mouse.wheel(0, 5000);
    await page.locator('.tt-paper-wrap').hover();
    await page.mouse.wheel(0, 5000);
    const frame = await page.evaluate(() => ({
      pageHeight: document.scrollingElement!.scrollHeight,
      scrollY: window.scrollY,
      inner: window.innerHeight,
      topbar: document.querySelector('[role="tablist"]')?.getBoundingClientRect().top ?? -1,
    }));
    expect(frame.pageHeight).toBe(frame.inner);
    expect(frame.scrollY).toBe(0);
    expect(frame.topbar).toBeGreaterThanOrEqual(0);
    expect(await panel.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    await app().screenshot('tables-scrolled-to-end');
  });
});
