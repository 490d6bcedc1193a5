/**
 * Teams end to end: two coder copies of the sample project, coded differently in two
 * interviews, merged with the CLI; in the browser the agreement view shows the figures for the
 * two coders on a code (the same α as `rodtrad agreement`), the document unit by unit with one
 * margin column per coder in the coder's colour, steps through the disagreements of both
 * interviews with the keyboard, and settles two of them (the count, margins and figures follow;
 * Ctrl+Z undoes one step).
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
import { formatDecimal } from '../../shared/format/numbers';
import { appPerTest, callApi, noChromium, sampleTemplate } from './harness';

const BIN = path.resolve(__dirname, '../../bin/rodtrad.mjs');

function run(args: string[]): string {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`rodtrad ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** Codes speaker turns of the first interviews with the first code: each coder a different set per interview. */
function codeTurns(file: string, turnIndexesByInterview: number[][]): void {
  const p = Project.open(file);
  try {
    const docs = p.db.prepare("SELECT id FROM documents WHERE kind = 'interview' ORDER BY position").pluck().all() as number[];
    const code = p.db.prepare('SELECT id FROM codes WHERE parent_id IS NOT NULL ORDER BY id LIMIT 1').pluck().get() as number;
    turnIndexesByInterview.forEach((indexes, d) => {
      const turns = p.db.prepare('SELECT id FROM turns WHERE document_id = ? AND speaker_id IS NOT NULL ORDER BY start').pluck().all(docs[d]) as number[];
      for (const i of indexes) codeTurn(p, turns[i]!, [code]);
    });
  } finally {
    p.close();
  }
}

/** α of two coders on one code as `rodtrad agreement --json` computes it from the file, in the UI's Swedish format. */
function cliAlpha(file: string, code: string): string {
  const r = JSON.parse(run(['agreement', file, '--coders', 'Anna,Bo', '--codes', code, '--unit', 'turn', '--bootstrap', '0', '--json'])) as { codes: { alpha: number | null }[] };
  return formatDecimal(r.codes[0]!.alpha!, 3, 'sv');
}

/** Two coder copies of the sample project coded differently, merged, with the consolidating coder set: built in the test's own folder. */
function mergedProject(dir: string): string {
  const master = path.join(dir, 'studie.rodtrad');
  run(['sample', master]);
  run(['copies', master, dir, '--coders', 'Anna,Bo']);
  codeTurns(path.join(dir, 'studie-Anna.rodtrad'), [[1, 2, 3, 4, 6], [1]]);
  codeTurns(path.join(dir, 'studie-Bo.rodtrad'), [[2, 3, 4, 5, 7], [2]]);
  const merged = path.join(dir, 'samlat.rodtrad');
  run(['merge', merged, path.join(dir, 'studie-Anna.rodtrad'), path.join(dir, 'studie-Bo.rodtrad')]);
  run(['coder', merged, '--set', 'Konsensus']);
  return merged;
}

