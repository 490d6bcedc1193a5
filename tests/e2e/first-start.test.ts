/**
 * What a newcomer sees on first start (issue 13, points 12 and 15): the sample project that
 * `npm start` opens, already coded by two fictional coders, so the analysis views show
 * content at once; and every view in Swedish without English words or internal ids.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appPerTest, noChromium } from './harness';

const BIN = path.resolve(__dirname, '../../bin/rodtrad.mjs');

/** The coded sample, made by the real CLI as `npm start` makes it. */
function codedSample(dir: string): string {
  const file = path.join(dir, 'exempelprojekt.rodtrad');
  const made = spawnSync(process.execPath, [BIN, 'sample', file, '--coded'], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`rodtrad sample --coded failed: ${made.stderr}`);
  return file;
}

/**
 * Words and shapes that must not appear in the Swedish UI: English UI words, translation
 * keys ("tables.countsMode.none"), enum values and values that leaked from code.
 */
const ENGLISH = [
  'the', 'and', 'of', 'with', 'without', 'quotations?', 'codes?', 'documents?', 'speakers?', 'turns?', 'search', 'settings',
  'cancel', 'save', 'delete', 'rename', 'loading', 'error', 'none', 'interview', 'fieldnote', 'survey', 'other', 'overlap', 'codepoints(-lf)?',
  'utf16(-lf)?', 'undefined', 'null', 'NaN', 'true', 'false', 'Infinity', 'k-of-n', 'docs', 'quotes', 'row-percent', 'col-percent', 'presence', 'count',
];
const ENGLISH_WORD = new RegExp(`(?<![\\p{L}\\d_./-])(${ENGLISH.join('|')})(?![\\p{L}\\d_/-])`, 'giu');
/** A translation key or an id left in the text: "area.key" or "area.key.more" in lower camel case. */
const KEY_SHAPE = /(?<![\p{L}\d@/])[a-z]{2,}(?:[A-Z][a-z]+)*\.[a-z]+(?:[A-Z][a-z]+)*(?:\.[a-zA-Z]+)*(?![\p{L}\d(])/gu;

/** What the user reads: the page's text, without the documents' and codes' own words (the corpus) or file names. */
async function uiText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const skip = '.doc-text, .doc-view, .quote-text, .kwic, .tt-quote, .rt-quote, [data-corpus], .code-name, .doc-name, .document-row, [role="treeitem"], code, kbd';
    const clone = document.body.cloneNode(true) as HTMLElement;
    clone.querySelectorAll(skip).forEach((el) => el.remove());
    // titles and labels are read too
    const attrs = [...document.querySelectorAll('[title], [aria-label], [placeholder]')]
      .filter((el) => !el.closest(skip))
      .flatMap((el) => ['title', 'aria-label', 'placeholder'].map((a) => el.getAttribute(a) ?? ''));
    return `${clone.innerText}\n${attrs.join('\n')}`;
  });
}

function englishIn(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(ENGLISH_WORD)) found.add(m[0]);
  for (const m of text.matchAll(KEY_SHAPE)) if (!/^\d/.test(m[0]) && !/\.(rodtrad|docx|xlsx|csv|md|html|qdpx|qdc|txt|json|png)$/i.test(m[0])) found.add(m[0]);
  return [...found];
}

describe.skipIf(noChromium)('the first start', () => {
  const app = appPerTest({ project: codedSample, viewport: { width: 1440, height: 1000 } });

  it("the pre-coded sample's theme table, matrix and term report show content at once", async () => {
    const { page } = app();
    await page.getByTestId('document-row').first().waitFor({ timeout: 30_000 });
    await page.getByRole('tab', { name: 'Tabeller', exact: true }).click();
    const preview = page.getByTestId('theme-table-preview');
    await preview.locator('table').waitFor({ timeout: 30_000 });
    // counts and example quotations from the two coders' work, not an empty frame
    await expect.poll(() => preview.locator('tr.rt-section').count(), { timeout: 15_000 }).toBe(3);
    await app().screenshot('first-start-theme-table');
    await expect.poll(async () => (await preview.textContent())?.match(/”[^”]{20,}”/g)?.length ?? 0, { timeout: 15_000 }).toBeGreaterThan(5);

    await page.getByRole('tab', { name: 'Matris', exact: true }).click();
    const matrix = page.locator('table').filter({ hasText: 'Påverkansfaktorer' }).first();
    await matrix.waitFor({ timeout: 30_000 });
    await expect.poll(async () => (await matrix.locator('td').allTextContents()).filter((t) => /^[1-9]\d*$/.test(t.trim())).length, { timeout: 15_000 }).toBeGreaterThan(10);
    await app().screenshot('first-start-matrix');

    await page.getByRole('tab', { name: 'Rapport', exact: true }).click();
    await expect.poll(async () => (await page.locator('div.center').first().textContent()) ?? '', { timeout: 30_000 }).toMatch(/[1-9] av [1-9]/);
    await app().screenshot('first-start-term-report');
  });

  it('every view in Swedish: no English words or internal ids', async () => {
    const { page } = app();
    await page.getByTestId('document-row').first().waitFor({ timeout: 30_000 });
    await page.getByTestId('document-row').nth(2).click();
    const tabs = await page.getByRole('tab').allTextContents();
    expect(tabs.length).toBeGreaterThanOrEqual(10);
    const problems: string[] = [];
    for (const name of tabs) {
      await page.getByRole('tab', { name, exact: true }).click();
      await expect.poll(() => page.getByRole('tab', { name, exact: true }).getAttribute('aria-selected')).toBe('true');
      // let the view load what it shows: no "Laddar …" left
      await expect.poll(async () => (await page.locator('div.center').first().textContent()) ?? '', { timeout: 30_000 }).not.toMatch(/Laddar/);
      const found = englishIn(await uiText(page));
      if (found.length) problems.push(`${name}: ${found.join(', ')}`);
    }
    await page.getByTestId('file-menu').click();
    const menu = englishIn(await uiText(page));
    if (menu.length) problems.push(`Arkiv: ${menu.join(', ')}`);
    console.log(problems.join("\n"));
    expect(problems).toEqual([]);
  });
});
