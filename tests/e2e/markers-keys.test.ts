/**
 * Memos and comments visible (issue 13 §8) and coding from the keyboard (§3) in Chromium:
 * margin and list markers for a quotation's comment and memo, a memo dialog named by the
 * quotation's words, a too-long memo refused before anything is lost; Esc closes the
 * "nothing selected" box; after F2-rename the focus is back on the renamed code.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appPerTest, callApi, noChromium } from './harness';

interface Doc {
  id: number;
  name: string;
  turnList: { start: number; end: number }[];
}
interface Code {
  id: number;
  name: string;
}

describe.skipIf(noChromium)('markers and keys', () => {
  const app = appPerTest();
  let page: Page;
  let doc: Doc;

  /** Each test: a fresh sample project with one quotation in gruppintervju-02 holding a comment and a memo, that document open. */
  beforeEach(async () => {
    page = app().page;
    const docs = await callApi<Doc[]>(page, 'documents.list');
    doc = await callApi<Doc>(page, 'documents.get', { id: docs.find((d) => d.name.startsWith('gruppintervju-02'))!.id });
    const code = (await callApi<Code[]>(page, 'codes.tree')).at(-1)!;
    const t = doc.turnList[2]!;
    const q = await callApi<{ id: number }>(page, 'quotations.create', { documentId: doc.id, start: t.start + 4, end: t.end, codeIds: [code.id], comment: 'Viktigt exempel' });
    await callApi(page, 'memos.create', { title: 'Tanke', body: 'Jämför med intervju 1.', quotationId: q.id });
    await page.getByTestId('document-row').filter({ hasText: 'gruppintervju-02' }).click();
    await page.getByTestId('turn').first().waitFor();
  });

  /** Selects the quotation by its margin label and waits until its details show. */
  async function selectQuotation(): Promise<void> {
    await page.getByTestId('margin-label').first().click();
    await page.getByTestId('quotation-details').waitFor();
  }

  it('a quotation with a comment and a memo is marked in the margin and in the list', async () => {
    await expect.poll(() => page.getByTestId('mark-comment').count()).toBe(1);
    await expect.poll(() => page.getByTestId('mark-memo').count()).toBe(1);
    await expect.poll(() => page.getByTestId('list-mark-comment').count()).toBe(1);
    await expect.poll(() => page.getByTestId('list-mark-memo').count()).toBe(1);
    expect(await page.getByTestId('mark-comment').getAttribute('title')).toContain('Viktigt exempel');
    await selectQuotation();
    await app().screenshot('markers-1-margin-and-list');
  });

  it('the memo dialog is named by the quotation\'s words and a new memo gets a meaningful title', async () => {
    await selectQuotation();
    await page.getByTestId('document-text').focus();
    await page.keyboard.press('m');
    await page.getByTestId('memo-dialog').waitFor();
    await expect.poll(() => page.getByTestId('memo-dialog').locator('h3').textContent()).toMatch(/^Memon om citatet ”\S+/);
    expect(await page.getByTestId('memo-dialog').locator('h3').textContent()).not.toMatch(/citat \d+/);
    await expect.poll(() => page.getByTestId('memo-title').inputValue()).toMatch(/^Om ”/);
  });

  it('a memo longer than a memo holds is refused before saving, and the text stays', async () => {
    await selectQuotation();
    await page.getByTestId('document-text').focus();
    await page.keyboard.press('m');
    await page.getByTestId('memo-dialog').waitFor();
    const big = 'Lång text om samverkan. '.repeat(13_000);
    await page.getByTestId('memo-body').fill(big);
    await page.getByTestId('memo-too-large').waitFor();
    expect(await page.getByTestId('memo-too-large').textContent()).toMatch(/ett memo rymmer högst 300\s000.*Inget är sparat ännu/);
    expect(await page.getByTestId('memo-save').isDisabled()).toBe(true);
    expect((await page.getByTestId('memo-body').inputValue()).length).toBe(big.length);
    await app().screenshot('markers-2-memo-too-large');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('memo-dialog').count()).toBe(0);
  });

  it('Esc closes the "nothing selected" quick-code box', async () => {
    await page.getByTestId('document-text').focus();
    await page.keyboard.press('Escape'); // no quotation selected either
    await page.keyboard.press('q');
    await page.getByTestId('quick-code').waitFor();
    expect(await page.getByTestId('quick-code').textContent()).toMatch(/Markera först text/);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('quick-code').count()).toBe(0);
  });

  it('after F2-rename the renamed code keeps the focus, as one undo step', async () => {
    const row = page.getByTestId('code-row').nth(2);
    await row.click();
    await page.keyboard.press('F2');
    const input = page.getByTestId('rename-input');
    await input.fill('Omdöpt kod');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('code-row').filter({ hasText: 'Omdöpt kod' }).count()).toBe(1);
    const renamed = (await callApi<Code[]>(page, 'codes.tree')).find((c) => c.name === 'Omdöpt kod')!;
    // the focus comes back once the dialog has closed: waited for, not read at once
    const focus = () => page.evaluate(() => ({ role: document.activeElement?.getAttribute('role'), active: document.activeElement?.getAttribute('aria-activedescendant') }));
    await expect.poll(focus).toEqual({ role: 'tree', active: `code-${renamed.id}` });
    // arrows go on from the renamed code, to another code
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => (await focus()).active).not.toBe(`code-${renamed.id}`);
    expect((await focus()).active).toMatch(/^code-\d+$/);
    const steps = await callApi<{ action: string }[]>(page, 'history.list', { limit: 3 });
    expect(steps.filter((s) => s.action === 'codes.update').length).toBe(1);
  });
});
