import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { browserTestTimeoutMs, describeInBrowser } from '../helpers/planner-browser';

/** What the editor's forecast says at one moment: the headline's source and labels, the run status. */
interface Shown {
  source: string | null;
  labels: string[];
  /** The progress bar's value and maximum, while Monte Carlo runs. */
  bar: { value: number; max: number } | null;
  runsDone: string | null;
  bandsShown: string | null;
  /** The scenario's entry in each fan chart's legend, then the charts' titles. */
  charts: string[];
  /** Each chart's caption line naming what it shows and from which run. */
  runs: string[];
  /** The page's width (CSS px): more than the viewport scrolls sideways. */
  pageWidth: number;
}

/**
 * Page script: records in `window.shown` every distinct state of the editor's forecast panel, read
 * after each change of the page (a MutationObserver runs once the change is rendered, so a state
 * is what one frame shows).
 */
function recordShown() {
  const shown: Shown[] = [];
  (window as unknown as { shown: Shown[] }).shown = shown;
  let last = '';
  const text = (root: Element, selector: string) =>
    root.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
  const read = () => {
    const root = document.querySelector('.editor-forecast');
    if (!root) return;
    const bar = root.querySelector<HTMLProgressElement>('#mc-progress');
    const state: Shown = {
      source: text(root, '[data-testid=figures-source]'),
      labels: [...root.querySelectorAll('.headline .figure-label')].map((label) => label.textContent ?? ''),
      bar: bar ? { value: bar.value, max: bar.max } : null,
      runsDone: text(root, '[data-testid=runs-done]'),
      bandsShown: text(root, '[data-testid=bands-shown]'),
      charts: [
        ...[...root.querySelectorAll('ul.legend li:last-child')].map((item) => item.textContent ?? ''),
        ...[...root.querySelectorAll('.chart-title')].map((title) => title.textContent ?? ''),
      ],
      runs: [...root.querySelectorAll('.chart-run')].map((run) => run.textContent ?? ''),
      pageWidth: document.documentElement.scrollWidth,
    };
    const key = JSON.stringify(state);
    if (key !== last) shown.push(state);
    last = key;
  };
  new MutationObserver(read).observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
  });
}

/** Opens a new scenario (the live preview: mean path, then 100-run bands) and returns every state shown until all runs are in. */
async function newScenarioStates(page: Page, url: string): Promise<Shown[]> {
  await page.addInitScript(recordShown);
  await page.goto(`${url}/scenarios/new`);
  await page.getByText(/P10-P90 bands from 100 Monte Carlo runs/).waitFor({ timeout: 240_000 });
  return page.evaluate(() => (window as unknown as { shown: Shown[] }).shown);
}

describeInBrowser("The editor's live preview in Chromium says what its figures are read on", (env) => {
  it(
    "labels the headline figures, chart legends and heat map 'mean path' while the preview has no bands, and P50 once they arrive, each chart naming the run it shows",
    async () => {
      const { page, errors } = await env.open({ width: 1440, height: 900 });
      await env.signIn(page, { path: '/scenarios' });
      const states = (await newScenarioStates(page, env.server.url)).filter((s) => s.labels.length > 0);
      const labels = (reading: string) => [
        `First breach (earliest team, ${reading})`,
        `Teams at risk (${reading})`,
        `Peak burnout (organisation, ${reading})`,
        'Reviewers needed vs today',
        `Org totals: first breach by metric (${reading})`,
      ];
      const meanPath = states.filter((s) => s.source?.startsWith('Live preview: mean path'));
      const banded = states.filter((s) => s.source?.startsWith('Live preview: P50 of'));
      expect(meanPath.length).toBeGreaterThan(0);
      expect(banded.length).toBeGreaterThan(0);
      expect(meanPath.length + banded.length).toBe(states.length);
      const charts = (reading: string, line: string) => [
        `New scenario: ${line}`,
        `New scenario: ${line}`,
        'Org sign-off backlog',
        'Severity-2 incidents per week',
        `Burnout risk by team and week (${reading}, index 0-100; teams sorted by peak risk)`,
      ];
      for (const state of meanPath) {
        expect(state.labels).toEqual(labels('mean path'));
        if (state.charts.length === 0) continue;
        expect(state.charts).toEqual(charts('mean path', 'mean path of the live preview (bands follow)'));
        expect(state.runs).toEqual([
          'mean path of the live preview',
          'mean path of the live preview',
          'mean path of the live preview',
        ]);
      }
      for (const state of banded) {
        expect(state.labels).toEqual(labels('P50'));
        if (state.charts.length === 0) continue;
        // The run the headline reads ("P50 of the first 10 of 100 Monte Carlo runs") is the one the charts name.
        const first = /P50 of the first (\d+) of 100 Monte Carlo runs/.exec(state.source ?? '')?.[1];
        const run = first ? `live preview, first ${first} of 100 runs` : 'live preview, 100 runs';
        expect(state.charts).toEqual(charts('P50', `P50 line, P10-P90 band of the ${run}`));
        expect(state.runs).toEqual([
          `P50 and P10-P90 band of the ${run}`,
          `P50 and P10-P90 band of the ${run}`,
          `P50 of the ${run}`,
        ]);
      }
      expect(meanPath.some((state) => state.charts.length > 0)).toBe(true);
      await page.screenshot({ path: 'test-results/editor-new-banded-1440.png' });
      expect(errors).toEqual([]);
    },
    browserTestTimeoutMs * 2,
  );

  it(
    "shows the same count of Monte Carlo runs done on the progress bar and in its text, and bands from no more runs than are done, within a 390 px phone's width",
    async () => {
      const { page, errors } = await env.open({ width: 390, height: 844 });
      await env.signIn(page, { path: '/scenarios' });
      const running = (await newScenarioStates(page, env.server.url)).filter((s) => s.bar !== null);
      expect(running.length).toBeGreaterThan(1);
      for (const state of running) {
        expect(state.bar!.max).toBe(100);
        expect(state.runsDone).toBe(`${state.bar!.value} of 100 done`);
        expect(state.pageWidth).toBeLessThanOrEqual(390);
        const partial = /first (\d+) of 100 runs/.exec(state.bandsShown ?? '');
        if (partial) expect(Number(partial[1])).toBeLessThanOrEqual(state.bar!.value);
        else expect(state.bandsShown).toBe('charts: mean path until the first bands');
      }
      expect(running.some((s) => /first \d+ of 100 runs/.test(s.bandsShown ?? ''))).toBe(true);
      expect(errors).toEqual([]);
    },
    browserTestTimeoutMs * 2,
  );
});
