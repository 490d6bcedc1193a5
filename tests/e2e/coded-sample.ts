/**
 * The sample project coded as a user would (search hits coded whole sentences at a time),
 * and `rodtrad quotes` for checking what a panel shows: shared by the e2e files that open
 * numbers and maps.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Page } from 'playwright-core';

const BIN = path.resolve(__dirname, '../../bin/rodtrad.mjs');
export const PLAN = 'Den informella organiseringens uttryck';
export const BOLLANDE = `${PLAN}/I professionella kontakter/Bollande`;

export function cli(args: string[]): string {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`rodtrad ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

export function codedSample(dir: string, name = 'drill.rodtrad'): string {
  const file = path.join(dir, name);
  cli(['sample', file]);
  for (const [query, code] of [
    ['bollandet', `${BOLLANDE}/avstämning och uppföljning`],
    ['frågor', `${BOLLANDE}/Informationsutbyte, diskussion`],
    ['ärende*', `${PLAN}/I professionella kontakter/Samordning, driva ärendet framåt`],
    ['chef*', 'Påverkansfaktorer/Ledningens inställning'],
    ['tid', 'Påverkansfaktorer/Arbetsbelastning och personalomsättning'],
  ]) cli(['search', file, query!, '--code-all', code!, '--expand', 'sentence']);
  return file;
}

/** The quotation ids `rodtrad quotes` selects. */
export function quoteIds(file: string, args: string[]): number[] {
  const r = JSON.parse(cli(['quotes', file, ...args, '--json'])) as { rows: { id: number }[] };
  return r.rows.map((x) => x.id).sort((a, b) => a - b);
}

/** The quotation ids the drill-down panel lists, once it has its answer. */
export async function panelIds(page: Page): Promise<number[]> {
  const panel = page.getByTestId('drill-panel');
  await panel.getByTestId('drill-title').filter({ hasNotText: '…' }).waitFor();
  const ids = await panel.getByTestId('drill-quote').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-quotation-id'))));
  return ids.sort((a, b) => a - b);
}

export async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click({ timeout: 60_000 });
}

