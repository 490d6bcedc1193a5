/**
 * Teams end to end: two coder copies of the sample project, coded differently, merged with the
 * CLI; in the browser the agreement view shows the figures for the two coders on a code, the
 * disagreements side by side, and two of them are settled (the count and figures follow).
 * A copy whose coder was never chosen asks who codes in a bar that does not block the first
 * coding (never where it was chosen); the coder is changed from the status bar in a dialog.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { codeTurn } from '../../electron/core/coding/quotation-edit';
import { Project } from '../../electron/core/project/project';
import { appPerTest, callApi, noChromium, sampleTemplate } from './harness';

const BIN = path.resolve(__dirname, '../../bin/rodtrad.mjs');

function run(args: string[]): string {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`rodtrad ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** Codes speaker turns of the first interview with the first code: each coder a different set. */
function codeTurns(file: string, turnIndexes: number[]): void {
  const p = Project.open(file);
  try {
    const doc = p.db.prepare("SELECT id FROM documents WHERE kind = 'interview' ORDER BY position LIMIT 1").pluck().get() as number;
    const code = p.db.prepare('SELECT id FROM codes WHERE parent_id IS NOT NULL ORDER BY id LIMIT 1').pluck().get() as number;
    const turns = p.db.prepare('SELECT id FROM turns WHERE document_id = ? AND speaker_id IS NOT NULL ORDER BY start').pluck().all(doc) as number[];
    for (const i of turnIndexes) codeTurn(p, turns[i]!, [code]);
  } finally {
    p.close();
  }
}

/** Two coder copies of the sample project coded differently, merged, with the consolidating coder set: built in the test's own folder. */
function mergedProject(dir: string): string {
  const master = path.join(dir, 'studie.rodtrad');
  run(['sample', master]);
  run(['copies', master, dir, '--coders', 'Anna,Bo']);
  codeTurns(path.join(dir, 'studie-Anna.rodtrad'), [1, 2, 3, 4, 6]);
  codeTurns(path.join(dir, 'studie-Bo.rodtrad'), [2, 3, 4, 5, 7]);
  const merged = path.join(dir, 'samlat.rodtrad');
  run(['merge', merged, path.join(dir, 'studie-Anna.rodtrad'), path.join(dir, 'studie-Bo.rodtrad')]);
  run(['coder', merged, '--set', 'Konsensus']);
  return merged;
}

describe.skipIf(noChromium)('coder copies, merge, agreement and settling disagreements in the UI', () => {
  const app = appPerTest({ project: mergedProject, viewport: { width: 1440, height: 1000 } });

  it('shows the disagreements side by side and settles two, one undo step each', async () => {
    const { page } = app();
    await page.getByRole('tab', { name: 'Överensstämmelse', exact: true }).click();
    await page.getByTestId('agreement-first').selectOption('Anna');
    await page.getByTestId('agreement-second').selectOption('Bo');
    const count = page.getByTestId('agreement-count');
    // Anna coded turns 1, 6 alone, Bo turns 5, 7: four disagreements; 2, 3, 4 agree.
    await expect.poll(() => count.textContent(), { timeout: 30_000 }).toBe('4');
    const alphaBefore = await page.getByTestId('agreement-alpha').textContent();
    const sides = page.getByTestId('disagreement-side');
    await expect.poll(() => sides.count(), { timeout: 30_000 }).toBe(2);
    expect(await sides.nth(0).textContent()).toContain('Anna');
    expect(await sides.nth(1).textContent()).toContain('Bo');
    await app().screenshot('teams-disagreement');

    await page.getByTestId('disagreement-next').click();
    await page.getByTestId('settle-first').click();
    await expect.poll(() => count.textContent(), { timeout: 30_000 }).toBe('3');
    await page.getByTestId('settle-neither').click();
    await expect.poll(() => count.textContent(), { timeout: 30_000 }).toBe('2');
    const alphaAfter = await page.getByTestId('agreement-alpha').textContent();
    expect(alphaAfter).not.toBe(alphaBefore);
    await app().screenshot('teams-settled');

    // Ctrl+Z undoes the last settlement only.
    await page.keyboard.press('Control+z');
    await expect.poll(() => count.textContent(), { timeout: 30_000 }).toBe('3');
  });
});

interface Quotation {
  id: number;
  coder: string | null;
}

/** Opens the first group interview and starts coding its nth turn with the first code offered (Enter in the quick-code box). */
async function codeTurnInUi(page: Page, n: number): Promise<void> {
  const turn = page.getByTestId('turn').nth(n);
  await turn.hover();
  await turn.getByTestId('code-turn').click();
  await page.getByTestId('quick-code-option').first().waitFor();
  await page.keyboard.press('Enter');
}

async function openInterview(page: Page): Promise<void> {
  await page.getByTestId('document-row').filter({ hasText: 'gruppintervju-01' }).click();
  await page.getByTestId('turn').nth(3).waitFor();
}

