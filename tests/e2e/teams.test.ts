/**
 * Teams end to end: two coder copies of the sample project, coded differently, merged with the
 * CLI; in the browser the agreement view shows the figures for the two coders on a code, the
 * disagreements side by side, and two of them are settled (the count and figures follow).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeTurn } from '../../electron/core/coding/quotation-edit';
import { Project } from '../../electron/core/project/project';
import { startApp, type E2E } from './harness';

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

describe('coder copies, merge, agreement and settling disagreements in the UI', () => {
  let app: E2E;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'rodtrad-e2e-teams-'));
    const master = path.join(dir, 'studie.rodtrad');
    run(['sample', master]);
    run(['copies', master, dir, '--coders', 'Anna,Bo']);
    codeTurns(path.join(dir, 'studie-Anna.rodtrad'), [1, 2, 3, 4, 6]);
    codeTurns(path.join(dir, 'studie-Bo.rodtrad'), [2, 3, 4, 5, 7]);
    const merged = path.join(dir, 'samlat.rodtrad');
    run(['merge', merged, path.join(dir, 'studie-Anna.rodtrad'), path.join(dir, 'studie-Bo.rodtrad')]);
    run(['coder', merged, '--set', 'Konsensus']);
    app = await startApp({ project: merged, viewport: { width: 1440, height: 1000 } });
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the disagreements side by side and settles two, one undo step each', async () => {
    const { page } = app;
    const tab = page.getByRole('tab', { name: 'Överensstämmelse', exact: true });
    await tab.waitFor({ timeout: 20_000 }).catch(() => page.reload());
    await tab.click({ timeout: 60_000 });
    await page.getByTestId('agreement-first').selectOption('Anna');
    await page.getByTestId('agreement-second').selectOption('Bo');
    const count = page.getByTestId('agreement-count');
    // Anna coded turns 1, 6 alone, Bo turns 5, 7: four disagreements; 2, 3, 4 agree.
    await expect.poll(() => count.textContent(), { timeout: 30_000 }).toBe('4');
    const alphaBefore = await page.getByTestId('agreement-alpha').textContent();
    const sides = page.getByTestId('disagreement-side');
    await expect.poll(() => sides.count()).toBe(2);
    expect(await sides.nth(0).textContent()).toContain('Anna');
    expect(await sides.nth(1).textContent()).toContain('Bo');
    await app.screenshot('teams-disagreement');

    await page.getByTestId('disagreement-next').click();
    await page.getByTestId('settle-first').click();
    await expect.poll(() => count.textContent(), { timeout: 30_000 }).toBe('3');
    await page.getByTestId('settle-neither').click();
    await expect.poll(() => count.textContent(), { timeout: 30_000 }).toBe('2');
    const alphaAfter = await page.getByTestId('agreement-alpha').textContent();
    expect(alphaAfter).not.toBe(alphaBefore);
    await app.screenshot('teams-settled');

    // Ctrl+Z undoes the last settlement only.
    await page.keyboard.press('Control+z');
    await expect.poll(() => count.textContent(), { timeout: 30_000 }).toBe('3');
  });
});

describe('the coder is asked before the first coding', () => {
  let app: E2E;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('asks once in a copy whose coder was never chosen, and records the coding under the answer', async () => {
    const { page } = app;
    const asked: string[] = [];
    page.on('dialog', (d) => {
      asked.push(d.message());
      void d.accept('Cecilia');
    });
    await page.getByTestId('document-row').filter({ hasText: 'gruppintervju-01' }).click();
    const turn = page.getByTestId('turn').nth(3);
    await turn.waitFor();
    await turn.hover();
    await turn.getByTestId('code-turn').click();
    await page.getByTestId('quick-code-option').first().waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('margin-bar').count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => page.getByTestId('status-coder').textContent()).toBe('Kodare: Cecilia');
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatch(/Vem kodar i den här kopian/);
    // Asked once: the next coding goes straight through.
    const next = page.getByTestId('turn').nth(5);
    await next.hover();
    await next.getByTestId('code-turn').click();
    await page.getByTestId('quick-code-option').first().waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('margin-bar').count(), { timeout: 30_000 }).toBe(2);
    expect(asked).toHaveLength(1);
    await app.screenshot('teams-coder-asked');
  });
});
