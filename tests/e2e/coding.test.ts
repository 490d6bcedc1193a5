/**
 * The coding workspace in Chromium on the sample project (Table 1 codebook loaded): select a
 * passage in a group interview, code it by drag and drop and by quick-code, see the margin
 * and the counts change, undo and redo, merge two codes, write a memo, filter the quotation
 * manager by a code and an attribute, load the action-plan codebook, switch the language.
 * What the UI shows is checked against the core's own answers (through the same HTTP API).
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appPerTest, callApi, noChromium } from './harness';

const call = callApi;

interface Code {
  id: number;
  name: string;
  path: string;
  quotations: number;
  quotationsDeep: number;
}
interface Quotation {
  id: number;
  documentId: number;
  start: number;
  end: number;
  text: string;
  codeIds: number[];
}

const codeRow = (page: Page, name: string) => page.getByTestId('code-row').filter({ has: page.locator('.code-name', { hasText: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) });

describe.skipIf(noChromium)('coding workspace', () => {
  const app = appPerTest();
  let page: Page;
  let docId: number;
  let codeA: Code;
  let codeB: Code;
  let codeC: Code;

  /** Each test: a fresh copy of the sample project with gruppintervju-01 open, and three leaf codes of the Table 1 codebook from different branches. */
  beforeEach(async () => {
    page = app().page;
    await page.getByTestId('document-row').filter({ hasText: 'gruppintervju-01' }).click();
    await page.getByTestId('turn').first().waitFor();
    const codes = await call<Code[]>(page, 'codes.tree');
    const leaves = codes.filter((c) => !codes.some((x) => x.path.startsWith(`${c.path}/`)));
    [codeA, codeB, codeC] = [leaves[0]!, leaves[5]!, leaves[9]!];
    const docs = await call<{ id: number; name: string }[]>(page, 'documents.list');
    docId = docs.find((d) => d.name.startsWith('gruppintervju-01'))!.id;
  });

  /** A quotation on the second turn of the open interview, made through the API as set-up; waits until the margin shows it. */
  async function quotationOnTurn(codeIds: number[], turn = 1): Promise<Quotation> {
    const doc = await call<{ turnList: { start: number; end: number }[] }>(page, 'documents.get', { id: docId });
    const t = doc.turnList[turn]!;
    const before = await page.getByTestId('margin-bar').count();
    const q = await call<Quotation>(page, 'quotations.create', { documentId: docId, start: t.start + 5, end: Math.min(t.end, t.start + 80), codeIds });
    await expect.poll(() => page.getByTestId('margin-bar').count()).toBe(before + 1);
    return q;
  }

  it('selects a passage by mouse and codes it by dragging a code onto it', async () => {
    const text = page.getByTestId('turn').nth(1).locator('.block-text');
    const box = (await text.boundingBox())!;
    await page.mouse.move(box.x + 120, box.y + 8);
    await page.mouse.down();
    await page.mouse.move(box.x + 260, box.y + 34, { steps: 6 });
    await page.mouse.up();
    await page.getByTestId('selection-bar').waitFor();
    // The native selection is replaced by the pending highlight (kept while a code is dragged).
    const selected = (await page.locator('.block-text .pending').allTextContents()).join('');
    expect(selected.length).toBeGreaterThan(10);
    expect(await codeRow(page, codeA.name).getByTestId('code-count').textContent()).toBe('0');

    await codeRow(page, codeA.name).dragTo(page.locator('.block-text .pending').first());
    await expect.poll(() => page.getByTestId('margin-bar').count()).toBe(1);
    const quotes = await call<Quotation[]>(page, 'quotations.list', { documentId: docId });
    expect(quotes).toHaveLength(1);
    const q = quotes[0]!;
    expect(q.codeIds).toEqual([codeA.id]);
    // The quotation is the selected passage, snapped outwards to whole words.
    const doc = await call<{ text: string }>(page, 'documents.get', { id: docId });
    expect(doc.text.slice(q.start, q.end)).toBe(q.text);
    expect(q.text).toContain(selected.trim());
    // Neither end cuts through a word.
    const word = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
    expect(word(doc.text[q.start - 1]) && word(doc.text[q.start])).toBe(false);
    expect(word(doc.text[q.end - 1]) && word(doc.text[q.end])).toBe(false);
    // Margin label and counts follow.
    await expect.poll(() => page.getByTestId('margin-label').first().textContent()).toContain(codeA.name);
    await expect.poll(() => codeRow(page, codeA.name).getByTestId('code-count').textContent()).toBe('1');
    await app().screenshot('coding-1-dragged');
  });

  it('adds a second code with the quick-code box (type-ahead), and offers it first next time', async () => {
    await quotationOnTurn([codeA.id]);
    await page.getByTestId('margin-bar').first().click();
    await page.getByTestId('quotation-details').waitFor();
    await page.keyboard.press('q');
    await page.getByTestId('quick-code').waitFor();
    await page.getByTestId('quick-code-input').fill(codeB.name.slice(0, 8));
    await expect.poll(() => page.getByTestId('quick-code-option').first().textContent()).toContain(codeB.name.slice(0, 8));
    await page.getByTestId('quick-code-input').fill(codeB.name);
    await expect.poll(() => page.getByTestId('quick-code-option').first().textContent()).toContain(codeB.name);
    await app().screenshot('coding-2-quick-code');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('quotation-code').count()).toBe(2);
    const [q] = await call<Quotation[]>(page, 'quotations.list', { documentId: docId });
    expect(q!.codeIds.sort()).toEqual([codeA.id, codeB.id].sort());
    await expect.poll(() => page.getByTestId('margin-label').first().textContent()).toContain(codeB.name);
    await expect.poll(() => codeRow(page, codeB.name).getByTestId('code-count').textContent()).toBe('1');
    await app().screenshot('coding-3-two-codes');
    // the code just used is offered first when nothing is typed
    await page.getByTestId('document-text').focus();
    await page.keyboard.press('q');
    await page.getByTestId('quick-code-input').fill('');
    await expect.poll(() => page.getByTestId('quick-code-option').first().textContent()).toContain(codeB.name);
    await page.keyboard.press('Escape');
  });

  it('undoes and redoes with the keyboard and the toolbar', async () => {
    const q = await quotationOnTurn([codeA.id]);
    await call(page, 'quotations.addCodes', { quotationId: q.id, codeIds: [codeB.id] });
    await page.getByTestId('margin-bar').first().click();
    await expect.poll(() => page.getByTestId('quotation-code').count()).toBe(2);
    await expect.poll(() => page.getByTestId('undo').getAttribute('aria-label')).toMatch(/Ångra: kodning/);
    await page.getByTestId('document-text').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByTestId('quotation-code').count()).toBe(1);
    expect((await call<Quotation[]>(page, 'quotations.list', { documentId: docId }))[0]!.codeIds).toEqual([codeA.id]);
    await expect.poll(() => codeRow(page, codeB.name).getByTestId('code-count').textContent()).toBe('0');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => page.getByTestId('quotation-code').count()).toBe(2);
    await page.getByTestId('undo').click();
    await expect.poll(() => page.getByTestId('quotation-code').count()).toBe(1);
    await page.getByTestId('redo').click();
    await expect.poll(() => page.getByTestId('quotation-code').count()).toBe(2);
  });

  it('codes a whole speaker turn from its gutter', async () => {
    const turn = page.getByTestId('turn').nth(3);
    await turn.hover();
    await turn.getByTestId('code-turn').click();
    await page.getByTestId('quick-code-input').fill(codeC.name);
    await expect.poll(() => page.getByTestId('quick-code-option').first().textContent()).toContain(codeC.name);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('margin-bar').count()).toBe(1);
    const quotes = await call<Quotation[]>(page, 'quotations.list', { documentId: docId });
    expect(quotes).toHaveLength(1);
    const doc = await call<{ text: string; turnList: { start: number; end: number }[] }>(page, 'documents.get', { id: docId });
    const q = quotes.find((x) => x.codeIds.includes(codeC.id))!;
    const t = doc.turnList[3]!;
    expect(q.start).toBeGreaterThanOrEqual(t.start);
    expect(q.end).toBeLessThanOrEqual(t.end);
    expect(doc.text.slice(t.start, t.end).trim().endsWith(q.text.trim().slice(-20))).toBe(true);
  });

  it('codes from the keyboard alone: move to a turn, select it, shrink by words, quick-code', async () => {
    const codes = await call<Code[]>(page, 'codes.tree');
    const leaf = codes.filter((c) => !codes.some((x) => x.path.startsWith(`${c.path}/`)))[3]!;
    await page.getByTestId('document-text').focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('s');
    await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('Alt+Shift+ArrowRight');
    await page.keyboard.press('q');
    await page.getByTestId('quick-code-input').fill(leaf.name);
    await expect.poll(() => page.getByTestId('quick-code-option').first().textContent()).toContain(leaf.name);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await call<Quotation[]>(page, 'quotations.list', { codeId: leaf.id })).length).toBe(1);
    const [q] = await call<Quotation[]>(page, 'quotations.list', { codeId: leaf.id });
    const doc = await call<{ text: string; turnList: { start: number; end: number }[] }>(page, 'documents.get', { id: docId });
    const t = doc.turnList[2]!;
    // The turn's words without the speaker label, less its first word and its last two.
    const words = doc.text.slice(t.start, t.end).trim().split(/\s+/).slice(1);
    expect(q!.text.split(/\s+/)).toEqual(words.slice(1, -2));
    // The context menu opens from the keyboard too, for the current turn.
    await page.getByTestId('document-text').focus();
    await page.keyboard.press('Shift+F10');
    await expect.poll(() => page.getByRole('menuitem', { name: 'Koda hela repliken …' }).count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('menu').count()).toBe(0);
  });

  it('merges two codes: links move to the target and counts add up', async () => {
    await quotationOnTurn([codeB.id]);
    await expect.poll(() => codeRow(page, codeB.name).getByTestId('code-count').textContent()).toBe('1');
    const before = await call<Code[]>(page, 'codes.tree');
    const target = before.find((c) => c.id === codeC.id)!;
    await codeRow(page, codeB.name).click();
    await page.getByTestId('merge-code').click();
    await page.getByTestId('merge-filter').fill(codeC.name);
    await page.getByTestId('merge-option').first().click();
    await app().screenshot('coding-4-merge');
    await page.getByTestId('merge-dialog-ok').click();
    await expect.poll(() => codeRow(page, codeB.name).count()).toBe(0);
    const after = await call<Code[]>(page, 'codes.tree');
    expect(after.some((c) => c.id === codeB.id)).toBe(false);
    expect(after.find((c) => c.id === codeC.id)!.quotations).toBe(target.quotations + 1);
    await expect.poll(() => codeRow(page, codeC.name).getByTestId('code-count').textContent()).toBe(String(target.quotations + 1));
  });

  it('edits the code tree: create, drag into another code, rename (F2), reorder (Alt+↑), delete with confirmation, undo', async () => {
    for (const name of ['Testkod A', 'Testkod B']) {
      await page.getByTestId('new-code').click();
      await page.getByTestId('code-name-input').fill(name);
      await page.getByTestId('create-code-dialog-ok').click();
      await expect.poll(() => codeRow(page, name).count()).toBe(1);
    }
    const rowA = codeRow(page, 'Testkod A');
    // As a researcher would: click the code (its details open below the tree), then drag it.
    await codeRow(page, 'Testkod B').click();
    await codeRow(page, 'Testkod B').scrollIntoViewIfNeeded();
    const boxA2 = (await rowA.boundingBox())!;
    const boxB = (await codeRow(page, 'Testkod B').boundingBox())!;
    await page.mouse.move(boxB.x + boxB.width / 2, boxB.y + boxB.height / 2);
    await page.mouse.down();
    await page.mouse.move(boxA2.x + boxA2.width / 2, boxA2.y + boxA2.height / 2, { steps: 8 });
    await page.mouse.up();
    await expect.poll(async () => (await call<Code[]>(page, 'codes.tree')).find((c) => c.name === 'Testkod B')?.path).toBe('Testkod A/Testkod B');
    await codeRow(page, 'Testkod B').click();
    await page.keyboard.press('F2');
    await page.getByTestId('rename-input').fill('Testkod C');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await call<Code[]>(page, 'codes.tree')).some((c) => c.path === 'Testkod A/Testkod C')).toBe(true);
    const top = async (): Promise<string[]> => (await call<(Code & { parentId: number | null })[]>(page, 'codes.tree')).filter((c) => c.parentId === null).map((c) => c.name);
    const before = await top();
    expect(before[before.length - 1]).toBe('Testkod A');
    await rowA.click();
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(top).toEqual([...before.slice(0, -2), 'Testkod A', before[before.length - 2]]);
    await page.keyboard.press('Delete');
    await page.getByTestId('delete-dialog').waitFor();
    expect(await page.getByTestId('delete-dialog').textContent()).toContain('1 underkoder');
    await page.getByTestId('delete-dialog-ok').click();
    await expect.poll(async () => (await call<Code[]>(page, 'codes.tree')).some((c) => c.name.startsWith('Testkod'))).toBe(false);
    await page.getByTestId('undo').click();
    await expect.poll(async () => (await call<Code[]>(page, 'codes.tree')).filter((c) => c.name.startsWith('Testkod')).map((c) => c.path)).toEqual(['Testkod A', 'Testkod A/Testkod C']);
  });

  it('writes a memo on the selected quotation, with emphasis', async () => {
    await quotationOnTurn([codeA.id]);
    await page.getByTestId('margin-bar').first().click();
    await page.getByTestId('document-text').focus();
    await page.keyboard.press('m');
    await page.getByTestId('memo-dialog').waitFor();
    await page.getByTestId('memo-title').fill('Bollande mellan chefer');
    await page.getByTestId('memo-body').fill('Första stycket med *betoning*.\n\nAndra stycket.');
    await page.getByTestId('memo-save').click();
    await expect.poll(async () => (await call<{ title: string; quotationId: number | null }[]>(page, 'memos.list', {})).length).toBe(1);
    const [memo] = await call<{ title: string; body: string; quotationId: number | null; author: string | null }[]>(page, 'memos.list', {});
    expect(memo!.title).toBe('Bollande mellan chefer');
    expect(memo!.quotationId).not.toBeNull();
    expect(memo!.author).toBeTruthy();
    await app().screenshot('coding-5-memo');
    await page.keyboard.press('Escape');
    await page.getByTestId('tab-memos').click();
    await expect.poll(() => page.getByTestId('memo-row').count()).toBe(1);
    await page.getByTestId('memo-row').click();
    await page.getByRole('button', { name: /Förhandsvisa/ }).click();
    expect(await page.locator('.memo-preview em').textContent()).toBe('betoning');
    expect(await page.locator('.memo-preview p').count()).toBe(2);
    await app().screenshot('coding-5b-memos-view');
  });

  it('filters the quotation manager by a code and an attribute, and jumps back', async () => {
    await quotationOnTurn([codeA.id, codeB.id]);
    await quotationOnTurn([codeC.id], 3);
    await page.getByTestId('tab-quotations').click();
    const all = await call<{ total: number }>(page, 'quotations.query', {});
    await expect.poll(() => page.getByTestId('qm-row').count()).toBe(all.total);
    await page.getByTestId('qm-code-input').fill(codeA.name.slice(0, 10));
    await page.getByTestId('qm-code-option').first().click();
    const byCode = await call<{ total: number }>(page, 'quotations.query', { codeIds: [codeA.id] });
    await expect.poll(() => page.getByTestId('qm-row').count()).toBe(byCode.total);
    expect(byCode.total).toBe(1);
    await page.getByTestId('qm-attr-termin').selectOption('HT16');
    await expect.poll(() => page.getByTestId('qm-row').count()).toBe(1);
    await app().screenshot('coding-6-quotation-manager');
    await page.getByTestId('qm-attr-termin').selectOption('VT17');
    await expect.poll(() => page.getByTestId('qm-row').count()).toBe(0);
    const none = await call<{ total: number }>(page, 'quotations.query', { codeIds: [codeA.id], where: { termin: ['VT17'] } });
    expect(none.total).toBe(0);
    await page.getByTestId('qm-attr-termin').selectOption('HT16');
    await page.getByTestId('qm-row').first().click();
    await expect.poll(() => page.getByTestId('tab-document').getAttribute('aria-selected')).toBe('true');
    await page.getByTestId('quotation-details').waitFor();
    await expect.poll(() => page.locator('.margin-label.selected').count()).toBe(1);
  });

  it('exports the filtered quotations as XLSX and CSV downloads', async () => {
    await quotationOnTurn([codeA.id, codeB.id]);
    await quotationOnTurn([codeC.id], 3);
    await page.getByTestId('tab-quotations').click();
    const all = await call<{ total: number; rows: { text: string; documentName: string; codeIds: number[] }[] }>(page, 'quotations.query', {});
    expect(all.total).toBe(2);
    await expect.poll(() => page.getByTestId('qm-row').count()).toBe(all.total);
    // One line per quotation and code (the code path is split into level columns).
    const lines = all.rows.reduce((n, r) => n + Math.max(1, r.codeIds.length), 0);
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('qm-export-xlsx').click()]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = path.join(app().dir, xlsx.suggestedFilename());
    await xlsx.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.worksheets[0]!;
    expect(sheet.actualRowCount).toBe(lines + 1);
    const cells = JSON.stringify(sheet.getSheetValues());
    for (const r of all.rows) expect(cells).toContain(JSON.stringify(r.text).slice(1, 30));
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('qm-export-csv').click()]);
    const csvFile = path.join(app().dir, csv.suggestedFilename());
    await csv.saveAs(csvFile);
    const parsed = Papa.parse<string[]>(readFileSync(csvFile, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(parsed.length).toBe(lines + 1);
    expect(new Set(parsed.slice(1).map((r) => r.find((c) => all.rows.some((q) => q.text === c))).filter(Boolean)).size).toBe(new Set(all.rows.map((r) => r.text)).size);
  });

  it('edits a document attribute and a document group, and filters quotations by the group', async () => {
    await page.getByTestId('tab-attributes').click();
    await page.getByTestId('attribute-table').waitFor();
    const row = page.getByTestId('attribute-table').locator('tbody tr', { hasText: 'gruppintervju-01' });
    const cell = row.getByLabel(/verksamhet/);
    await cell.fill('Socialtjänst barn');
    await cell.press('Enter');
    await expect.poll(async () => (await call<{ name: string; attributes: Record<string, string> }[]>(page, 'documents.list')).find((d) => d.name.startsWith('gruppintervju-01'))!.attributes.verksamhet).toBe('Socialtjänst barn');
    await page.getByTestId('new-group').fill('Chefsgrupper');
    await page.getByTestId('new-group').press('Enter');
    await expect.poll(() => row.getByRole('checkbox').count()).toBe(1);
    // A controlled checkbox: it turns checked when the core has stored the membership.
    await row.getByRole('checkbox').click();
    await expect.poll(() => row.getByRole('checkbox').isChecked()).toBe(true);
    await expect.poll(async () => (await call<{ name: string; documentIds: number[] }[]>(page, 'groups.list'))[0]?.documentIds).toEqual([docId]);
    await app().screenshot('coding-9-attributes');
    await page.getByTestId('tab-quotations').click();
    await page.getByTestId('qm-group').selectOption({ label: 'Chefsgrupper (1)' });
    const inGroup = await call<{ total: number }>(page, 'quotations.query', { documentIds: [docId] });
    await expect.poll(() => page.getByTestId('qm-row').count()).toBe(inGroup.total);
    await page.getByTestId('qm-group').selectOption('');
    // The group also filters the document list.
    await page.getByTestId('document-group-filter').selectOption({ label: 'Chefsgrupper (1)' });
    await expect.poll(() => page.getByTestId('document-row').count()).toBe(1);
    expect(await page.getByTestId('document-row').textContent()).toContain('gruppintervju-01');
    await page.getByTestId('document-group-filter').selectOption('');
    await expect.poll(() => page.getByTestId('document-row').count()).toBeGreaterThanOrEqual(8);
    await page.getByTestId('tab-document').click();
  });

  it('loads the action-plan codebook from the menu', async () => {
    const books = await call<{ id: string; codes: number }[]>(page, 'codebooks.list');
    const plan = books.find((b) => b.id === 'handlingsplan');
    expect(plan).toBeDefined();
    const before = (await call<Code[]>(page, 'codes.tree')).length;
    await page.getByTestId('codebook-menu').click();
    await page.getByTestId('codebook-handlingsplan').click();
    await expect.poll(async () => (await call<Code[]>(page, 'codes.tree')).length).toBe(before + plan!.codes);
    await page.getByTestId('code-filter').fill('Brukardelaktighet');
    await expect.poll(() => page.getByTestId('code-row').count()).toBeGreaterThan(0);
    await page.getByTestId('code-filter').fill('');
  });

  it('lays out overlapping and nested quotations in separate margin lanes', async () => {
    await page.getByTestId('tab-document').click();
    const doc = await call<{ text: string; turnList: { start: number; end: number }[] }>(page, 'documents.get', { id: docId });
    const codes = await call<Code[]>(page, 'codes.tree');
    const leaves = codes.filter((c) => !codes.some((x) => x.path.startsWith(`${c.path}/`)));
    const t = doc.turnList[5]!;
    const len = t.end - t.start;
    // An outer quotation, one nested inside it and one overlapping its end.
    const spans = [
      [t.start + 10, t.end - 5, leaves[1]!.id],
      [t.start + Math.floor(len / 4), t.start + Math.floor(len / 2), leaves[12]!.id],
      [t.start + Math.floor((len * 2) / 3), Math.min(doc.text.length, t.end + 60), leaves[20]!.id],
    ] as const;
    for (const [start, end, code] of spans) await call(page, 'quotations.create', { documentId: docId, start, end, codeIds: [code] });
    await page.getByTestId('turn').nth(5).scrollIntoViewIfNeeded();
    const bars = page.getByTestId('turn').nth(5).getByTestId('margin-bar');
    await expect.poll(() => bars.count()).toBe(3);
    const boxes = await Promise.all([0, 1, 2].map(async (i) => (await bars.nth(i).boundingBox())!));
    // Overlapping bars never share a lane (x position)...
    for (let i = 0; i < 3; i++) for (let j = i + 1; j < 3; j++) {
      const overlapY = boxes[i]!.y < boxes[j]!.y + boxes[j]!.height && boxes[j]!.y < boxes[i]!.y + boxes[i]!.height;
      if (overlapY) expect(Math.abs(boxes[i]!.x - boxes[j]!.x)).toBeGreaterThan(3);
    }
    // ...and each bar spans only the lines of its quotation: the nested one is shorter than the outer one.
    const heights = boxes.map((b) => b.height).sort((a, b) => a - b);
    expect(heights[0]!).toBeLessThan(heights[2]!);
    await bars.nth(1).click();
    await expect.poll(() => page.getByTestId('quotation-code').first().textContent()).toContain(leaves[12]!.name);
    await page.getByTestId('turn').nth(4).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await app().screenshot('coding-readme');
  });

  it('shows the shortcut sheet and switches the UI to English', async () => {
    await quotationOnTurn([codeA.id]);
    await page.getByTestId('document-text').focus();
    await page.keyboard.press('?');
    await page.getByTestId('shortcut-sheet').waitFor();
    await app().screenshot('coding-7-shortcuts');
    await page.keyboard.press('Escape');
    await page.getByTestId('language').selectOption('en');
    await expect.poll(() => page.getByTestId('tab-quotations').textContent()).toBe('Quotations');
    expect(await page.getByTestId('new-code').textContent()).toBe('+ New code');
    await expect.poll(() => page.getByTestId('undo').getAttribute('aria-label')).toMatch(/^Undo: /);
    await app().screenshot('coding-8-english');
    await page.getByTestId('language').selectOption('sv');
  });
});
