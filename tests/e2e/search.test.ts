import { describe, expect, it } from 'vitest';
import { Project } from '../../electron/core/project/project';
import { appPerTest, callApi, noChromium } from './harness';

const CODE = 'Sökträffar/Samverkan';

describe.skipIf(noChromium)('search view on the sample project', () => {
  const app = appPerTest();

  it('searches "samverkan", shows KWIC lines, codes two hits and shows them in the document margin', async () => {
    const { page } = app();
    await expect.poll(() => page.getByTestId('document-row').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(8);
    await page.locator('#tab-search').click();
    await page.getByTestId('search-input').fill('samverkan');
    await page.getByTestId('search-run').click();
    const rows = page.getByTestId('kwic-row');
    await rows.first().waitFor({ timeout: 60_000 });
    expect(await rows.count()).toBeGreaterThan(2);
    const matches = await page.locator('.kwic-match').allTextContents();
    for (const m of matches) expect(m.toLowerCase()).toMatch(/^samverkan/);
    expect(await page.getByTestId('search-summary').textContent()).toMatch(/träff/);
    expect(await page.getByTestId('search-per-document').locator('tr').count()).toBeGreaterThan(1);
    await page.getByRole('button', { name: /Söksyntax/ }).click();
    await page.getByTestId('search-help').waitFor();
    await app().screenshot('search-kwic');

    // two hits from different documents
    const docs = await page.locator('.kwic-doc').allTextContents();
    const first = 0;
    const second = docs.findIndex((d) => d !== docs[0]);
    expect(second).toBeGreaterThan(0);
    await rows.nth(first).getByTestId('kwic-select').check();
    await rows.nth(second).getByTestId('kwic-select').check();
    expect(await page.getByTestId('search-selected').textContent()).toMatch(/2/);
    expect(await page.getByTestId('search-select-all').evaluate((el) => (el as HTMLInputElement).indeterminate)).toBe(true);
    // a path that is no code yet is made only from the explicit "new code" line
    expect((await callApi<{ path: string }[]>(page, 'codes.tree')).some((c) => c.path === CODE)).toBe(false);
    await page.getByTestId('search-code').fill(CODE);
    await page.getByTestId('search-code-new').click();
    await expect.poll(() => page.getByTestId('search-code-status').textContent()).toBe(`Skapar den nya koden ${CODE}`);
    await page.getByTestId('search-expand').selectOption('sentence');
    await page.getByTestId('search-code-selected').click();
    await expect.poll(() => page.locator('.search-notice').textContent()).toMatch(/2 nya citat/);
    expect((await callApi<{ path: string; quotations: number }[]>(page, 'codes.tree')).find((c) => c.path === CODE)?.quotations).toBe(2);
    await app().screenshot('search-coded');

    // the project now has exactly two quotations with the code, each a sentence containing the hit
    const p = Project.open(app().projectFile);
    const quotes = p.db
      .prepare(
        `SELECT q.document_id AS doc, q.start, q."end" FROM quotations q JOIN quotation_codes qc ON qc.quotation_id = q.id
         JOIN codes c ON c.id = qc.code_id WHERE c.name = 'Samverkan' AND c.parent_id = (SELECT id FROM codes WHERE name = 'Sökträffar')`,
      )
      .all() as { doc: number; start: number; end: number }[];
    const texts = quotes.map((q) => (p.db.prepare('SELECT text FROM documents WHERE id = ?').pluck().get(q.doc) as string).slice(q.start, q.end));
    p.close();
    expect(quotes).toHaveLength(2);
    for (const t of texts) {
      expect(t.toLowerCase()).toContain('samverkan');
      expect(t).not.toContain('\n');
    }

    // a click on the first hit opens its document there, with the quotation in the margin
    await rows.nth(first).getByTestId('kwic-open').click();
    await page.getByTestId('document-text').waitFor();
    await expect.poll(() => page.locator('#tab-document').getAttribute('aria-selected')).toBe('true');
    const bars = page.locator(`[data-testid="margin-bar"][title*="${CODE}"]`);
    await expect.poll(() => bars.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    await app().screenshot('search-hit-in-document');
  });

  it("lets the researcher set a document's language, and searches on in it", async () => {
    const { page } = app();
    await page.locator('#tab-search').click();
    const toggle = page.getByTestId('doc-languages-toggle');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    const selects = page.getByTestId('doc-languages').getByTestId('doc-language');
    await expect.poll(() => selects.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(8);
    // the import stored the language it detected: Swedish for every sample document
    expect(new Set(await selects.evaluateAll((els) => els.map((e) => (e as HTMLSelectElement).value)))).toEqual(new Set(['sv']));
    const row = page.getByTestId('doc-languages').locator('tr', { hasText: /f[aä]ltanteckning/i }).first();
    const select = row.getByTestId('doc-language');
    const name = (await row.locator('.count-name').textContent())!;
    const stored = (): unknown => {
      const p = Project.open(app().projectFile);
      try {
        return p.db.prepare('SELECT language FROM documents WHERE name = ?').pluck().get(name);
      } finally {
        p.close();
      }
    };
    await select.selectOption('en');
    await expect.poll(stored).toBe('en');
    await expect.poll(() => select.inputValue()).toBe('en');
    await app().screenshot('search-document-languages');
    // the search runs on the rebuilt index
    await page.getByTestId('search-input').fill('personal*');
    await page.getByTestId('search-run').click();
    await expect.poll(() => page.getByTestId('search-summary').textContent(), { timeout: 30_000 }).toMatch(/träff/);
    // "detect again" clears the choice, and the document is detected as Swedish
    await select.selectOption('auto');
    await expect.poll(() => select.locator('option').first().textContent()).toBe('Gissat: Svenska');
    expect(stored()).toBeNull();
    await select.selectOption('sv');
    await expect.poll(stored).toBe('sv');
  });

  it('shows word frequencies and compares chef with medarbetare', async () => {
    const { page } = app();
    await page.locator('#tab-words').click();
    const table = page.getByTestId('words-table');
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBeGreaterThan(20);
    const a = page.getByTestId('words-scope-a').locator('select');
    await a.nth(0).selectOption('group');
    await page.getByTestId('words-scope-a').locator('select').nth(1).selectOption('grupp');
    await page.getByTestId('words-scope-a').locator('select').nth(2).selectOption('chef');
    const b = page.getByTestId('words-scope-b');
    await b.locator('select').nth(0).selectOption('group');
    await b.locator('select').nth(1).selectOption('grupp');
    await b.locator('select').nth(2).selectOption('medarbetare');
    const cmp = page.getByTestId('words-compare');
    await cmp.waitFor();
    expect(await cmp.locator('thead').textContent()).toContain('medarbetare');
    expect(await cmp.locator('tbody tr').count()).toBeGreaterThan(10);
    await app().screenshot('words-compare');
  });

  it('speaks English when the UI does', async () => {
    const { page } = app();
    await page.getByTestId('language').selectOption('en');
    await page.locator('#tab-search').click();
    await expect.poll(() => page.getByTestId('search-run').textContent()).toBe('Search');
    await page.getByTestId('search-input').fill('arbetsbelastning grupp:chef');
    await page.getByTestId('search-run').click();
    await expect.poll(() => page.getByTestId('search-summary').textContent(), { timeout: 30_000 }).toMatch(/hits?\s*in \d+ of \d+ documents/);
    expect(await page.locator('.search-counts').textContent()).toMatch(/Hits per document/);
    await app().screenshot('search-en');
  });
});
