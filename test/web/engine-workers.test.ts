import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { expectLeavingStopsWork, expectProgressiveBands } from '../helpers/monte-carlo-checks';
import { browserTestTimeoutMs, describeInBrowser } from '../helpers/planner-browser';

/** What the page script records of the engine workers. */
interface WorkerLog {
  /** Workers the page started, by script. */
  started: string[];
  /** Messages from the lead, in arrival order: type, job, runs done. */
  messages: { type: string; job: number; done?: number }[];
  /** Each Monte Carlo job's final bands as the lead sent them (packed; typed arrays as plain arrays), as JSON. */
  results: string[];
  /** Each mean-path job's forecast as its lead sent it (packed, as JSON), in arrival order. */
  means: string[];
}

/**
 * Page script: reports `cores` as navigator.hardwareConcurrency (so the page starts cores - 1
 * Monte Carlo workers and cores - 1 mean-path workers) and records in `window.workerLog` the workers started and the lead's messages.
 */
function recordWorkers(cores: number) {
  Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => cores });
  const log: WorkerLog = { started: [], messages: [], results: [], means: [] };
  (window as unknown as { workerLog: WorkerLog }).workerLog = log;
  const monteCarloJobs = new Set<number>();
  const Original = window.Worker;
  window.Worker = class extends Original {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      log.started.push(String(url));
      this.addEventListener('message', (event: MessageEvent) => {
        const { type, job, done, packed } = event.data ?? {};
        if (type === undefined) return;
        log.messages.push({ type, job, done });
        if (type === 'progress') monteCarloJobs.add(job);
        if (type !== 'result') return;
        const json = JSON.stringify(packed, (_key, v) =>
          ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v,
        );
        (monteCarloJobs.has(job) ? log.results : log.means).push(json);
      });
    }
  };
}

const readLog = (page: Page) =>
  page.evaluate(() => (window as unknown as { workerLog: WorkerLog }).workerLog);
/**
 * Monte Carlo ranges each of the page's live workers has timed (slices in the lead, ranges in
 * helpers), by script; a worker ended meanwhile (a cancel ends the Monte Carlo workers) is left out.
 */
const timedRanges = async (page: Page) =>
  (
    await Promise.all(
      page.workers().map(async (worker) => ({
        script: worker.url().includes('run-helper') ? 'helper' : 'engine',
        ranges: await worker
          .evaluate(
            () =>
              performance.getEntriesByName('monte-carlo-slice').length +
              performance.getEntriesByName('monte-carlo-range').length,
          )
          .catch(() => -1),
      })),
    )
  ).filter((worker) => worker.ranges >= 0);
/** Monte Carlo ranges the page's live workers have timed, all together. */
const allTimedRanges = async (page: Page) =>
  (await timedRanges(page)).reduce((sum, worker) => sum + worker.ranges, 0);