const coders = async (page: Page): Promise<(string | null)[]> => (await callApi<Quotation[]>(page, 'quotations.list', {})).map((q) => q.coder);

/** A fresh sample project whose coder was never chosen (the harness's own copy has one chosen). */
function sampleWithoutCoder(dir: string): string {
  const file = path.join(dir, 'exempel.rodtrad');
  run(['sample', file]);
  return file;
}

describe.skipIf(noChromium)('the coder is asked in a bar that does not block the first coding', () => {
  const app = appPerTest({ project: sampleWithoutCoder });

  it('suggests the operating-system user, lets coding go on meanwhile, and records the coding under the name given', async () => {
    const { page } = app();
    const suggested = (await callApi<{ name: string; chosen: boolean }>(page, 'project.coder')).name;
    const bar = page.getByTestId('coder-bar');
    await bar.waitFor({ timeout: 30_000 });
    expect(await bar.textContent()).toContain('Vem kodar?');
    expect(await page.getByTestId('coder-bar-name').inputValue()).toBe(suggested);
    // no modal: the first coding goes straight through, under the suggested name
    await openInterview(page);
    await codeTurnInUi(page, 3);
    await expect.poll(() => page.getByTestId('margin-bar').count(), { timeout: 30_000 }).toBe(1);
    expect(await page.locator('[aria-modal="true"]').count()).toBe(0);
    expect(await coders(page)).toEqual([suggested]);
    await app().screenshot('teams-coder-bar');

    await page.getByTestId('coder-bar-name').fill('Cecilia');
    await page.getByTestId('coder-bar-name').press('Enter');
    await expect.poll(() => page.getByTestId('status-coder').textContent(), { timeout: 30_000 }).toBe('Kodare: Cecilia');
    await bar.waitFor({ state: 'detached' });
    await codeTurnInUi(page, 5);
    await expect.poll(() => page.getByTestId('margin-bar').count(), { timeout: 30_000 }).toBe(2);
    expect(await coders(page)).toEqual([suggested, 'Cecilia']);
    expect((await callApi<{ chosen: boolean }>(page, 'project.coder')).chosen).toBe(true);
  });

  it('"Inte nu" puts the question off: the coding goes on under the suggested coder', async () => {
    const { page } = app();
    const suggested = (await callApi<{ name: string }>(page, 'project.coder')).name;
    await page.getByTestId('coder-bar').waitFor({ timeout: 30_000 });
    await page.getByTestId('coder-bar-later').click();
    await page.getByTestId('coder-bar').waitFor({ state: 'detached' });
    await openInterview(page);
    await codeTurnInUi(page, 3);
    await expect.poll(() => page.getByTestId('margin-bar').count(), { timeout: 30_000 }).toBe(1);
    expect(await coders(page)).toEqual([suggested]);
    expect(await page.getByTestId('status-coder').textContent()).toBe(`Kodare: ${suggested}`);
    expect(await page.getByTestId('coder-bar').count()).toBe(0);
  });

  it('does not ask when the coder of the copy is already chosen', async () => {
    const { page } = app();
    await page.getByTestId('coder-bar').waitFor({ timeout: 30_000 });
    await callApi(page, 'project.setCoder', { name: 'Anna' });
    await page.getByTestId('coder-bar').waitFor({ state: 'detached' });
    await openInterview(page);
    await codeTurnInUi(page, 3);
    await expect.poll(() => page.getByTestId('margin-bar').count(), { timeout: 30_000 }).toBe(1);
    expect(await coders(page)).toEqual(['Anna']);
  });
});

describe.skipIf(noChromium)('the coder is changed from the status bar', () => {
  const app = appPerTest({
    project: (dir) => {
      const file = path.join(dir, 'anna.rodtrad');
      copyFileSync(sampleTemplate(), file);
      run(['coder', file, '--set', 'Anna']);
      return file;
    },
  });

  it('opens the dialog with the current coder, OK sets the new one, Cancel keeps it', async () => {
    const { page } = app();
    const status = page.getByTestId('status-coder');
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toBe('Kodare: Anna');
    await status.click();
    const dialog = page.getByTestId('coder-dialog');
    await dialog.waitFor();
    expect(await dialog.getByRole('heading').textContent()).toBe('Byt kodare');
    const field = page.getByTestId('coder-name-input');
    expect(await field.inputValue()).toBe('Anna');
    await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
    await field.fill('Bo');
    await app().screenshot('teams-coder-change');
    await page.getByTestId('coder-dialog-ok').click();
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toBe('Kodare: Bo');
    expect((await callApi<{ name: string; chosen: boolean }>(page, 'project.coder')).name).toBe('Bo');

    await status.click();
    await page.getByTestId('coder-name-input').fill('Cecilia');
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    expect(await dialog.count()).toBe(0);
    expect(await status.textContent()).toBe('Kodare: Bo');
    expect((await callApi<{ name: string }>(page, 'project.coder')).name).toBe('Bo');
  });
});
