import type { Page, Request } from 'playwright-core';
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

/**
 * Follows `page`'s requests from now on; the function it returns resolves once the page has no request
 * in flight and shows no loading note (`Loading …`), seen on two animation frames in a row: the page
 * has its data and has drawn it (what `networkidle` and a fixed pause waited for, without the pause).
 * Requests made before the page's current document loaded stop counting once it has (its
 * DOMContentLoaded): a worker of the document before, ended mid-request, may never report its
 * request finished or failed, and a count that waited for it would never reach zero (a suspected
 * cause of every-page's 240 s timeout at 390 px in a CI run of 2 December, on the editor page
 * right after the new-scenario editor's Monte Carlo workers were ended by the navigation).
 */
export function settling(page: Page): () => Promise<void> {
  const inFlight = new Set<Request>();
  page.on('request', (request) => {
    inFlight.add(request);
  });
  const ended = (request: Request) => {
    inFlight.delete(request);
  };
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  page.on('domcontentloaded', () => inFlight.clear());
  const quietFrame = () =>
    page.evaluate(
      () =>
        new Promise<boolean>((resolve) =>
          requestAnimationFrame(() => resolve(document.querySelector('.state-loading') === null)),
        ),
    );
  return async () => {
    for (let quiet = 0; quiet < 2; ) {
      quiet = inFlight.size === 0 && (await quietFrame()) && inFlight.size === 0 ? quiet + 1 : 0;
      if (quiet === 0) await page.waitForTimeout(20);
    }
  };
}
