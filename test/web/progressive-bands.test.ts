import type { Page, Worker } from 'playwright-core';
import { expect, it } from 'vitest';
import { expectLeavingStopsWork, expectProgressiveBands } from '../helpers/monte-carlo-checks';
import { browserTestTimeoutMs, describeInBrowser } from '../helpers/planner-browser';

interface Entry {
  type: string;
  job: number;
  done?: number;
  at: number;
  /** Which of the page's workers posted it (0 = the first started). */
  worker: number;
}

/**
 * Page script: logs every message of every engine worker the page starts, in arrival order, as
 * `{ type, job, done, at, worker }` in `window.engineLog` (`at`: performance.now()).
 */
function engineLog() {
  const log: Entry[] = [];
  (window as unknown as { engineLog: Entry[] }).engineLog = log;
  const Original = window.Worker;
  let started = 0;
  window.Worker = class extends Original {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      const worker = started++;
      this.addEventListener('message', (event: MessageEvent<Entry>) => {
        const { type, job, done } = event.data;
        log.push({ type, job, done, at: performance.now(), worker });
      });
    }
  };
}

const readLog = (page: Page) => page.evaluate(() => (window as unknown as { engineLog: Entry[] }).engineLog);
/** Durations of the Monte Carlo slices the page's engine workers have timed since their last job started. */
const sliceTimes = async (page: Page) =>
  (
    await Promise.all(
      page
        .workers()
        .map((worker) =>
          worker.evaluate(() => performance.getEntriesByName('monte-carlo-slice').map((e) => e.duration)),
        ),
    )
  ).flat();
/**
 * A count of the slices the page's workers have timed, for checking that work stops: each worker's
 * count as last read, kept for a worker ended meanwhile (leaving the page ends the Monte Carlo
 * workers, and an ended worker times no more), so a worker closing between two reads changes nothing.
 */
const slicesTimedCounter = (page: Page) => {
  const lastRead = new Map<Worker, number>();
  return async () => {
    await Promise.all(
      page.workers().map(async (worker) => {
        const count = await worker
          .evaluate(() => performance.getEntriesByName('monte-carlo-slice').length)
          .catch((error: Error) => {
            if (/has been closed/.test(error.message)) return undefined;
            throw error;
          });
        if (count !== undefined) lastRead.set(worker, count);
      }),
    );
    return [...lastRead.values()].reduce((sum, count) => sum + count, 0);
  };
};

