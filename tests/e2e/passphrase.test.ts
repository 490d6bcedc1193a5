/**
 * `rodtrad serve` on an encrypted project: the server does not ask on its terminal and does
 * not take the passphrase from its command line; the page asks in its dialog, sends it with
 * project.unlock (which names no file), and the passphrase stays in the server's memory only:
 * nothing of it in the page's storage or the address bar.
 */
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { forgetPassphrase } from '../../electron/core/db/driver';
import { Project } from '../../electron/core/project/project';
import { appPerTest, callApi, noChromium, sampleTemplate } from './harness';

const PASSPHRASE = 'Lång och rätt fras 42';

describe.skipIf(noChromium)('serving an encrypted project', () => {
  const app = appPerTest({
    project(dir) {
      const file = path.join(dir, 'hemlig.rodtrad');
      copyFileSync(sampleTemplate(), file);
      const p = Project.open(file);
      p.setPassphrase(PASSPHRASE);
      p.close();
      forgetPassphrase(file);
      return file;
    },
  });

  it('the page asks for the passphrase on start, says when it is wrong, opens with the right one and keeps nothing of it', async () => {
    const { page, projectFile } = app();
    const dialog = page.getByTestId('passphrase-dialog');
    await dialog.waitFor({ timeout: 30_000 });
    expect(await dialog.textContent()).toContain('hemlig.rodtrad');
    expect(await callApi(page, 'app.info')).toMatchObject({ project: null, locked: projectFile });
    await app().screenshot('passphrase-on-start');
    await page.getByTestId('passphrase-input').fill('fel fras');
    await page.getByTestId('passphrase-input').press('Enter');
    await dialog.getByRole('alert').waitFor();
    expect(await dialog.getByRole('alert').textContent()).toMatch(/Fel lösenfras/);
    await page.getByTestId('passphrase-input').fill(PASSPHRASE);
    await page.getByTestId('passphrase-input').press('Enter');
    await expect.poll(() => page.getByTestId('document-row').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(8);
    await page.getByTestId('encrypted').waitFor();
    expect(await callApi(page, 'app.info')).toMatchObject({ project: projectFile, locked: null });
    const stored = await page.evaluate(() => JSON.stringify({ s: { ...sessionStorage }, l: { ...localStorage }, url: location.href }));
    expect(stored).not.toContain(PASSPHRASE);
  }, 120_000);

  it('cancelled, the app stays without a project and opens nothing', async () => {
    const { page } = app();
    await page.getByTestId('passphrase-dialog').waitFor({ timeout: 30_000 });
    await page.keyboard.press('Escape');
    await page.getByTestId('passphrase-dialog').waitFor({ state: 'detached' });
    expect(await callApi(page, 'app.info')).toMatchObject({ project: null });
    expect(await page.getByTestId('document-row').count()).toBe(0);
  }, 120_000);
});
