/**
 * The term report view in Chromium on the sample project (terms HT16, VT17, HT17; groups chef /
 * medarbetare): quotations are made through the HTTP API, then the view must show for the
 * chosen codes the "k av n" counts computed here, the trend chart (SVG), the split by group,
 * and export a DOCX download. Screenshots are looked at.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createCode } from '../../electron/core/coding/codes';
import { createQuotation } from '../../electron/core/coding/quotations';
import { insertDocument } from '../../electron/core/documents/store';
import { Project } from '../../electron/core/project/project';
import { appPerTest, callApi, noChromium } from './harness';

const call = callApi;

interface Doc {
  id: number;
  name: string;
  kind: string;
  chars: number;
  attributes: Record<string, string>;
}
interface Code {
  id: number;
  name: string;
  path: string;
  parentId: number | null;
}

describe.skipIf(noChromium)('term report view', () => {
  const app = appPerTest();
  let docs: Doc[];
  let chosen: Code[];
  /** code id → ids of the documents given a quotation with it */
  let coded: Map<number, Set<number>>;

  /** Each test: quotations made through the HTTP API on a fresh sample project, then the report view open with the chosen codes. */
  beforeEach(async () => {
    const { page } = app();
    coded = new Map();
    docs = await call<Doc[]>(page, 'documents.list');
    const codes = await call<Code[]>(page, 'codes.tree');
    // Two second-level codes of the Table 1 codebook.
    chosen = codes.filter((c) => c.parentId !== null && codes.find((p) => p.id === c.parentId)?.parentId === null).slice(0, 2);
    expect(chosen).toHaveLength(2);
    const interviews = docs.filter((d) => d.kind === 'interview');
    // Code A in every other interview, code B in all but the first; a field note too (must not count).
    for (const [i, d] of [...interviews, ...docs.filter((x) => x.kind === 'fieldnote')].entries()) {
      const ids = [...(i % 2 === 0 ? [chosen[0]!.id] : []), ...(i > 0 ? [chosen[1]!.id] : [])];
      if (ids.length === 0) continue;
      await call(page, 'quotations.create', { documentId: d.id, start: 10, end: 60, codeIds: ids, snap: 'none' });
      for (const c of ids) {
        if (!coded.has(c)) coded.set(c, new Set());
        coded.get(c)!.add(d.id);
      }
    }
    await page.getByTestId('tab-term-report').click();
    await page.getByTestId('term-report-view').waitFor();
    await expect.poll(() => page.getByTestId('report-term').inputValue()).toBe('termin');
    await expect.poll(() => page.getByTestId('report-group').inputValue()).toBe('grupp');
    await page.getByRole('button', { name: 'Inga' }).click();
    for (const c of chosen) await page.locator(`[data-testid="report-code"][data-path="${c.path}"]`).check();
    await expect.poll(() => page.getByTestId('report-row').count()).toBe(2);
  });

  /** "k av n" of the first chosen code among the interviews of one term and group. */
  const kOfN = (term: string, grupp: string): string => {
    const held = docs.filter((d) => d.kind === 'interview' && d.attributes.grupp === grupp && d.attributes.termin === term);
    return `${held.filter((d) => coded.get(chosen[0]!.id)?.has(d.id)).length} av ${held.length}`;
  };

  it('shows "k av n" per term for the chosen codes and the trend chart', async () => {
    const { page } = app();

    const terms = ['HT16', 'VT17', 'HT17'];
    await expect.poll(() => page.locator('[data-testid="report-table"] thead tr').first().locator('th').allTextContents()).toEqual(['Kod', ...terms, 'Totalt']);
    for (const [j, c] of chosen.entries()) {
      const row = page.getByTestId('report-row').nth(j);
      expect(await row.locator('th').textContent()).toBe(c.name);
      const expected = terms.map((term) => {
        const held = docs.filter((d) => d.kind === 'interview' && d.attributes.termin === term);
        return `${held.filter((d) => coded.get(c.id)?.has(d.id)).length} av ${held.length}`;
      });
      const all = docs.filter((d) => d.kind === 'interview' && d.attributes.termin);
      expected.push(`${all.filter((d) => coded.get(c.id)?.has(d.id)).length} av ${all.length}`);
      await expect.poll(() => row.getByTestId('report-cell').locator('.k').allTextContents()).toEqual(expected);
    }
    const chart = page.getByTestId('report-chart').locator('svg');
    await chart.waitFor();
    expect(await chart.locator('path').count()).toBe(2);
    expect(await chart.textContent()).toContain('HT16');
    await app().screenshot('term-report');
  });

  it('splits by group and exports a DOCX download', async () => {
    const { page } = app();
    await page.getByTestId('report-split').filter({ hasText: 'chef' }).click();
    await expect.poll(() => page.locator('[data-testid="report-table"] thead tr').first().locator('th').count()).toBe(4); // no total column per group
    await expect.poll(() => page.getByTestId('report-row').first().getByTestId('report-cell').first().locator('.k').textContent()).toBe(kOfN('HT16', 'chef'));
    // With a district attribute: codes × districts for one term (the last by default).
    await page.getByTestId('report-district').selectOption('stadsdel');
    const district = page.getByTestId('report-district-table');
    await expect.poll(() => district.locator('thead th').allTextContents()).toEqual(['Kod', 'Norrdal', 'Söderby']);
    const held = (s: string) => docs.filter((d) => d.kind === 'interview' && d.attributes.termin === 'HT17' && d.attributes.stadsdel === s);
    await expect
      .poll(() => district.locator('tbody tr').first().locator('td').allTextContents())
      .toEqual(['Norrdal', 'Söderby'].map((s) => `${held(s).filter((d) => coded.get(chosen[0]!.id)?.has(d.id)).length}/${held(s).length}`));
    await app().screenshot('term-report-chef');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-docx').click()]);
    expect(download.suggestedFilename()).toBe('terminsrapport.docx');
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
  });

  it('opens as it was left: the settings are saved in the project', async () => {
    const { page } = app();
    await page.getByTestId('report-split').filter({ hasText: 'chef' }).click();
    await page.getByTestId('report-district').selectOption('stadsdel');
    await page.getByTestId('report-district-table').waitFor();
    await page.getByTestId('chart-bar').check();
    type Saved = { term: string; group: string; district: string; codes: number[]; split: string; chart: string } | null;
    await expect.poll(() => callApi<Saved>(page, 'reports.settings'), { timeout: 5_000 }).toMatchObject({
      term: 'termin',
      group: 'grupp',
      district: 'stadsdel',
      codes: chosen.map((c) => c.id),
      split: 'chef',
      chart: 'bar',
    });
    // a new window on the same project (here: the page loaded again) starts from them
    await page.reload();
    await page.getByTestId('tab-term-report').click();
    await page.getByTestId('term-report-view').waitFor();
    await expect.poll(() => page.getByTestId('report-district').inputValue()).toBe('stadsdel');
    await expect.poll(() => page.getByTestId('report-row').count()).toBe(2);
    expect(await page.getByTestId('report-split').filter({ hasText: 'chef' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.getByTestId('chart-bar').isChecked()).toBe(true);
    await app().screenshot('term-report-restored');
  });
});

