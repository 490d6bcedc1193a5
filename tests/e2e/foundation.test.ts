import { describe, expect, it } from 'vitest';
import { appPerTest, noChromium } from './harness';

describe.skipIf(noChromium)('browser mode on the sample project', () => {
  const app = appPerTest();

  it('shows the document list, opens a group interview with its speaker turns', async () => {
    const { page } = app();
    const rows = page.getByTestId('document-row');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(8);
    await expect.poll(() => page.getByTestId('project-name').textContent()).toBe('Exempelprojekt');
    await rows.filter({ hasText: 'gruppintervju-01' }).click();
    await page.getByTestId('turn').first().waitFor();
    const speakers = await page.getByTestId('turn-speaker').allTextContents();
    expect(speakers.length).toBeGreaterThan(5);
    expect(new Set(speakers).size).toBeGreaterThanOrEqual(3);
    // the interviewer is marked as such in the speaker legend
    await expect.poll(() => page.locator('.speaker-legend').textContent()).toMatch(/intervjuare/);
    // the code tree shows the Table 1 codebook
    await expect.poll(() => page.getByTestId('code-row').first().textContent()).toContain('Den informella organiseringens uttryck');
    await app().screenshot('foundation-transcript');
  });

  it('switches the UI to English and back', async () => {
    const { page } = app();
    await expect.poll(() => page.locator('#documents-title').textContent()).toBe('Dokument');
    await page.getByTestId('language').selectOption('en');
    await expect.poll(() => page.locator('#documents-title').textContent()).toBe('Documents');
    await page.getByTestId('language').selectOption('sv');
    await expect.poll(() => page.locator('#documents-title').textContent()).toBe('Dokument');
  });

  it('refuses API calls without the session credential, keeps it out of cookies and the address bar, and honours a start link once', async () => {
    const { page, baseUrl, url } = app();
    const api = await fetch(`${baseUrl}/api/project.info`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(api.status).toBe(403);
    expect(await page.context().cookies()).toEqual([]);
    expect(page.url()).not.toContain('start=');
    const code = new URL(url).hash.replace('#start=', '');
    const again = await fetch(`${baseUrl}/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code }) });
    expect(again.status).toBe(403);
  });
});
