/**
 * Projects opened and made as on a desktop (issue 13, point 2), in browser mode: the File
 * menu (keyboard and shortcuts), the server's folder dialog limited to the home folder, the
 * default folder, recent projects and "Save as".
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { recordBatchFile, startBatchRecord } from '../../electron/core/import/batch-record';
import { Project } from '../../electron/core/project/project';
import { appPerTest, callApi, noChromium, sampleTemplate } from './harness';

const homeOf = (dir: string): string => path.join(dir, 'hem');

/** Once the project's documents show, the shortcut opens the project dialog; returns it. */
async function dialogByKeys(page: Page, keys: string): Promise<Locator> {
  await page.getByTestId('document-row').first().waitFor({ timeout: 30_000 });
  await page.keyboard.press(keys);
  const dialog = page.getByTestId('project-browser');
  await dialog.waitFor();
  return dialog;
}

describe.skipIf(noChromium)('projects through the File menu', () => {
  const app = appPerTest({
    env: (dir) => ({ RODTRAD_BROWSE_ROOT: homeOf(dir) }),
    project(dir) {
      const file = path.join(homeOf(dir), 'studier', 'exempel.rodtrad');
      mkdirSync(path.dirname(file), { recursive: true });
      copyFileSync(sampleTemplate(), file);
      mkdirSync(path.join(homeOf(dir), 'annat'));
      Project.create(path.join(homeOf(dir), 'annat', 'andra.rodtrad'), { name: 'Andra studien' }).close();
      return file;
    },
  });

  it('the top bar is clean: project, import and export actions are in the File menu, reached by keyboard', async () => {
    const { page } = app();
    await page.getByTestId('document-row').first().waitFor({ timeout: 30_000 });
    const topButtons = await page.locator('header.topbar button:visible').allTextContents();
    expect(topButtons.join(' | ')).not.toMatch(/Öppna|Nytt|Importera|Exportera/);
    expect(topButtons.length).toBeLessThanOrEqual(5);
    await page.getByTestId('file-menu').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('file-menu-list').waitFor();
    // the first item has focus; arrows move among the items
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('file-menu-new');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('file-menu-open');
    const items = await page.getByTestId('file-menu-list').getByRole('menuitem').allTextContents();
    expect(items.join(' | ')).toMatch(/Nytt projekt.*Öppna projekt.*Spara som.*Importera dokument.*Importera projekt \(REFI-QDA\).*Exportera som REFI-QDA/);
    await app().screenshot('file-menu');
    await page.keyboard.press('Escape');
    await page.getByTestId('file-menu-list').waitFor({ state: 'detached' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('file-menu');
  });

  it('Ctrl+N makes a new project in the default folder with ".rodtrad" added; the folder can be changed', async () => {
    const { page, dir } = app();
    const dialog = await dialogByKeys(page, 'Control+n');
    // it starts in ~/Rödtråd, made for it, which is the default folder
    await expect.poll(() => dialog.locator('.pb-crumbs').textContent()).toContain('Rödtråd');
    await dialog.getByTestId('project-browser-is-default').waitFor();
    await page.getByTestId('project-browser-name').fill('Min studie');
    await app().screenshot('project-new-dialog');
    await page.getByTestId('project-browser-name').press('Enter');
    await expect.poll(() => page.getByTestId('project-name').textContent(), { timeout: 30_000 }).toBe('Min studie');
    expect(existsSync(path.join(homeOf(dir), 'Rödtråd', 'Min studie.rodtrad'))).toBe(true);
    expect(readdirSync(path.join(homeOf(dir), 'Rödtråd')).filter((f) => !/\.backups$|-wal$|-shm$/.test(f))).toEqual(['Min studie.rodtrad']);

    // another default folder, chosen in the dialog (once no dialog is open: a key pressed
    // while one is still closing is, rightly, not a shortcut)
    await page.waitForFunction(() => document.querySelector('[aria-modal="true"]') === null);
    await page.keyboard.press('Control+Alt+n');
    await dialog.waitFor();
    await expect.poll(() => dialog.locator('.pb-crumbs').textContent()).toContain('Rödtråd');
    await page.getByTestId('project-browser-up').click();
    await dialog.locator('.pb-entry', { hasText: 'annat' }).dblclick();
    await expect.poll(() => dialog.locator('.pb-crumbs').textContent()).toContain('annat');
    await dialog.getByTestId('project-browser-make-default').click();
    await dialog.getByTestId('project-browser-is-default').waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect((await callApi<{ defaultFolder: string }>(page, 'app.places', {})).defaultFolder).toBe('annat');
  });

  it('Ctrl+O opens a project through the folder dialog, and the recent list reopens the first one', async () => {
    const { page } = app();
    const dialog = await dialogByKeys(page, 'Control+o');
    await dialog.locator('.pb-entry', { hasText: 'annat' }).dblclick();
    await dialog.locator('.pb-entry', { hasText: 'andra.rodtrad' }).waitFor();
    await app().screenshot('project-open-dialog');
    await page.getByTestId('project-browser-list').press('Enter');
    await expect.poll(() => page.getByTestId('project-name').textContent(), { timeout: 30_000 }).toBe('Andra studien');

    await page.getByTestId('file-menu').click();
    const recent = page.locator('.file-menu-recent');
    await expect.poll(() => recent.count()).toBe(2);
    expect(await recent.allTextContents()).toEqual([expect.stringContaining('andra'), expect.stringContaining('exempel')]);
    // the open project is listed but not offered
    expect(await recent.first().isDisabled()).toBe(true);
    await app().screenshot('file-menu-recent');
    await recent.nth(1).click();
    await expect.poll(() => page.getByTestId('project-name').textContent(), { timeout: 30_000 }).toBe('Exempelprojekt');
    await expect.poll(() => page.getByTestId('document-row').count()).toBeGreaterThanOrEqual(8);
  });

  it('Ctrl+Shift+S saves the project under a new name and keeps working in the copy', async () => {
    const { page, dir } = app();
    const dialog = await dialogByKeys(page, 'Control+Shift+S');
    await expect.poll(() => dialog.getByRole('heading').textContent()).toBe('Spara projektet som');
    await page.getByTestId('project-browser-name').fill('exempel-kopia');
    await page.getByTestId('project-browser-ok').click();
    await page.getByTestId('notice').waitFor();
    const copy = path.join(homeOf(dir), 'Rödtråd', 'exempel-kopia.rodtrad');
    expect(await page.getByTestId('notice').textContent()).toContain(copy);
    expect((await callApi<{ project: string }>(page, 'app.info', {})).project).toBe(copy);
    expect(existsSync(path.join(homeOf(dir), 'studier', 'exempel.rodtrad'))).toBe(true);
    await expect.poll(() => page.getByTestId('document-row').count()).toBeGreaterThanOrEqual(8);
  });
});

describe.skipIf(noChromium)('an import cut off', () => {
  const app = appPerTest({
    project(dir) {
      const file = path.join(dir, 'avbruten.rodtrad');
      copyFileSync(sampleTemplate(), file);
      const p = Project.open(file);
      try {
        // the record an import leaves when its process dies (tests/import/interrupted.test.ts kills a real one)
        const id = p.transaction(() => {
          const batch = startBatchRecord(p, ['/hem/filer/intervju-7.txt', '/hem/filer/intervju-8.txt', '/hem/filer/intervju-9.txt'])!;
          recordBatchFile(p, batch, 0, 'imported');
          // a process that has ended: the batch is not at work any more
          const gone = spawnSync(process.execPath, ['-e', '']).pid;
          p.db.prepare('UPDATE import_batches SET pid = ? WHERE id = ?').run(gone, batch);
          return batch;
        });
        expect(id).toBeGreaterThan(0);
      } finally {
        p.close();
      }
      return file;
    },
  });

  it('the next open says which files went in and which did not, once', async () => {
    const { page } = app();
    const note = page.getByTestId('interrupted-import');
    await note.waitFor({ timeout: 30_000 });
    expect(await note.textContent()).toContain('1 av 3 filer kom in');
    expect(await page.getByTestId('interrupted-not-imported').locator('li').allTextContents()).toEqual(['intervju-8.txt', 'intervju-9.txt']);
    expect(await page.getByTestId('interrupted-imported').locator('li').allTextContents()).toEqual(['intervju-7.txt']);
    await app().screenshot('interrupted-import');
    await page.getByTestId('interrupted-import-ok').click();
    await page.getByTestId('import-dialog').waitFor();
    await note.waitFor({ state: 'detached' });
    expect((await callApi<{ interruptedImports: unknown[] }>(page, 'project.info', {})).interruptedImports).toEqual([]);
  });
});
