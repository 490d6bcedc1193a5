/**
 * The Sekretess view: the pseudonym list with kinds guessed (a district is a place, an
 * agency an organisation), counts in the documents, search and kind filters, editing in the
 * table, every change one undo step; a name added from a selection in a document; the note
 * after a checked export; and restoring the automatic backup made when the app opened the project.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appPerTest, callApi, noChromium } from './harness';

type List = { entries: { real: string; pseudonym: string; kind: string }[] };
const list = async (page: Page): Promise<List['entries']> => (await callApi<List>(page, 'pseudonyms.list')).entries;

async function openPrivacy(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('document-row').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(8);
  await page.getByRole('tab', { name: 'Sekretess', exact: true }).click();
  await page.getByTestId('privacy-view').waitFor();
}

const row = (page: Page, real: string) => page.getByTestId('pseudonym-row').filter({ has: page.locator(`input[value="${real}"]`) });

describe.skipIf(noChromium)('the privacy view', () => {
  const app = appPerTest();

  it('adds a district as a place, confirms suggestions with their guessed kinds, filters, edits and undoes each change', async () => {
    const { page } = app();
    await openPrivacy(page);
    await page.getByTestId('pseudonym-real').fill('Norrdal');
    await page.getByTestId('pseudonym-new').fill('Stadsdel N');
    await page.getByTestId('pseudonym-new').press('Enter');
    await expect.poll(() => page.getByTestId('pseudonym-row').count()).toBe(1);
    // the kind is guessed from the name and how the texts use it: a district, not a person
    expect(await row(page, 'Norrdal').getAttribute('data-kind')).toBe('place');
    await expect.poll(() => row(page, 'Norrdal').getByTestId('pseudonym-count').textContent()).toMatch(/^\d+ i \d+ dokument$/);

    await page.getByTestId('pseudonym-suggest').click();
    const suggestions = page.getByTestId('pseudonym-suggestion');
    await suggestions.first().waitFor();
    const kindOf = (name: string) => suggestions.filter({ hasText: name }).getByTestId('suggestion-kind').inputValue();
    expect(await kindOf('Söderby')).toBe('place');
    expect(await kindOf('Försäkringskassan')).toBe('unit');
    expect(await kindOf('Amira')).toBe('person');
    // public agencies identify nobody: left out
    for (const agency of ['Försäkringskassan', 'Arbetsförmedlingen']) await suggestions.filter({ hasText: agency }).getByRole('checkbox').uncheck();
    const taken = (await suggestions.count()) - 2;
    await app().screenshot('privacy-suggestions');
    await page.getByTestId('pseudonym-accept').click();
    await expect.poll(() => page.getByTestId('pseudonym-row').count()).toBe(1 + taken);
    expect((await list(page)).find((e) => e.real === 'Försäkringskassan')).toBeUndefined();

    await page.getByTestId('kind-filter-place').click();
    await expect.poll(() => page.getByTestId('pseudonym-row').count()).toBe(2);
    expect(await page.getByTestId('kind-filter-place').textContent()).toMatch(/Plats\/stadsdel\s*2/);
    await page.getByTestId('kind-filter-all').click();
    // from the keyboard: "/" to the search field, type, Escape clears it
    await page.getByTestId('kind-filter-all').focus();
    await page.keyboard.press('/');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('pseudonym-search');
    await page.keyboard.type('söder');
    await expect.poll(() => page.getByTestId('pseudonym-row').count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('pseudonym-row').count()).toBe(1 + taken);
    // ↓ moves to the same cell in the next row
    await page.getByTestId('pseudonym-cell').first().focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe(await page.getByTestId('pseudonym-cell').nth(1).inputValue());

    // an edit is saved on Enter, and is one undo step
    const cell = row(page, 'Söderby').getByTestId('pseudonym-cell');
    const before = await cell.inputValue();
    await cell.fill('Stadsdel S');
    await cell.press('Enter');
    await expect.poll(async () => (await list(page)).find((e) => e.real === 'Söderby')?.pseudonym).toBe('Stadsdel S');
    await expect.poll(() => page.getByTestId('undo').getAttribute('aria-label')).toBe('Ångra: ändrad pseudonym');
    await page.getByTestId('undo').click();
    await expect.poll(async () => (await list(page)).find((e) => e.real === 'Söderby')?.pseudonym).toBe(before);
    await expect.poll(() => row(page, 'Söderby').getByTestId('pseudonym-cell').inputValue()).toBe(before);

    // the kind is a choice too; a deleted name comes back with undo
    await row(page, 'Amira').getByTestId('pseudonym-kind').selectOption('other');
    await expect.poll(async () => (await list(page)).find((e) => e.real === 'Amira')?.kind).toBe('other');
    await row(page, 'Norrdal').getByTestId('pseudonym-remove').click();
    await expect.poll(() => row(page, 'Norrdal').count()).toBe(0);
    await page.getByTestId('undo').click();
    await expect.poll(() => row(page, 'Norrdal').count()).toBe(1);
    await page.getByTestId('privacy-view').evaluate((el) => el.scrollTo(0, 0));
    await app().screenshot('privacy-pseudonyms');
  }, 180_000);

  it('adds a name selected in a document, with its guessed kind, and says what an export checked', async () => {
    const { page } = app();
    await expect.poll(() => page.getByTestId('document-row').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(8);
    const docs = await callApi<{ id: number; name: string }[]>(page, 'documents.list');
    let target: { name: string } | undefined;
    for (const d of docs) {
      const full = await callApi<{ text: string }>(page, 'documents.get', { id: d.id });
      if (/(?<![\p{L}])Söderby(?![\p{L}])/u.test(full.text)) {
        target = d;
        break;
      }
    }
    await page.getByTestId('document-row').filter({ hasText: target!.name }).click();
    await page.locator('.block-text', { hasText: 'Söderby' }).first().waitFor();
    // select the word as a mouse would, and let the view take the selection on mouseup
    await page.locator('.block-text', { hasText: 'Söderby' }).first().evaluate((el) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = n.textContent!.indexOf('Söderby');
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + 'Söderby'.length);
        window.getSelection()!.removeAllRanges();
        window.getSelection()!.addRange(range);
        el.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, button: 0 }));
        return;
      }
    });
    await page.getByTestId('pseudonymise-selection').click();
    const dialog = page.getByTestId('add-pseudonym-dialog');
    await dialog.waitFor();
    expect(await page.getByTestId('add-pseudonym-real').inputValue()).toBe('Söderby');
    await expect.poll(() => page.getByTestId('add-pseudonym-kind').inputValue()).toBe('place');
    await expect.poll(() => page.getByTestId('add-pseudonym-pseudonym').inputValue()).toBe('Plats A');
    await app().screenshot('privacy-add-selection');
    await page.getByTestId('add-pseudonym-pseudonym').press('Enter');
    await dialog.waitFor({ state: 'detached' });
    expect(await list(page)).toEqual([{ real: 'Söderby', pseudonym: 'Plats A', kind: 'place' }]);

    await page.getByRole('tab', { name: 'Tabeller', exact: true }).click();
    await page.getByTestId('theme-table-preview').locator('table').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'DOCX' }).click()]);
    const note = page.getByTestId('export-checked');
    await note.waitFor();
    const text = (await note.textContent()) ?? '';
    expect(text).toContain('Exporten är kontrollerad.');
    expect(text).toContain(`${download.suggestedFilename()} lästes tillbaka och söktes igenom efter 1 verkligt namn ur pseudonymlistan, personnummer och`);
    expect(text).toMatch(/källfilsnamn: inga träffar\./);
    await app().screenshot('privacy-export-checked');
  }, 180_000);

  it('lists the backup made on opening and restores it', async () => {
    const { page } = app();
    await expect.poll(() => page.getByTestId('document-row').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(8);
    // a change after the backup, which the restore takes away
    await callApi(page, 'pseudonyms.set', { entries: [{ real: 'Norrdal', pseudonym: 'Stadsdel N', kind: 'place' }] });
    await page.getByRole('tab', { name: 'Sekretess', exact: true }).click();
    await page.getByTestId('backup-row').first().waitFor();
    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('backup-row').first().getByRole('button', { name: 'Återställ' }).click();
    await page.getByText(/Återställt\. Den tidigare filen sparades som/).waitFor({ timeout: 30_000 });
    // the backup predates the list: the restored project has none
    await expect.poll(async () => (await list(page)).length).toBe(0);
  }, 120_000);
});
