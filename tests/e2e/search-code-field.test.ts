/**
 * The search's code field (issue 13 §4): typing the name of an existing sub-code uses that
 * code (the field says which, with its path), a name that matches nothing is refused with
 * the nearest codes named, and a new code is made only from the explicit "New code" line.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appPerTest, callApi, noChromium } from './harness';

interface Code {
  id: number;
  name: string;
  path: string;
  quotations: number;
}

const SUB = 'Arbetsbelastning och personalomsättning';

describe.skipIf(noChromium)('the search code field', () => {
  const app = appPerTest();
  let page: Page;
  let codesBefore: Code[];

  /** Each test: a fresh sample project (no quotations), searched for "samverkan". */
  beforeEach(async () => {
    page = app().page;
    codesBefore = await callApi<Code[]>(page, 'codes.tree');
    await page.locator('#tab-search').click();
    await page.getByTestId('search-input').fill('samverkan');
    await page.getByTestId('search-run').click();
    await page.getByTestId('kwic-row').first().waitFor({ timeout: 60_000 });
  });
  const selectHits = async (from: number, n: number) => {
    for (let i = from; i < from + n; i++) await page.getByTestId('kwic-row').nth(i).getByTestId('kwic-select').check();
  };

  it('typing an existing sub-code\'s name offers it with its path and codes with it, making no new code', async () => {
    const sub = codesBefore.find((c) => c.name === SUB)!;
    expect(sub.path).toBe(`Påverkansfaktorer/${SUB}`);
    await selectHits(0, 2);
    const field = page.getByTestId('search-code');
    await field.fill(SUB.slice(0, 12));
    await expect.poll(() => page.getByTestId('search-code-option').first().textContent()).toContain(SUB);
    expect(await page.getByTestId('search-code-option').first().textContent()).toContain('Påverkansfaktorer');
    await field.fill(SUB);
    await expect.poll(() => page.getByTestId('search-code-status').textContent()).toBe(`Använder Påverkansfaktorer/${SUB}`);
    // no "new code" line: the text is an existing code
    expect(await page.getByTestId('search-code-new').count()).toBe(0);
    await app().screenshot('search-code-field-1-existing');
    await page.getByTestId('search-code-selected').click();
    await expect.poll(() => page.locator('.search-notice').textContent()).toMatch(/2 nya citat/);
    const after = await callApi<Code[]>(page, 'codes.tree');
    expect(after.length).toBe(codesBefore.length);
    expect(after.find((c) => c.id === sub.id)!.quotations).toBe(sub.quotations + 2);
  });

  it('a name that matches no code is refused with the nearest codes; "New code" makes it explicitly', async () => {
    await selectHits(5, 1);
    const field = page.getByTestId('search-code');
    await field.fill('Yrkeserfarenhter');
    await expect.poll(() => page.getByTestId('search-code-status').textContent()).toMatch(/Ingen kod heter så/);
    await page.getByTestId('search-code-selected').click();
    await expect.poll(() => page.locator('.error-banner').textContent()).toMatch(/det finns ingen kod ”Yrkeserfarenhter”; närmast: ”Påverkansfaktorer\/Yrkeserfarenhet”/);
    expect((await callApi<Code[]>(page, 'codes.tree')).length).toBe(codesBefore.length);
    await page.locator('.error-banner').getByRole('button').click();

    await field.fill('Sökträffar/Samverkan');
    await page.getByTestId('search-code-new').waitFor();
    await app().screenshot('search-code-field-2-new-offered');
    await page.getByTestId('search-code-new').click();
    await expect.poll(() => page.getByTestId('search-code-status').textContent()).toBe('Skapar den nya koden Sökträffar/Samverkan');
    await page.getByTestId('search-code-selected').click();
    await expect.poll(() => page.locator('.search-notice').textContent()).toMatch(/^1 nya citat/);
    const codes = await callApi<Code[]>(page, 'codes.tree');
    expect(codes.find((c) => c.path === 'Sökträffar/Samverkan')?.quotations).toBe(1);
  });
});