describe.skipIf(noChromium)('coder copies, merge, agreement and settling disagreements in the UI', () => {
  const app = appPerTest({ project: mergedProject, viewport: { width: 1440, height: 1000 } });

  it('shows the document with one margin column per coder, steps with the keyboard and settles two disagreements, one undo step each', async () => {
    const { page } = app();
    await page.getByRole('tab', { name: 'Överensstämmelse', exact: true }).click();
    await page.getByTestId('agreement-first').selectOption('Anna');
    await page.getByTestId('agreement-second').selectOption('Bo');
    const count = page.getByTestId('agreement-count');
    // In the first interview Anna coded turns 1, 6 alone, Bo turns 5, 7 (2, 3, 4 agree); in the
    // second Anna turn 1, Bo turn 2: six disagreements, four in the first interview.
    await expect.poll(() => count.textContent(), { timeout: 30_000 }).toBe('6');
    const alpha = page.getByTestId('agreement-alpha');
    const alphaBefore = await alpha.textContent();
    // The figure is the one the CLI's agreement computes from the merged file.
    const code = await page.getByTestId('agreement-code').inputValue();
    expect(alphaBefore).toBe(cliAlpha(app().projectFile, code));
    const position = page.getByTestId('disagreement-position');
    expect(await position.textContent()).toMatch(/^Oenighet 1 av 6 · gruppintervju-01/);

    // The document, unit by unit: a margin column per coder, headed and coloured by coder.
    const doc = page.getByTestId('disagreement-document');
    await expect.poll(() => doc.getByTestId('dd-bar').count(), { timeout: 30_000 }).toBe(10);
    expect(await doc.getByTestId('dd-coder').allTextContents()).toEqual(['Anna', 'Bo']);
    expect(await doc.getByTestId('dd-disagreement').count()).toBe(4);
    const barColors = async (k: number): Promise<string[]> =>
      doc.locator(`[data-testid="dd-column"][data-coder="${k}"] [data-testid="dd-bar"]`).evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor));
    const anna = await barColors(0);
    const bo = await barColors(1);
    expect(anna).toHaveLength(5);
    expect(bo).toHaveLength(5);
    expect(new Set(anna).size).toBe(1);
    expect(new Set(bo).size).toBe(1);
    expect(anna[0]).not.toBe(bo[0]);
    // The current disagreement is the first: Anna's column has a bar there, Bo's is marked as lacking one.
    const current = doc.locator('[aria-current="true"]');
    expect(await current.locator('[data-coder="0"] [data-testid="dd-bar"]').count()).toBe(1);
    expect(await current.locator('[data-coder="1"]').getAttribute('class')).toContain('lacks');
    await app().screenshot('teams-disagreement');

    // Clicking a marked unit makes it current; N and P step on the keyboard, on into the next
    // document and round to the first again.
    await doc.getByTestId('dd-disagreement').nth(2).click();
    await expect.poll(() => position.textContent()).toMatch(/^Oenighet 3 av 6/);
    await page.keyboard.press('p');
    await expect.poll(() => position.textContent()).toMatch(/^Oenighet 2 av 6/);
    await page.keyboard.press('n');
    await page.keyboard.press('n');
    await expect.poll(() => position.textContent()).toMatch(/^Oenighet 4 av 6/);
    await page.keyboard.press('n');
    await expect.poll(() => position.textContent()).toMatch(/^Oenighet 5 av 6 · gruppintervju-02/);
    await expect.poll(() => doc.getByTestId('dd-bar').count(), { timeout: 30_000 }).toBe(2);
    expect(await doc.textContent()).toContain('gruppintervju-02');
    expect(await doc.getByTestId('dd-disagreement').count()).toBe(2);
    expect(await current.locator('[data-coder="0"] [data-testid="dd-bar"]').count()).toBe(1);
    await app().screenshot('teams-next-document');
    await page.keyboard.press('n');
    await expect.poll(() => position.textContent()).toMatch(/^Oenighet 6 av 6/);
    await page.keyboard.press('n');
    await expect.poll(() => position.textContent()).toMatch(/^Oenighet 1 av 6 · gruppintervju-01/);
    await expect.poll(() => doc.getByTestId('dd-bar').count(), { timeout: 30_000 }).toBe(10);
    await page.keyboard.press('n');
    await expect.poll(() => position.textContent()).toMatch(/^Oenighet 2 av 6/);

    // Keys typed in another pane are that pane's: N in the code tree makes a new code, and 2
    // there settles nothing (were it taken, Anna would get Bo's coding of this unit and the bar
    // count below would never come to 9).
    const treeRow = page.getByTestId('code-row').first().locator('.code-name');
    await treeRow.click();
    await page.keyboard.press('n');
    await page.getByRole('dialog').waitFor();
    expect(await position.textContent()).toMatch(/^Oenighet 2 av 6/);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await treeRow.click();
    await page.keyboard.press('2');
    await doc.getByTestId('dd-disagreement').nth(1).click();

    // The second (Bo alone) settled with the key 1, Anna's version: Bo's coding goes.
    await page.keyboard.press('1');
    await expect.poll(() => count.textContent(), { timeout: 30_000 }).toBe('5');
    await expect.poll(() => doc.getByTestId('dd-bar').count(), { timeout: 30_000 }).toBe(9);
    const alphaMiddle = await alpha.textContent();
    expect(alphaMiddle).not.toBe(alphaBefore);
    // The next one (Anna alone) takes its place; neither, with the button: Anna's coding goes.
    expect(await position.textContent()).toMatch(/^Oenighet 2 av 5/);
    await page.getByTestId('settle-neither').click();
    await expect.poll(() => count.textContent(), { timeout: 30_000 }).toBe('4');
    await expect.poll(() => doc.getByTestId('dd-bar').count(), { timeout: 30_000 }).toBe(8);
    expect(await doc.getByTestId('dd-disagreement').count()).toBe(2);
    await expect.poll(() => alpha.textContent()).not.toBe(alphaMiddle);
    expect(await alpha.textContent()).toBe(cliAlpha(app().projectFile, code));
    await app().screenshot('teams-settled');

    // Ctrl+Z undoes the last settlement only.
    await page.keyboard.press('Control+z');
    await expect.poll(() => count.textContent(), { timeout: 30_000 }).toBe('5');
    await expect.poll(() => alpha.textContent(), { timeout: 30_000 }).toBe(alphaMiddle);
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
