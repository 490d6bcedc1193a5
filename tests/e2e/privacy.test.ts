/**
 * The privacy view: suggestions for the pseudonym list confirmed into the list, and restoring
 * the automatic backup made when the app opened the project.
 */
import { describe, expect, it } from 'vitest';
import { appPerTest, callApi, noChromium } from './harness';

describe.skipIf(noChromium)('the privacy view', () => {
  const app = appPerTest();

  it('adds a name by hand and confirms the suggested names into the pseudonym list', async () => {
    const { page } = app();
    await expect.poll(() => page.getByTestId('document-row').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(8);
    await page.getByRole('tab', { name: 'Sekretess', exact: true }).click();
    await page.getByTestId('privacy-view').waitFor();
    await page.getByTestId('pseudonym-real').fill('Norrdal');
    await page.getByTestId('pseudonym-new').fill('Stadsdel N');
    await page.getByTestId('pseudonym-new').press('Enter');
    await expect.poll(() => page.getByTestId('pseudonym-row').count()).toBe(1);
    await page.getByTestId('pseudonym-suggest').click();
    await page.getByTestId('pseudonym-suggestions').waitFor();
    const suggested = await page.getByTestId('pseudonym-suggestion').count();
    expect(suggested).toBeGreaterThan(0);
    await page.getByTestId('pseudonym-accept').click();
    await expect.poll(() => page.getByTestId('pseudonym-row').count()).toBe(1 + suggested);
    await app().screenshot('privacy-pseudonyms');
    const list = await callApi<{ entries: { real: string; pseudonym: string }[] }>(page, 'pseudonyms.list');
    expect(list.entries.find((e) => e.real === 'Norrdal')?.pseudonym).toBe('Stadsdel N');
  }, 120_000);

  it('lists the backup made on opening and restores it', async () => {
    const { page } = app();
    await expect.poll(() => page.getByTestId('document-row').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(8);
    // a change after the backup, which the restore takes away
    await callApi(page, 'pseudonyms.set', { entries: [{ real: 'Norrdal', pseudonym: 'Stadsdel N' }] });
    await page.getByRole('tab', { name: 'Sekretess', exact: true }).click();
    await page.getByTestId('backup-row').first().waitFor();
    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('backup-row').first().getByRole('button', { name: 'Återställ' }).click();
    await page.getByText(/Återställt\. Den tidigare filen sparades som/).waitFor({ timeout: 30_000 });
    // the backup predates the list: the restored project has none
    await expect.poll(async () => (await callApi<{ entries: unknown[] }>(page, 'pseudonyms.list')).entries.length).toBe(0);
  }, 120_000);
});
