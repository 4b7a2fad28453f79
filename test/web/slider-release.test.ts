import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { browserTestTimeoutMs, describeInBrowser } from '../helpers/planner-browser';

/**
 * Page script: logs, in order, each Monte Carlo job the page posts to an engine worker and each
 * 300 ms timer that fires (the editor's wait for a still input), in `window.releaseLog`.
 */
function releaseLog() {
  const log: string[] = [];
  (window as unknown as { releaseLog: string[] }).releaseLog = log;
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: never[]) {
    if ((message as { type?: string } | null)?.type === 'monte-carlo') log.push('monte-carlo');
    return post.call(this, message, ...rest);
  } as typeof post;
  const timeout = window.setTimeout;
  window.setTimeout = ((handler: () => void, ms?: number, ...args: unknown[]) =>
    timeout(
      ms === 300
        ? () => {
            log.push('waited 300 ms');
            handler();
          }
        : handler,
      ms,
      ...args,
    )) as typeof window.setTimeout;
}

const readLog = (page: Page) =>
  page.evaluate(() => (window as unknown as { releaseLog: string[] }).releaseLog);
const clearLog = (page: Page) =>
  page.evaluate(() => {
    (window as unknown as { releaseLog: string[] }).releaseLog.length = 0;
  });

describeInBrowser('Monte Carlo after a slider move in Chromium', (env) => {
  it(
    'starts at once when the slider is let go, and after the 300 ms wait while it is held',
    async () => {
      const { page, errors } = await env.open({ width: 1440, height: 900 });
      await page.addInitScript(releaseLog);
      await env.signIn(page, { path: '/scenarios/new' });
      await page.getByText(/P10-P90 bands from \d+ Monte Carlo runs/).waitFor();

      // A key press is an input and a release (its change event) in one task.
      await clearLog(page);
      await page.focus('#lever-layoff');
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => readLog(page)).toContain('monte-carlo');
      expect((await readLog(page))[0]).toBe('monte-carlo');

      // An input alone (a held slider): the job waits for a still input.
      await clearLog(page);
      await page.$eval('#lever-layoff', (element) => {
        const slider = element as HTMLInputElement;
        slider.value = String(slider.valueAsNumber + 1);
        slider.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await expect.poll(() => readLog(page)).toContain('monte-carlo');
      expect(await readLog(page)).toEqual(['waited 300 ms', 'monte-carlo']);
      expect(errors).toEqual([]);
    },
    browserTestTimeoutMs,
  );
});
