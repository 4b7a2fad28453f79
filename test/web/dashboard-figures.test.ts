import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { Band } from '../../shared';
import { dayMonthYear } from '../helpers/day-month-year';
import { planOfRecordRun } from '../helpers/plan-of-record';
import { browserTestTimeoutMs, describeInBrowser, walkForecastRuns } from '../helpers/planner-browser';

interface StoredRun {
  version: number;
  forecast: { weeks: string[]; org: { metrics: { backlog: Band; burnoutRisk: Band } } };
}

/** "2027-11-22" as "Nov 2027" (month and year, stated here independently of the app). */
const monthYear = (iso: string) => dayMonthYear(iso).split(' ').slice(1).join(' ');
/** A figure with at most one decimal, as "20.4" or "40" (en-GB). */
const oneDecimal = (value: number) => String(Math.round(value * 10) / 10);
/** A whole number with thousands separators, as the chart read-out prints values of 0 decimals. */
const whole = (value: number) => Math.round(value).toLocaleString('en-GB');

describeInBrowser("Dashboard figures in Chromium: read on the plan of record's stored forecast", (env) => {
  /** The plan of record, its stored run (as the Dashboard shows it), and the Dashboard with that run in. */
  const openDashboard = async (page: Page) => {
    await env.signIn(page, { path: '/scenarios' });
    const { plan, run } = await planOfRecordRun<StoredRun>(env, page);
    await page.goto(`${env.server.url}/`);
    const source = `P50, ${walkForecastRuns}-run server forecast of version ${run.version}`;
    await page.getByTestId('figures-source').filter({ hasText: source }).waitFor({ timeout: 240_000 });
    return { plan, run, source };
  };

  it(
    "names the organisation's peak burnout with its percentile and run on the Dashboard, and Reports gives the same figure, percentile and week",
    async () => {
      const { page, errors } = await env.open({ width: 1440, height: 900 });
      const { run } = await openDashboard(page);
      const p50 = run.forecast.org.metrics.burnoutRisk.p50;
      const peak = Math.max(...p50);
      const peakWeek = run.forecast.weeks[p50.indexOf(peak)]!;

      const figure = page.getByTestId('peak-burnout');
      expect(await figure.locator('.figure-label').textContent()).toBe('Peak burnout (organisation, P50)');
      expect(await figure.locator('.figure-value').textContent()).toBe(oneDecimal(peak));
      expect(await figure.locator('.figure-note').textContent()).toBe(
        `index 0-100 · week of ${dayMonthYear(peakWeek)}`,
      );
      await page.screenshot({ path: 'test-results/dashboard-peak-burnout-1440.png' });

      const report = await env.api<{ org: { peakBurnoutP50: number; peakBurnoutWeek: string } }>(
        page,
        'GET',
        '/orgs/demo/reports/capacity?format=json',
      );
      expect(report.org.peakBurnoutP50).toBeCloseTo(peak, 9);
      expect(report.org.peakBurnoutWeek).toBe(peakWeek);

      await page.getByRole('link', { name: 'Reports' }).click();
      const line = page.getByTestId('org-peak-burnout');
      await line.waitFor({ timeout: 240_000 });
      expect((await line.textContent())?.replace(/\s+/g, ' ').trim()).toBe(
        `Peak burnout (organisation, P50): ${oneDecimal(peak)} in the week of ${dayMonthYear(peakWeek)} (index 0-100; ${walkForecastRuns}-run server forecast, version ${run.version})`,
      );
      await page.screenshot({ path: 'test-results/reports-peak-burnout-1440.png' });
      expect(errors).toEqual([]);
    },
    browserTestTimeoutMs * 2,
  );

  it(
    "reads out the backlog chart's week under the real mouse: its date and P50 with P10-P90 of the stored forecast",
    async () => {
      const { page, errors } = await env.open({ width: 1440, height: 900 });
      const { plan, run } = await openDashboard(page);
      const { weeks } = run.forecast;
      const backlog = run.forecast.org.metrics.backlog;
      const figure = page.locator('figure.chart', { hasText: 'Org sign-off backlog' }).first();
      const over = figure.locator('.u-over');
      await over.waitFor();
      const box = (await over.boundingBox())!;
      const seconds = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
      const span = seconds(weeks.at(-1)!) - seconds(weeks[0]!);
      const weekWidth = (box.width * 7 * 86_400_000) / span;
      const readoutOf = (week: number) =>
        `Week of ${dayMonthYear(weeks[week]!)}: ${plan.name} P50 ${whole(backlog.p50[week]!)} (P10 ${whole(backlog.p10[week]!)} to P90 ${whole(backlog.p90[week]!)}; ${walkForecastRuns}-run server forecast) changes waiting`;
      for (const week of [10, weeks.length - 2]) {
        const x = box.x + (box.width * (seconds(weeks[week]!) - seconds(weeks[0]!))) / span;
        // Either side of the week's point, 40% of a week away: the nearest week is read out.
        for (const offset of [-0.4, 0.4]) {
          await page.mouse.move(x + offset * weekWidth, box.y + box.height / 2, { steps: 4 });
          await expect.poll(() => figure.locator('.readout').textContent()).toBe(readoutOf(week));
        }
      }
      await page.screenshot({ path: 'test-results/dashboard-backlog-hover-1440.png' });
      await page.mouse.move(box.x + box.width / 2, box.y - 60);
      await expect.poll(() => figure.locator('.readout').textContent()).toMatch(/^Hover the chart/);
      expect(errors).toEqual([]);
    },
    browserTestTimeoutMs * 2,
  );

  it(
    "labels the heat map's weeks with month and year up to the last month of the forecast, as the charts' axis, inside the map at 1440 and 390 px",
    async () => {
      const { page, errors } = await env.open({ width: 1440, height: 900 });
      const { run } = await openDashboard(page);
      const { weeks } = run.forecast;
      for (const width of [1440, 390]) {
        await page.setViewportSize({ width, height: 900 });
        const map = page.locator('.heat-map');
        const labels = async () =>
          map.locator('.heat-axis span').evaluateAll((spans) =>
            spans.map((span) => {
              const box = span.getBoundingClientRect();
              return { text: span.textContent, week: span.dataset.week, left: box.left, right: box.right };
            }),
          );
        await expect.poll(async () => (await labels()).at(-1)?.text).toBe(monthYear(weeks.at(-1)!));
        const drawn = await labels();
        const mapBox = (await map.boundingBox())!;
        expect(drawn.length).toBeGreaterThanOrEqual(3);
        drawn.forEach((label, i) => {
          expect(weeks).toContain(label.week);
          expect(label.text).toBe(monthYear(label.week!));
          expect(Number(label.week!.slice(8))).toBeLessThanOrEqual(7);
          expect(label.left).toBeGreaterThanOrEqual(mapBox.x);
          expect(label.right).toBeLessThanOrEqual(mapBox.x + mapBox.width + 0.5);
          if (i > 0) expect(label.left).toBeGreaterThan(drawn[i - 1]!.right);
        });
        await map.screenshot({ path: `test-results/dashboard-heat-map-axis-${width}.png` });
      }
      expect(errors).toEqual([]);
    },
    browserTestTimeoutMs * 2,
  );
});