describeInBrowser('Monte Carlo on every core in Chromium', (env) => {
  /** Opens a new scenario on a page that reports `cores` cores and waits for the bands of all 100 runs. */
  const bandsWith = async (cores: number) => {
    const { page, errors } = await env.open({ width: 1440, height: 900 });
    await page.addInitScript(recordWorkers, cores);
    await env.signIn(page, { path: '/scenarios/new' });
    await page.getByText(/P10-P90 bands from 100 Monte Carlo runs/).waitFor();
    return { page, errors, log: await readLog(page) };
  };

  it(
    'splits a forecast over cores - 1 workers and gives the same bands as one worker, progressively',
    async () => {
      // Engine workers: for mean paths and for Monte Carlo each a lead with cores - 2 helpers.
      const one = await bandsWith(2);
      expect(one.log.started.filter((url) => url.includes('engine.worker'))).toHaveLength(2);
      expect(one.log.started.filter((url) => url.includes('run-helper.worker'))).toHaveLength(0);
      const three = await bandsWith(4);
      expect(three.log.started.filter((url) => url.includes('engine.worker'))).toHaveLength(2);
      expect(three.log.started.filter((url) => url.includes('run-helper.worker'))).toHaveLength(2 + 2);
      expect(three.log.results).toHaveLength(1);
      expect(three.log.results[0]).toBe(one.log.results[0]);
      // The lead and both helpers computed some of the runs.
      const ranges = (await timedRanges(three.page)).filter((worker) => worker.ranges > 0);
      expect(ranges.map((worker) => worker.script).sort()).toEqual(['engine', 'helper', 'helper']);
      // Bands came first from the first tenth of the runs, then refined, with progress in order.
      const { messages } = three.log;
      const job = messages.find((m) => m.type === 'bands')!.job;
      const ofJob = messages.filter((m) => m.job === job);
      expectProgressiveBands(ofJob);
      expect([...one.errors, ...three.errors]).toEqual([]);
    },
    browserTestTimeoutMs * 3,
  );

  it(
    "splits a mean path's teams over cores - 1 workers and gives the same forecast as one worker",
    async () => {
      /** Every mean path of a new scenario, then of one lever move, on a page that reports `cores` cores. */
      const meansWith = async (cores: number) => {
        const { page, errors } = await env.open({ width: 1440, height: 900 });
        await page.addInitScript(recordWorkers, cores);
        await env.signIn(page, { path: '/scenarios/new' });
        await page.getByText(/P10-P90 bands from 100 Monte Carlo runs/).waitFor();
        const before = (await readLog(page)).means.length;
        await page.focus('#lever-layoff');
        await page.keyboard.press('ArrowRight');
        await page.waitForFunction(
          (n) => (window as unknown as { workerLog: WorkerLog }).workerLog.means.length > n,
          before,
        );
        return { page, errors, log: await readLog(page) };
      };
      const one = await meansWith(1);
      expect(one.log.started).toHaveLength(2);
      const three = await meansWith(4);
      // The starting point's and the scenario's mean paths, then the moved lever's.
      expect(one.log.means.length).toBeGreaterThanOrEqual(3);
      expect(three.log.means).toEqual(one.log.means);
      // The mean lead's helpers computed ranges of teams, so the split is real (a range the lead got
      // to first, computing its teams itself, is dropped: at most one a mean path; a helper still
      // starting can lose every race, as one did in a CI run, so one helper computing is enough).
      const ranges = await Promise.all(
        three.page
          .workers()
          .map((worker) => worker.evaluate(() => performance.getEntriesByName('mean-range').length)),
      );
      const helped = ranges.filter((count) => count > 0);
      expect(helped.length).toBeGreaterThanOrEqual(1);
      for (const count of helped) expect(count).toBeLessThanOrEqual(three.log.means.length);
      expect([...one.errors, ...three.errors]).toEqual([]);
    },
    browserTestTimeoutMs * 3,
  );

  it(
    'keeps the same Monte Carlo workers when slider moves cancel jobs mid-run: none idle beside them',
    async () => {
      const { page, errors } = await env.open({ width: 1440, height: 900 });
      await page.addInitScript(recordWorkers, 4);
      await env.signIn(page, { path: '/scenarios/new' });
      for (let move = 0; move < 2; move++) {
        await page.getByText(/bands from the first \d+ of 100 runs, refining/).waitFor();
        await page.focus('#lever-layoff');
        await page.keyboard.press('ArrowRight');
      }
      await page.getByText(/P10-P90 bands from 100 Monte Carlo runs/).waitFor();
      const { started, messages } = await readLog(page);
      // 3 workers for mean paths and 3 for Monte Carlo (a lead and 2 helpers each), started once:
      // two cancelled jobs and the one after them all ran on them.
      expect(started.filter((url) => url.includes('engine.worker'))).toHaveLength(2);
      expect(started.filter((url) => url.includes('run-helper.worker'))).toHaveLength(2 + 2);
      const monteCarloJobs = new Set(messages.filter((m) => m.type === 'progress').map((m) => m.job));
      expect(monteCarloJobs.size).toBe(3);
      expect(page.workers()).toHaveLength(3 + 3);
      expect(errors).toEqual([]);
    },
    browserTestTimeoutMs * 2,
  );

  it(
    'stops the lead and every helper when a slider moves or the page is left mid-run',
    async () => {
      const { page, errors } = await env.open({ width: 1440, height: 900 });
      await page.addInitScript(recordWorkers, 4);
      await env.signIn(page, { path: '/scenarios/new' });
      await page.getByText(/bands from the first \d+ of 100 runs, refining/).waitFor();
      const running = (await readLog(page)).messages.at(-1)!.job;
      await page.focus('#lever-layoff');
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction(
        (old) =>
          (window as unknown as { workerLog: WorkerLog }).workerLog.messages.some(
            (m) => m.type === 'progress' && m.job > old,
          ),
        running,
      );
      const moved = (await readLog(page)).messages;
      const cutAt = moved.findIndex((m) => m.type === 'progress' && m.job > running);
      // At most messages already posted when the cancel arrived may follow it.
      expect(moved.slice(cutAt).filter((m) => m.job === running).length).toBeLessThanOrEqual(2);
      expect(moved.some((m) => m.job === running && m.type === 'result')).toBe(false);

      await expectLeavingStopsWork(page, () => allTimedRanges(page));
      expect(errors).toEqual([]);
    },
    browserTestTimeoutMs * 2,
  );
});