describeInBrowser('Monte Carlo bands and long tables in Chromium', (env) => {
  it(
    'shows the mean path, then bands from the first tenth of the runs with progress, refined to all runs; a slider move and leaving the page stop the job in the worker',
    async () => {
      const { page, errors } = await env.open({ width: 1440, height: 900 });
      await page.addInitScript(engineLog);
      await env.signIn(page, { path: '/scenarios' });
      await page.getByRole('link', { name: 'New scenario' }).click();
      await page.getByText(/Mean path \(bands follow/).waitFor();
      await page.getByText(/bands from the first \d+ of 100 runs, refining/).waitFor();
      await page.screenshot({ path: 'test-results/progressive-bands-partial.png' });
      await page.getByText(/P10-P90 bands from 100 Monte Carlo runs/).waitFor();
      await page.screenshot({ path: 'test-results/progressive-bands-done.png' });

      const first = await readLog(page);
      const job = first.find((e) => e.type === 'bands')!.job;
      const ofJob = first.filter((e) => e.job === job);
      const order = ofJob.map((e) => e.type).filter((type, i, all) => type !== all[i - 1]);
      expect(order.slice(0, 2)).toEqual(['progress', 'bands']);
      expectProgressiveBands(ofJob);
      const firstBands = ofJob.find((e) => e.type === 'bands')!;
      const slices = await sliceTimes(page);
      console.log(
        `Monte Carlo slices in the worker: ${slices.length} for 100 runs, median ${[...slices].sort((a, b) => a - b)[slices.length >> 1]?.toFixed(1)} ms; first bands ${(firstBands.at - ofJob[0]!.at).toFixed(0)} ms after the first progress, all runs ${(ofJob.find((e) => e.type === 'result')!.at - ofJob[0]!.at).toFixed(0)} ms`,
      );
      // A slice is one run or more (as many as fit in 8 ms at the last slice's pace).
      expect(slices.length).toBeGreaterThan(0);
      expect(slices.length).toBeLessThanOrEqual(100);

      // A slider move while bands refine cancels the job: its messages stop, a new job runs.
      await page.focus('#lever-layoff');
      await page.keyboard.press('End');
      await page.getByText(/bands from the first \d+ of 100 runs, refining/).waitFor();
      const moved = await readLog(page);
      const running = moved.at(-1)!.job;
      await page.keyboard.press('ArrowLeft');
      await page.waitForFunction(
        (old) =>
          (window as unknown as { engineLog: Entry[] }).engineLog.some(
            (e) => e.type === 'progress' && e.job > old,
          ),
        running,
      );
      const afterMove = await readLog(page);
      // Mean paths come from a worker that runs no Monte Carlo: a move never waits for a slice.
      const banded = new Set(afterMove.filter((e) => e.type === 'progress').map((e) => e.job));
      const meanWorkers = new Set(
        afterMove.filter((e) => e.type === 'result' && !banded.has(e.job)).map((e) => e.worker),
      );
      const sliceWorkers = new Set(afterMove.filter((e) => e.type === 'progress').map((e) => e.worker));
      expect(meanWorkers.size).toBe(1);
      expect([...meanWorkers].filter((worker) => sliceWorkers.has(worker))).toEqual([]);
      const cutAt = afterMove.findIndex((e) => e.type === 'progress' && e.job > running);
      // At most a slice already posted when the cancel arrived may follow it.
      expect(afterMove.slice(cutAt).filter((e) => e.job === running).length).toBeLessThanOrEqual(2);
      expect(afterMove.some((e) => e.job === running && e.type === 'result')).toBe(false);

      // Leaving the page mid-run (past the unsaved-changes question) cancels too: the worker times no more slices.
      await page.keyboard.press('ArrowLeft');
      await expectLeavingStopsWork(page, slicesTimedCounter(page));
      const left = await readLog(page);
      const last = left.at(-1)!;
      expect(left.filter((e) => e.job === last.job && e.type === 'result')).toEqual([]);
      expect(errors).toEqual([]);
    },
    browserTestTimeoutMs * 2,
  );

  it(
    'keeps the DOM to the rows in view with 10,000 teams and scrolls to the last team',
    async () => {
      const { page, errors } = await env.open({ width: 1440, height: 900 });
      await env.signIn(page, { path: '/teams' });
      const levels = ['junior', 'mid', 'senior', 'principal'];
      const csv = `employee_id,team,level,hire_date,manager_id\n${Array.from(
        { length: 20_000 },
        (_, i) =>
          `E${i},Team ${String(Math.floor(i / 2)).padStart(5, '0')},${levels[i % 4]},2022-05-02,${i ? 'E0' : ''}`,
      ).join('\n')}\n`;
      await page.evaluate(async (body) => {
        const csrf = document.cookie.match(/(?:^|; )rl_csrf=([^;]*)/)?.[1] ?? '';
        const response = await fetch('/api/v1/orgs/demo/roster/import', {
          method: 'POST',
          headers: { 'content-type': 'text/csv', 'x-csrf-token': decodeURIComponent(csrf) },
          body,
        });
        if (!response.ok) throw new Error(`import answered ${response.status}: ${await response.text()}`);
      }, csv);
      await page.goto(`${env.server.url}/teams`);
      const table = page.locator('table.headcount');
      await table.waitFor();
      const total = Number(await table.getAttribute('aria-rowcount')) - 1;
      expect(total).toBeGreaterThanOrEqual(10_000);
      const rows = table.locator('tbody tr[aria-rowindex]');
      await page.waitForFunction(() => document.querySelectorAll('table.headcount tbody tr').length > 0);
      const atTop = await rows.count();
      expect(atTop).toBeGreaterThan(5);
      expect(atTop).toBeLessThan(80);
      await page.screenshot({ path: 'test-results/teams-10k-top.png' });

      const scroller = page.getByRole('region', { name: 'Headcount table' });
      const frames: number[] = [];
      for (const fraction of [0.25, 0.5, 0.75, 1]) {
        const started = Date.now();
        await scroller.evaluate((el, f) => {
          el.scrollTop = (el.scrollHeight - el.clientHeight) * f;
        }, fraction);
        await page.evaluate(() => new Promise(requestAnimationFrame));
        await page.evaluate(() => new Promise(requestAnimationFrame));
        frames.push(Date.now() - started);
        expect(await rows.count()).toBeLessThan(80);
      }
      const lastTeam = await table.locator('tbody tr[aria-rowindex] th').last().textContent();
      const lastIndex = Number(await rows.last().getAttribute('aria-rowindex'));
      expect(lastIndex).toBe(total + 1);
      expect(lastTeam).toBeTruthy();
      await expect.poll(() => table.getByText(lastTeam!, { exact: true }).isVisible()).toBe(true);
      console.log(
        `10,000-team headcount table: ${atTop} rows in the DOM at the top, jumps to 25/50/75/100% drawn in ${frames.join(', ')} ms`,
      );
      await page.screenshot({ path: 'test-results/teams-10k-bottom.png' });
      expect(errors).toEqual([]);
    },
    browserTestTimeoutMs * 2,
  );
});
