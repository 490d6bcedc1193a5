/**
 * The interviewer left out (issue 13 §5) and words that are words (§7), in Chromium on the
 * sample project: the search's "Without the interviewer" toggle drops the interviewer's
 * hits (and so they are not coded by "code selected"); word frequencies never list a
 * speaker's label or name unless asked.
 */
import { describe, expect, it } from 'vitest';
import { appPerTest, callApi, noChromium } from './harness';

interface Speaker {
  label: string;
  name: string | null;
  isInterviewer: boolean;
}

describe.skipIf(noChromium)('interviewer and speaker names', () => {
  const app = appPerTest();

  it('search without the interviewer: fewer hits, none of them the interviewer\'s', async () => {
    const { page } = app();
    await page.locator('#tab-search').click();
    await page.getByTestId('search-input').fill('samverkan');
    await page.getByTestId('search-run').click();
    await page.getByTestId('kwic-row').first().waitFor({ timeout: 60_000 });
    const all = await callApi<{ total: number; hits: { speaker: string | null }[] }>(page, 'search.query', { query: 'samverkan' });
    const without = await callApi<{ total: number }>(page, 'search.query', { query: 'samverkan', excludeInterviewer: true });
    expect(without.total).toBeLessThan(all.total);
    await expect.poll(() => page.getByTestId('kwic-row').count()).toBe(all.total);
    await page.getByTestId('search-exclude-interviewer').check();
    await expect.poll(() => page.getByTestId('kwic-row').count()).toBe(without.total);
    const speakers = await page.locator('.kwic-row .kwic-speaker, [data-testid="kwic-row"] .kwic-speaker').allTextContents();
    expect(speakers).not.toContain('I');
    await app().screenshot('interviewer-1-search-without');
  });

  it('word frequencies list no speaker labels or names, unless "count speakers\' names" is ticked', async () => {
    const { page } = app();
    // AL introduces herself as Anna: give the speaker that display name
    const al = (await callApi<(Speaker & { id: number })[]>(page, 'speakers.list', {})).find((s) => s.label === 'AL')!;
    await callApi(page, 'speakers.update', { id: al.id, name: 'Anna Lind' });
    const speakers = await callApi<Speaker[]>(page, 'speakers.list', {});
    const nameWords = new Set(speakers.flatMap((s) => [s.label, s.name ?? '']).flatMap((x) => x.toLowerCase().split(/[^\p{L}]+/u)).filter((w) => w.length >= 2));
    expect(nameWords.has('anna')).toBe(true);
    await page.locator('#tab-words').click();
    const table = page.getByTestId('words-table');
    await table.locator('tbody tr').first().waitFor({ timeout: 60_000 });
    const words = (await table.locator('tbody tr td:first-child').allTextContents()).map((w) => w.trim());
    expect(words.length).toBeGreaterThan(20);
    for (const w of words) expect(nameWords.has(w), w).toBe(false);
    const counted = async () => Number((await page.locator('.words-summary').first().textContent())!.replace(/\s/g, '').match(/\d+/)![0]);
    const before = await counted();
    await app().screenshot('interviewer-2-words');
    await page.getByTestId('words-include-names').check();
    // "Anna" said in the text now counts as a word; labels at the start of turns still do not
    await expect.poll(counted).toBeGreaterThan(before);
    const api = await callApi<{ counted: number }>(page, 'words.frequencies', { scope: {}, includeSpeakerNames: true, limit: 1 });
    await expect.poll(counted).toBe(api.counted);
  });
});
