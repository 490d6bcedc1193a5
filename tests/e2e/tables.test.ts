import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { createQuotation } from '../../electron/core/coding/quotations';
import { Project } from '../../electron/core/project/project';
import { appPerTest, noChromium, sampleTemplate } from './harness';

/** The sample project plus quotations on a spread of documents, so counts and example quotes show. */
function sampleWithQuotations(dir: string): string {
  const file = path.join(dir, 'tabeller.rodtrad');
  copyFileSync(sampleTemplate(), file);
  const p = Project.open(file);
  try {
    const docs = p.db.prepare("SELECT id, text FROM documents WHERE kind = 'interview' ORDER BY position").all() as { id: number; text: string }[];
    const codes = p.db.prepare('SELECT id FROM codes ORDER BY id').pluck().all() as number[];
    p.transaction(() => {
      codes.forEach((code, i) => {
        for (let k = 0; k < 1 + (i % 3); k++) {
          const d = docs[(i + k) % docs.length]!;
          // A sentence-sized span of one speaker turn, after the "KE: " label.
          const lines = [...d.text.matchAll(/^[^\n:]{1,20}: (.{60,})$/gm)];
          const m = lines[(i * 7 + k * 3) % lines.length]!;
          const start = m.index! + m[0].length - m[1]!.length;
          createQuotation(p, { documentId: d.id, start, end: start + Math.min(120, m[1]!.length), codeIds: [code] });
        }
      });
    });
  } finally {
    p.close();
  }
  return file;
}

describe.skipIf(noChromium)('theme tables in the UI', () => {
  const app = appPerTest({ project: sampleWithQuotations, viewport: { width: 1440, height: 1000 } });

  /** The Tables tab with the theme table preview on screen. */
  async function openTables(page: Page): Promise<Locator> {
    await page.getByRole('tab', { name: 'Tabeller', exact: true }).click();
    const preview = page.getByTestId('theme-table-preview');
    await preview.locator('table').waitFor();
    return preview;
  }

  it('builds the Table 1 theme table from the code tree, switches a section to columns and exports DOCX', async () => {
    const { page } = app();
    const preview = await openTables(page);
    // Start from the whole code tree: every section shows bullets.
    await page.getByTestId('layout-select').selectOption('tree');
    await expect.poll(() => preview.locator('tr.rt-section').count(), { timeout: 15_000 }).toBe(3);
    await expect.poll(() => preview.locator('p.rt-column-title').count(), { timeout: 15_000 }).toBe(0);
    await page.getByLabel('Rubrik').fill('Tabell 1. Resultatsammanfattning');
    // Switch the first theme to side-by-side columns.
    await page.getByRole('radiogroup', { name: /Den informella organiseringens uttryck/ }).getByRole('radio', { name: /Kolumner/ }).click();
    await expect.poll(() => preview.locator('p.rt-column-title').allTextContents(), { timeout: 15_000 }).toEqual(['I professionella kontakter', 'I situationer där klienten medverkar']);
    // Both column titles sit in one table row.
    const columnRow = preview.locator('tr.rt-body').first();
    expect(await columnRow.locator('td').count()).toBe(2);
    // Counts "k av n" and one example quote per code.
    await page.getByLabel('Antal efter varje kod').selectOption('k-of-n');
    await page.getByLabel('Exempelcitat per kod').fill('1');
    await page.getByLabel('Källetikett').fill('({document}, {speaker})');
    await expect.poll(async () => (await preview.textContent()) ?? '', { timeout: 15_000 }).toMatch(/Bollande \(\d+ av \d+\):/);
    await expect.poll(() => preview.locator('.rt-quote').count(), { timeout: 15_000 }).toBeGreaterThan(5);
    expect(await preview.locator('.rt-caption').textContent()).toBe('Tabell 1. Resultatsammanfattning');
    await page.locator('.tt-panel').evaluate((el) => el.scrollTo(0, 0));
    await app().screenshot('tables-theme-table');
    // Filter to one term: "k av n" follows (n = the documents of that term).
    await page.locator('.tt-filter-row', { hasText: 'termin' }).getByText('HT16', { exact: true }).click();
    await expect.poll(async () => (await preview.locator('tr.rt-section').first().textContent()) ?? '', { timeout: 15_000 }).toMatch(/\(\d+ av 2\)/);
    await page.locator('.tt-filter-row', { hasText: 'termin' }).getByText('HT16', { exact: true }).click();

    // Copy to the clipboard: a real HTML table and plain text with the article's bullet marks.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app().baseUrl });
    await page.getByRole('button', { name: 'Kopiera till urklipp' }).click();
    await page.getByRole('status').filter({ hasText: 'kopierades' }).waitFor();
    const clip = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return { types: item!.types, html: await (await item!.getType('text/html')).text(), text: await (await item!.getType('text/plain')).text() };
    });
    expect(clip.types).toEqual(expect.arrayContaining(['text/html', 'text/plain']));
    expect(clip.html).toMatch(/<table[\s\S]*I professionella kontakter[\s\S]*I situationer där klienten medverkar/);
    expect(clip.text).toMatch(/^Tabell 1\. Resultatsammanfattning/);
    expect(clip.text).toContain('▪ Bollande');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'DOCX' }).click()]);
    const file = path.join(app().dir, download.suggestedFilename());
    await download.saveAs(file);
    expect(download.suggestedFilename()).toBe('Tabell 1. Resultatsammanfattning.docx');
    const xml = await (await JSZip.loadAsync(readFileSync(file))).file('word/document.xml')!.async('string');
    const rows = [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) => m[0].replace(/<[^>]+>/g, ''));
    expect(rows.some((r) => r.includes('I professionella kontakter') && r.includes('I situationer där klienten medverkar'))).toBe(true);
    expect(xml).toContain('Tabell 1. Resultatsammanfattning');
  });

  it('saves the layout in the project and shows the matrix heat map and co-occurrence', async () => {
    const { page } = app();
    await openTables(page);
    await page.getByLabel('Spara layout som …').fill('Min tabell');
    await page.getByRole('button', { name: 'Spara', exact: true }).click();
    await expect.poll(() => page.getByTestId('layout-select').inputValue(), { timeout: 15_000 }).toBe('Min tabell');
    await page.getByRole('tab', { name: 'Matris', exact: true }).click();
    const matrix = page.getByTestId('matrix-table');
    await matrix.waitFor();
    // The view picks the term attribute for the columns once the attributes are loaded.
    await expect.poll(() => matrix.locator('thead th').allTextContents(), { timeout: 15_000 }).toEqual(expect.arrayContaining([expect.stringMatching(/^HT16/)]));
    await page.getByTestId('cooccurrence-table').waitFor();
    const nOf = async (): Promise<string> => (await matrix.locator('thead th').nth(1).textContent()) ?? '';
    await expect.poll(nOf, { timeout: 15_000 }).toBe('HT16n=2');
    // Filter to the managers' interviews: the term columns count only those documents.
    await page.getByRole('button', { name: 'Urval' }).click();
    await page.locator('.mx-filter .tt-filter-row', { hasText: 'grupp' }).getByText('chef', { exact: true }).click();
    await expect.poll(nOf, { timeout: 15_000 }).toBe('HT16n=1');
    await app().screenshot('tables-matrix');
  });
});
