import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { seriousViolations } from './axe';

/** Whether the element `selector` (the page under the app's header by default) is wider than the viewport. */
export const scrollsSideways = (page: Page, selector = 'main'): Promise<boolean> =>
  page.evaluate(
    (s) => (document.querySelector(s)?.scrollWidth ?? 0) > document.documentElement.clientWidth,
    selector,
  );

/**
 * Screenshots at 1440 and 390 px (`test-results/<name>-<width>.png`), with no serious or critical
 * axe violation and no sideways scroll at either, in the page's `main` region (the app shell's
 * header and navigation are checked by their own tests).
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/${name}-${width}.png`, fullPage: true });
    expect(await seriousViolations(page, 'main'), `${name} at ${width} px`).toEqual([]);
    expect(await scrollsSideways(page), `${name} scrolls sideways at ${width} px`).toBe(false);
  }
}
