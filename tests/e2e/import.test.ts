/**
 * Import in the browser: files dropped onto the window go in as a job (the progress bar
 * shows), the dialog lists a result per file, and the new document opens with its turns.
 */
import { describe, expect, it } from 'vitest';
import { appPerTest, callApi, noChromium } from './harness';

const TRANSCRIPT = [
  '[00:00:05] Intervjuare: Välkomna till det här samtalet om handlingsplanen.',
  '',
  'RB: Tack. Vi har börjat med introduktionen av nyanställda.',
  '',
  'SK: Och med ärendefördelningen, som fortfarande är ojämn.',
  '',
  '[00:03:10] Intervjuare: Hur märks det i vardagen?',
  '',
  'RB: Man frågar den som sitter närmast i stället för chefen.',
  '',
  'SK: Det blir mycket bollande, ja.',
].join('\n');

describe.skipIf(noChromium)('import by drag and drop', () => {
  const app = appPerTest();

  it('drops files onto the window, shows progress and per-file results, then the document with its speaker turns', async () => {
    const { page } = app();
    const before = (await callApi<unknown[]>(page, 'documents.list')).length;
    await expect.poll(() => page.getByTestId('document-row').count()).toBe(before);

    // remember whether a progress bar was ever on screen (a small import is over quickly)
    await page.evaluate(() => {
      const w = window as unknown as { __sawProgress: boolean };
      w.__sawProgress = false;
      new MutationObserver(() => {
        if (document.querySelector('[data-testid="progress"], [data-testid="import-progress"] progress')) w.__sawProgress = true;
      }).observe(document.body, { childList: true, subtree: true });
    });

    // a transcript, a larger field note (so the job runs long enough to watch) and a broken file
    const dt = await page.evaluateHandle((transcript) => {
      const d = new DataTransfer();
      d.items.add(new File([transcript], 'gruppintervju-07-e2e åäö.txt', { type: 'text/plain' }));
      const big = Array.from({ length: 40_000 }, (_, i) => `Rad ${i}: observation av mottagningen, väntrum och telefontider.`).join('\n');
      d.items.add(new File([big], 'faltanteckning-03-stor.txt', { type: 'text/plain' }));
      d.items.add(new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])], 'trasig.docx'));
      return d;
    }, TRANSCRIPT);
    await page.dispatchEvent('body', 'dragenter', { dataTransfer: dt });
    await page.getByTestId('import-dropzone').waitFor();
    await app().screenshot('import-dropzone');
    await page.dispatchEvent('body', 'drop', { dataTransfer: dt });

    await page.getByTestId('import-results').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.evaluate(() => (window as unknown as { __sawProgress: boolean }).__sawProgress)).toBe(true);
    const rows = page.getByTestId('import-result');
    await expect.poll(() => rows.evaluateAll((els) => els.map((e) => [...e.classList].find((c) => c !== 'import-row')))).toEqual(['imported', 'imported', 'failed']);
    // the reason in Swedish, as the rest of the Swedish UI
    await expect.poll(() => rows.nth(2).textContent()).toMatch(/DOCX-filen är skadad eller avkortad: det är inget läsbart zip-arkiv/);
    await app().screenshot('import-results');

    await page.getByTestId('import-close').click();
    await expect.poll(() => page.getByTestId('document-row').count()).toBe(before + 2);
    await page.getByTestId('document-row').filter({ hasText: 'gruppintervju-07-e2e åäö' }).click();
    await expect.poll(async () => (await page.getByTestId('turn-speaker').allTextContents()).map((s) => s.trim())).toEqual(['Intervjuare', 'RB', 'SK', 'Intervjuare', 'RB', 'SK']);
    expect(await page.locator('.speaker-legend').textContent()).toMatch(/intervjuare/);
    await app().screenshot('import-document');
  }, 90_000);

  it('the File menu import opens the dialog; chosen files are listed before importing', async () => {
    const { page } = app();
    await page.getByTestId('file-menu').click();
    await page.getByTestId('file-menu-import').click();
    await page.getByTestId('import-dialog').waitFor();
    await page.getByTestId('import-file-input').setInputFiles([
      { name: 'intervju-knapp.txt', mimeType: 'text/plain', buffer: Buffer.from('I: Fråga?\n\nAB: Svar.\n\nI: Tack.\n\nAB: Tack själv.') },
      { name: 'anteckning.md', mimeType: 'text/markdown', buffer: Buffer.from('# Anteckning\n\nInga talare här.') },
    ]);
    await expect.poll(() => page.getByTestId('import-pending').locator('li').count()).toBe(2);
    await page.getByTestId('import-file-input').setInputFiles([
      {
        name: 'enkat.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('id;kön;ålder;Vad fungerar bra i ditt arbete?\nR1;k;34;Kollegorna och handledningen fungerar bra\nR2;m;51;Att vi hinner prata ihop oss om ärendena\n'),
      },
    ]);
    // the importer's reading of the survey's columns, changeable before importing
    const survey = page.getByTestId('import-survey');
    await survey.waitFor();
    const role = (column: string) => survey.getByRole('combobox', { name: new RegExp(column) });
    await expect.poll(() => role('Vad fungerar').inputValue()).toBe('text');
    expect(await role('kön').inputValue()).toBe('attribute');
    await role('kön').selectOption('ignore');
    await app().screenshot('import-dialog');
    await page.getByTestId('import-start').click();
    // the survey goes in its own call with its column roles, then the rest: wait for both
    await page.getByTestId('import-close').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('import-result').evaluateAll((els) => els.map((e) => [...e.classList].find((c) => c !== 'import-row')))).toEqual(['imported', 'imported', 'imported']);
    await page.getByTestId('import-close').click();
    await expect.poll(() => page.getByTestId('document-row').filter({ hasText: 'intervju-knapp' }).count()).toBe(1);
    const r1 = page.getByTestId('document-row').filter({ hasText: 'R1' });
    await expect.poll(() => r1.count()).toBe(1);
    // ålder became an attribute, kön was left out
    await expect.poll(() => r1.textContent()).toContain('34');
    expect(await r1.textContent()).not.toMatch(/\bk\b/);
  }, 60_000);
});

describe.skipIf(noChromium)('speakers view', () => {
  const app = appPerTest();

  it('lists speakers, sets a role, and auto-codes by role', async () => {
    const { page } = app();
    await page.getByTestId('tab-speakers').click();
    await page.getByTestId('speakers-view').waitFor();
    const rows = page.getByTestId('speaker-row');
    await expect.poll(() => rows.count()).toBeGreaterThan(20);
    // gruppintervju-01: AL is chef
    const al = rows.filter({ hasText: 'gruppintervju-01' }).filter({ has: page.locator('.speakers-label', { hasText: /^AL$/ }) });
    await al.getByTestId('speaker-role').fill('chef');
    await al.getByTestId('speaker-role').press('Enter');
    await expect.poll(() => page.getByTestId('autocode-role').isDisabled()).toBe(false);
    await page.getByTestId('autocode-role').click();
    await expect.poll(() => page.locator('.speakers-message').textContent()).toMatch(/nya citat i 1 koder/);
    await app().screenshot('import-speakers');
    await expect.poll(() => page.getByTestId('code-row').filter({ hasText: 'Roll' }).count()).toBeGreaterThan(0);
  }, 60_000);
});