describe.skipIf(noChromium)('survey frequency view', () => {
  const AREAS: [string, number][] = [['Okänt', 4], ['BOU', 20], ['Ek', 20], ['Funk', 21], ['Psyk', 9], ['Vuxen', 21], ['Äldre', 22]];
  const coded: { grupp: string; admin: boolean; rutiner: boolean }[] = [];

  /** A survey of 117 respondents built through the core, answers in the printed order. */
  function survey(dir: string): string {
    const file = path.join(dir, 'enkat.rodtrad');
    coded.length = 0;
    const p = Project.create(file, { name: 'Enkät HT18' });
    p.transaction(() => {
      const admin = createCode(p, { name: 'Administrativt stöd' });
      const rutiner = createCode(p, { name: 'Nya rutiner' });
      let i = 0;
      for (const [area, n] of AREAS) {
        for (let k = 0; k < n; k++, i++) {
          const attributes: Record<string, string> = { verksamhet: area, grupp: i % 9 < 5 ? 'chef' : 'medarbetare' };
          if (i % 13 !== 0) attributes.alternativ1 = ['Introduktionsprogram', 'Administrativt stöd', 'Nära ledning'][i % 3]!;
          const text = `Fråga 2a: svar nummer ${i + 1} om stödet.`;
          const id = insertDocument(p, { name: `svar-${i + 1}`, kind: 'survey', text, attributes, turns: [{ start: 0, end: text.length, speaker: 'Fråga 2a', timestamp: null }] });
          const codes = [...(i % 4 === 0 ? [admin] : []), ...(i % 5 === 0 ? [rutiner] : [])];
          if (codes.length) createQuotation(p, { documentId: id, start: 10, end: 20, codeIds: codes });
          coded.push({ grupp: attributes.grupp!, admin: i % 4 === 0, rutiner: i % 5 === 0 });
        }
      }
    });
    p.close();
    return file;
  }
  const app = appPerTest({ project: survey });

  it('shows Antal and Procent with Ej svar and Totalt, and reorders categories', async () => {
    const { page } = app();
    await page.getByTestId('tab-frequencies').click();
    await page.getByTestId('frequencies-view').waitFor();
    await page.getByTestId('freq-var').first().waitFor();
    const vars = page.getByTestId('freq-var');
    const labels = await page.locator('[data-testid="frequencies-view"] .report-codes label').allTextContents();
    await vars.nth(labels.findIndex((l) => l.startsWith('verksamhet'))).check();
    await vars.nth(labels.findIndex((l) => l.startsWith('alternativ1'))).check();
    await expect.poll(() => page.getByTestId('freq-table').count()).toBe(2);
    const rows = await page.getByTestId('freq-table').first().locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th, td.num')].map((c) => c.textContent ?? '')),
    );
    expect(rows).toEqual([
      ['Okänt', '4', '3,4'], ['BOU', '20', '17,1'], ['Ek', '20', '17,1'], ['Funk', '21', '17,9'], ['Psyk', '9', '7,7'], ['Vuxen', '21', '17,9'], ['Äldre', '22', '18,8'], ['Totalt', '117', '100,0'],
    ]);
    const second = await page.getByTestId('freq-table').nth(1).locator('tbody tr th').allTextContents();
    expect(second.slice(-2)).toEqual(['Ej svar', 'Totalt']);
    await page.getByRole('button', { name: 'Flytta upp Äldre' }).click();
    await expect.poll(() => page.getByTestId('freq-table').first().locator('tbody tr th').nth(5).textContent()).toBe('Äldre');

    // Coded open answers: "nämns N gånger", split by group.
    const open = page.getByTestId('open-answers');
    await open.locator('select').selectOption('grupp');
    await expect.poll(() => open.locator('thead th').allTextContents()).toEqual(['Kategori', 'Nämns', 'chef', 'medarbetare']);
    const adminRow = await open.locator('tbody tr').first().locator('th, td').allTextContents();
    const admins = coded.filter((c) => c.admin);
    expect(adminRow).toEqual(['Administrativt stöd', String(admins.length), String(admins.filter((c) => c.grupp === 'chef').length), String(admins.filter((c) => c.grupp === 'medarbetare').length)]);
    expect(await open.locator('.open-lines').textContent()).toContain(`Administrativt stöd (nämns ${admins.length} gånger`);
    await app().screenshot('survey-tables');
  });
});
