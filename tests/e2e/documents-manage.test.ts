/**
 * Documents managed in the window (issue 13 §1, §3): correct a transcript's text and see its
 * quotations keep their words (the changed one flagged for review), rename and undo, delete
 * with a confirmation that counts the quotations and undo it, paste text as a new document;
 * T codes the turn that was clicked; dropping a code on nothing says what to do.
 * What the UI shows is checked against the core's answers through the same HTTP API.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appPerTest, callApi, noChromium } from './harness';

interface Doc {
  id: number;
  name: string;
  text: string;
  quotations: number;
  turnList: { id: number; start: number; end: number; speakerId: number | null }[];
}
interface Quotation {
  id: number;
  start: number;
  end: number;
  text: string;
  needsReview: boolean;
  codeIds: number[];
}
interface Code {
  id: number;
  name: string;
  path: string;
}

describe.skipIf(noChromium)('managing documents', () => {
  const app = appPerTest();
  let page: Page;
  let doc: Doc;
  let code: Code;

  /** Each test: a fresh copy of the sample project (no quotations yet) with gruppintervju-01 open, and the last code of the codebook. */
  beforeEach(async () => {
    page = app().page;
    const docs = await callApi<Doc[]>(page, 'documents.list');
    doc = await callApi<Doc>(page, 'documents.get', { id: docs.find((d) => d.name.startsWith('gruppintervju-01'))!.id });
    code = (await callApi<Code[]>(page, 'codes.tree')).at(-1)!;
    await page.getByTestId('document-row').filter({ hasText: 'gruppintervju-01' }).click();
    await page.getByTestId('turn').first().waitFor();
  });

  it('T codes the turn that was clicked, not the first block', async () => {
    const turn = page.getByTestId('turn').nth(2);
    const box = (await turn.locator('.block-text').boundingBox())!;
    await page.mouse.click(box.x + 40, box.y + 6);
    await page.keyboard.press('t');
    await page.getByTestId('quick-code').waitFor();
    await page.getByTestId('quick-code-input').fill(code.name);
    await expect.poll(() => page.getByTestId('quick-code-option').first().textContent()).toContain(code.name);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await callApi<Quotation[]>(page, 'quotations.list', { documentId: doc.id })).length).toBe(1);
    const [q] = await callApi<Quotation[]>(page, 'quotations.list', { documentId: doc.id });
    const blocks = await page.getByTestId('turn').evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.start)));
    const t = doc.turnList.find((x) => x.start === blocks[2])!;
    expect(q!.start).toBeGreaterThanOrEqual(t.start);
    expect(q!.end).toBeLessThanOrEqual(t.end);
  });

  it('dropping a code with nothing selected says what to do', async () => {
    const row = page.getByTestId('code-row').first();
    await row.dragTo(page.getByTestId('turn').nth(4).locator('.block-text'));
    await expect.poll(() => page.getByTestId('notice').textContent()).toMatch(/markera först text/);
    await page.getByTestId('notice').getByRole('button').click();
  });

  it('corrects a word in a turn: quotations around it keep their words, the one holding it is flagged', async () => {
    // three quotations in one turn: the first words, one word in the middle, the last words
    const turn = doc.turnList.find((t) => t.speakerId !== null && t.end - t.start > 120)!;
    const body = doc.text.slice(turn.start, turn.end);
    const words = [...body.matchAll(/\p{L}{4,}/gu)];
    const [w0, wMid, wLast] = [words[1]!, words[Math.floor(words.length / 2)]!, words.at(-1)!];
    const make = (m: RegExpMatchArray) =>
      callApi<Quotation>(page, 'quotations.create', { documentId: doc.id, start: turn.start + m.index!, end: turn.start + m.index! + m[0].length, codeIds: [code.id] });
    const qBefore = await make(w0);
    const qMid = await make(wMid);
    const qAfter = await make(wLast);
    await expect.poll(() => page.getByTestId('quotation-row').count()).toBe(3);

    const block = page.locator(`[data-block][data-start="${turn.start}"]`);
    await block.locator('.block-text').click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Rätta texten i repliken …' }).click();
    await page.getByTestId('correct-dialog').waitFor();
    const field = page.getByTestId('correct-text');
    await expect.poll(() => field.inputValue()).toBe(body);
    const corrected = `${body.slice(0, wMid.index!)}rättat-ord 🙂${body.slice(wMid.index! + wMid[0].length)}`;
    await field.fill(corrected);
    await app().screenshot('docs-1-correct-dialog');
    await page.getByTestId('correct-dialog-ok').click();

    await expect.poll(() => page.getByTestId('review-badge').count()).toBe(1);
    const quotes = await callApi<Quotation[]>(page, 'quotations.list', { documentId: doc.id });
    const byId = new Map(quotes.map((q) => [q.id, q]));
    expect(byId.get(qBefore.id)).toMatchObject({ text: qBefore.text, needsReview: false });
    expect(byId.get(qAfter.id)).toMatchObject({ text: qAfter.text, needsReview: false });
    expect(byId.get(qMid.id)).toMatchObject({ text: 'rättat-ord 🙂', needsReview: true });
    await expect.poll(() => page.getByTestId('notice').textContent()).toMatch(/1 citat markerades för granskning/);
    await page.getByTestId('quotation-row').filter({ has: page.getByTestId('review-badge') }).click();
    await page.getByTestId('mark-reviewed').waitFor();
    await app().screenshot('docs-2-flagged-for-review');
    await page.getByTestId('mark-reviewed').click();
    await expect.poll(() => page.getByTestId('review-badge').count()).toBe(0);
    // Undo twice: the review, then the correction (text and offsets back as they were)
    await callApi(page, 'history.undo');
    await callApi(page, 'history.undo');
    const back = await callApi<Doc>(page, 'documents.get', { id: doc.id });
    expect(back.text).toBe(doc.text);
  });

  it('renames a document and undoes the rename', async () => {
    await page.getByTestId('rename-document').click();
    const input = page.getByTestId('rename-input');
    await input.fill('Gruppintervju 1 – rättad version med ett mycket långt namn som ska gå att läsa');
    await page.getByTestId('rename-dialog-ok').click();
    await expect.poll(() => page.getByTestId('document-row').filter({ hasText: 'rättad version' }).count()).toBe(1);
    await app().screenshot('docs-3-renamed-long-name');
    await page.getByTestId('document-text').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByTestId('document-row').filter({ hasText: 'rättad version' }).count()).toBe(0);
    expect((await callApi<Doc>(page, 'documents.get', { id: doc.id })).name).toBe(doc.name);
  });

  it('deletes a document after a confirmation that counts its quotations, and one undo brings everything back', async () => {
    const q1 = await callApi<Quotation>(page, 'quotations.create', { documentId: doc.id, start: doc.turnList[1]!.start + 4, end: doc.turnList[1]!.end, codeIds: [code.id] });
    await callApi(page, 'memos.create', { title: 'Om citatet', body: 'viktigt', quotationId: q1.id });
    await callApi(page, 'quotations.create', { documentId: doc.id, start: doc.turnList[2]!.start + 4, end: doc.turnList[2]!.end, codeIds: [code.id] });
    const before = await callApi<Doc[]>(page, 'documents.list');
    await page.getByTestId('delete-document').click();
    await expect.poll(() => page.getByTestId('delete-document-counts').textContent()).toBe('2 citat och 1 memo tas bort tillsammans med dokumentet.');
    await app().screenshot('docs-4-delete-confirmation');
    await page.getByTestId('delete-document-dialog-ok').click();
    await expect.poll(() => page.getByTestId('document-row').count()).toBe(before.length - 1);
    expect((await callApi<Doc[]>(page, 'documents.list')).some((d) => d.id === doc.id)).toBe(false);
    await expect.poll(() => page.getByTestId('undo').getAttribute('aria-label')).toMatch(/Ångra: borttaget dokument/);
    await page.getByTestId('undo').click();
    await expect.poll(() => page.getByTestId('document-row').count()).toBe(before.length);
    const restored = await callApi<Doc>(page, 'documents.get', { id: doc.id });
    expect(restored.text).toBe(doc.text);
    expect(restored.turnList.length).toBe(doc.turnList.length);
    expect((await callApi<Quotation[]>(page, 'quotations.list', { documentId: doc.id })).length).toBe(2);
    expect((await callApi<unknown[]>(page, 'memos.list', { quotationId: q1.id })).length).toBe(1);
  });

  it('pastes text as a new document, found to be an interview with its turns', async () => {
    await page.getByTestId('paste-document').click();
    await page.getByTestId('paste-name').fill('Kort samtal');
    await page.getByTestId('paste-text').fill('Intervjuare: Hur ser samverkan ut?\nAnna: Vi träffas varje vecka.\nBo: Och vi ringer varandra.');
    await app().screenshot('docs-5-paste-dialog');
    await page.getByTestId('paste-dialog-ok').click();
    await expect.poll(() => page.locator('#doc-title').textContent()).toBe('Kort samtal');
    await expect.poll(() => page.getByTestId('turn').count()).toBe(3);
    const made = (await callApi<(Doc & { kind: string; turns: number })[]>(page, 'documents.list')).find((d) => d.name === 'Kort samtal')!;
    expect(made).toMatchObject({ kind: 'interview', turns: 3 });
  });
});
