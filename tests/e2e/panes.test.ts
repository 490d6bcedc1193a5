/**
 * Panes (issue 13 §9): the document list is widened by dragging its splitter so a long name
 * fits, the code tree is folded to a strip; both are kept after a reload of the page, for
 * this project; the keyboard resizes a splitter too.
 */
import { describe, expect, it } from 'vitest';
import { appPerTest, noChromium } from './harness';

describe.skipIf(noChromium)('resizable and foldable panes', () => {
  const app = appPerTest();

  const width = (sel: string) => app().page.locator(sel).evaluate((el) => Math.round(el.getBoundingClientRect().width));

  it('drags the left splitter, folds the right pane, and finds both as left after a reload', async () => {
    const { page } = app();
    await page.getByTestId('document-row').first().waitFor();
    const before = await width('.pane-left');
    const box = (await page.getByTestId('splitter-left').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 40);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 120, box.y + 40, { steps: 5 });
    await page.mouse.up();
    await expect.poll(() => width('.pane-left')).toBe(before + 120);

    await page.getByTestId('splitter-right-fold').click();
    await page.getByTestId('strip-right').waitFor();
    expect(await page.locator('.pane-right').count()).toBe(0);
    await app().screenshot('panes-1-wide-left-folded-right');

    await page.reload();
    await page.getByTestId('document-row').first().waitFor();
    expect(await width('.pane-left')).toBe(before + 120);
    expect(await page.getByTestId('strip-right').count()).toBe(1);

    await page.getByTestId('strip-right').click();
    await page.locator('.pane-right').waitFor();
    // keyboard: focus the splitter, Home makes the list as narrow as allowed
    await page.getByTestId('splitter-left').focus();
    await page.keyboard.press('Home');
    await expect.poll(() => width('.pane-left')).toBe(180);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => width('.pane-left')).toBe(196);
  });
});
