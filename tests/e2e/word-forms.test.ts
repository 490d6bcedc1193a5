/**
 * Word forms in the search (issue 13 §6) on the sample project: the forms a query matched are
 * shown with their hits, a form can be unticked (its hits go), and compounds can be turned off.
 */
import { describe, expect, it } from 'vitest';
import { appPerTest, callApi, noChromium } from './harness';

interface Result {
  total: number;
  forms: { form: string; hits: number }[];
}

describe.skipIf(noChromium)('word forms in the search', () => {
  const app = appPerTest();

  const total = async () => Number((await app().page.getByTestId('search-summary').locator('strong').textContent())!.replace(/\D/g, ''));

  it('shows the matched forms with counts; unticking a form drops its hits; compounds can be turned off', async () => {
    const { page } = app();
    await page.locator('#tab-search').click();
    const api = await callApi<Result>(page, 'search.query', { query: 'arbete' });
    expect(api.forms.length).toBeGreaterThan(1);
    await page.getByTestId('search-input').fill('arbete');
    await page.getByTestId('search-run').click();
    await page.getByTestId('search-forms').waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId('search-form').count()).toBe(api.forms.length);
    await expect.poll(total).toBe(api.total);
    await app().screenshot('word-forms-1-listed');

    const drop = api.forms.find((f) => f.form !== 'arbete')!;
    await page.getByTestId('search-form').filter({ hasText: drop.form }).first().locator('input').uncheck();
    await expect.poll(total).toBe(api.total - drop.hits);
    const again = await callApi<Result>(page, 'search.query', { query: 'arbete', excludeForms: [drop.form] });
    expect(again.total).toBe(api.total - drop.hits);
    await app().screenshot('word-forms-2-unticked');
    await page.getByTestId('search-form').filter({ hasText: drop.form }).first().locator('input').check();
    await expect.poll(total).toBe(api.total);

    const plain = await callApi<Result>(page, 'search.query', { query: 'arbete', compounds: false });
    await page.getByTestId('search-compounds').uncheck();
    await expect.poll(total).toBe(plain.total);
    expect(plain.total).toBeLessThanOrEqual(api.total);
  });
});
