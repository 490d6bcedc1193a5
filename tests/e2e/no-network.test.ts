/**
 * No network (issue 15): every request the page makes during a whole workflow — loading,
 * import, coding from search hits, a theme table and its export, a term report and its
 * export — goes to the local server that served it (127.0.0.1, its port). Also: an encrypted
 * project opened from the page asks for its passphrase in a dialog.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { forgetPassphrase } from '../../electron/core/db/driver';
import { Project } from '../../electron/core/project/project';
import { CONTENT_SECURITY_POLICY } from '../../electron/security';
import { tempDir } from '../helpers/tmp';
import { appPerTest, noChromium, sampleTemplate } from './harness';

describe.skipIf(noChromium)('the page talks to its own server only', () => {
  // every request of the test's page, from its first one (the app and its page are the test's own)
  let requests: string[] = [];
  const app = appPerTest({
    beforeLoad(page) {
      requests = [];
      page.on('request', (r) => void requests.push(r.url()));
      page.on('websocket', (ws) => void requests.push(ws.url()));
    },
  });

  it('through import, search, coding, a theme table, a term report and their exports', async () => {
    const { page } = app();
    await expect.poll(() => page.getByTestId('document-row').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(8);

    // import
    await page.getByTestId('file-menu').click();
    await page.getByTestId('file-menu-import').click();
    await page.getByTestId('import-dialog').waitFor();
    await page.getByTestId('import-file-input').setInputFiles([
      { name: 'natverk.txt', mimeType: 'text/plain', buffer: Buffer.from('I: Hur fungerar samverkan?\n\nAB: Samverkan med skolan fungerar bra.\n\nI: Tack.') },
    ]);
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-close').waitFor({ timeout: 30_000 });
    await page.getByTestId('import-close').click();

    // search and code hits
    await page.locator('#tab-search').click();
    await page.getByTestId('search-input').fill('samverkan');
    await page.getByTestId('search-run').click();
    const rows = page.getByTestId('kwic-row');
    await rows.first().waitFor({ timeout: 60_000 });
    await rows.nth(0).getByTestId('kwic-select').check();
    await page.getByTestId('search-code').fill('Nätverk/Samverkan');
    // a code that does not exist yet is made only from the explicit "new code" line
    await page.getByTestId('search-code-new').click();
    await expect.poll(() => page.getByTestId('search-code-status').textContent()).toBe('Skapar den nya koden Nätverk/Samverkan');
    await page.getByTestId('search-code-selected').click();
    await page.locator('.search-notice').waitFor();

    // theme table and its DOCX
    await page.getByRole('tab', { name: 'Tabeller', exact: true }).click();
    await page.getByTestId('theme-table-preview').locator('table').waitFor({ timeout: 30_000 });
    const [table] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'DOCX' }).click()]);
    expect(table.suggestedFilename()).toMatch(/\.docx$/);

    // term report and its DOCX
    await page.getByTestId('tab-term-report').click();
    await page.getByTestId('term-report-view').waitFor();
    await page.getByTestId('report-row').first().waitFor({ timeout: 30_000 });
    const [report] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-docx').click()]);
    expect(report.suggestedFilename()).toMatch(/\.docx$/);
    await app().screenshot('no-network-report');

    const origin = new URL(app().baseUrl).origin;
    expect(requests.length).toBeGreaterThan(20);
    const foreign = requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(foreign).toEqual([]);
    expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  }, 240_000);

  it('is served with the strict CSP (nothing but its own origin)', async () => {
    const res = await fetch(`${app().baseUrl}/`);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toMatch(/default-src 'self'/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/connect-src 'self'/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/);
  });
});

describe.skipIf(noChromium)('an encrypted project in browser mode', () => {
  // the browse root the page may open projects in, with an encrypted project in it
  const root = tempDir('rodtrad-e2e-enc');
  const app = appPerTest({
    env: { RODTRAD_BROWSE_ROOT: root },
    project(dir) {
      const encrypted = path.join(root, 'studier', 'hemlig.rodtrad');
      if (!existsSync(encrypted)) {
        mkdirSync(path.dirname(encrypted), { recursive: true });
        Project.create(encrypted, { name: 'Hemlig studie', passphrase: 'rätt fras' }).close();
        forgetPassphrase(encrypted);
      }
      const file = path.join(dir, 'exempel.rodtrad');
      copyFileSync(sampleTemplate(), file);
      return file;
    },
  });

  it('asks for the passphrase in a dialog, says when it is wrong, and opens with the right one', async () => {
    const { page } = app();
    await expect.poll(() => page.getByTestId('document-row').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(8);
    await page.getByTestId('file-menu').click();
    await page.getByTestId('file-menu-open').click();
    await page.locator('.pb-entry', { hasText: 'studier' }).dblclick();
    await page.locator('.pb-entry', { hasText: 'hemlig.rodtrad' }).dblclick();
    const dialog = page.getByTestId('passphrase-dialog');
    await dialog.waitFor();
    expect(await page.getByTestId('passphrase-input').getAttribute('type')).toBe('password');
    await page.getByTestId('passphrase-input').fill('fel fras');
    await page.getByTestId('passphrase-input').press('Enter');
    await dialog.getByRole('alert').waitFor();
    expect(await dialog.getByRole('alert').textContent()).toMatch(/Fel lösenfras/);
    await page.getByTestId('passphrase-input').fill('rätt fras');
    await page.getByTestId('passphrase-input').press('Enter');
    await expect.poll(() => page.getByTestId('project-name').textContent(), { timeout: 30_000 }).toBe('Hemlig studie');
    await page.getByTestId('encrypted').waitFor();
    await app().screenshot('encrypted-open');
  }, 120_000);
});
