import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { Band } from '../../shared';
import { seriousViolations } from '../helpers/axe';
import { dayMonthYear } from '../helpers/day-month-year';
import { browserTestTimeoutMs, describeInBrowser, walkForecastRuns } from '../helpers/planner-browser';

interface StoredRun {
  forecast: {
    weeks: string[];
    org: { metrics: { backlog: Band } };
    teams: { name: string; metrics: { burnoutRisk: Band } }[];
  };
}
interface Version {
  id: string;
  scenario: { events: { date: string; type: string }[] };
}

/** The run the Dashboard's stored figures come from, as read-outs and tables name it. */
const storedRun = `${walkForecastRuns}-run server forecast`;

/** "Fraud, week of 4 Jan 2027: burnout risk P50 62 (P10 48 to P90 75; 100-run server forecast), index 0-100" in parts. */
const readoutPattern = new RegExp(
  `^(.+), week of (\\d{1,2} \\w{3} \\d{4}): burnout risk P50 (\\d+) \\(P10 (\\d+) to P90 (\\d+); ${storedRun}\\), index 0-100$`,
);

/**
 * Page script: numbers each engine worker the page starts and logs its messages in arrival order
 * as "<worker> <type>" ("result-bands" for a Monte Carlo job's bands) in `window.workerLog`.
 */
function workerLog() {
  const log: string[] = [];
  const mc = new Set<number>();
  (window as unknown as { workerLog: string[] }).workerLog = log;
  let count = 0;
  const Original = window.Worker;
  window.Worker = class extends Original {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      const n = count++;
      this.addEventListener('message', (event: MessageEvent<{ type: string; job: number }>) => {
        const { type, job } = event.data;
        if (type === 'progress') mc.add(job);
        log.push(`${n} ${type === 'result' && mc.has(job) ? 'result-bands' : type}`);
      });
    }
  };
}

describeInBrowser('Dashboard charts in Chromium', (env) => {
  const plan = async (page: Page) => {
    const list = await env.api<{ items: { id: string; name: string; planOfRecord: boolean }[] }>(
      page,
      'GET',
      '/orgs/demo/scenarios',
    );
    const found = list.items.find((s) => s.planOfRecord);
    if (!found) throw new Error('the demo org has no plan of record');
    return { ...found, others: list.items.filter((s) => !s.planOfRecord) };
  };
  const markedEvents = (page: Page, chart: string) =>
    page
      .getByRole('list', { name: `Events marked on ${chart}`, exact: true })
      .first()
      .locator('li')
      .evaluateAll((items) =>
        items.map((item) => ({
          date: item.querySelector('time')?.getAttribute('datetime'),
          text: (item.textContent ?? '').trim(),
        })),
      );

  it(
    "marks the plan's events on the Dashboard charts, as the editor and Compare do; a viewer's Compare runs its previews side by side and lists team answers",
    async () => {
      const { page, errors } = await env.open({ width: 1440, height: 900 });
      await env.signIn(page);
      const { id, name, others } = await plan(page);
      const version = await env.api<Version>(page, 'GET', `/orgs/demo/scenarios/${id}`);
      const dates = version.scenario.events.map((e) => e.date).sort();
      expect(dates).toHaveLength(3);

      await page
        .getByRole('list', { name: 'Events marked on Org sign-off backlog', exact: true })
        .waitFor({ timeout: 240_000 });
      const dashboard = await markedEvents(page, 'Org sign-off backlog');
      expect(dashboard.map((e) => e.date)).toEqual(dates);
      expect(dashboard.map((e) => e.text.split(': ')[1])).toEqual(['AI adoption', 'Layoff', 'Review policy']);
      expect(await markedEvents(page, 'Severity-2 incidents per week')).toEqual(dashboard);
      await page.screenshot({ path: 'test-results/dashboard-events-1440.png', fullPage: true });

      await page.goto(`${env.server.url}/scenarios/${id}`);
      await page.getByRole('list', { name: 'Events marked on Org sign-off backlog' }).first().waitFor();
      expect(await markedEvents(page, 'Org sign-off backlog')).toEqual(dashboard);

      // A viewer's Compare runs previews in the browser (planners see the stored forecasts).
      const viewer = { email: 'chart-viewer@example.com', password: 'chart-viewer-password-1' };
      await env.api(page, 'POST', '/orgs/demo/users', { ...viewer, name: 'Chart Viewer', role: 'viewer' });
      const { page: viewerPage, errors: viewerErrors } = await env.open({ width: 1440, height: 900 });
      await env.signIn(viewerPage, { as: viewer });
      await viewerPage.addInitScript(workerLog);
      await viewerPage.goto(`${env.server.url}/compare?s=${id}@1,${others[0]!.id}@1`);
      await viewerPage.getByRole('list', { name: 'Events marked on Org sign-off backlog' }).first().waitFor();
      const compare = await markedEvents(viewerPage, 'Org sign-off backlog');
      expect(compare.map((e) => e.date)).toEqual(dates);
      for (const event of compare) expect(event.text).toContain(`: ${name} v1: `);

      await viewerPage.waitForFunction(() =>
        ['0 result-bands', '1 result-bands'].every((entry) =>
          (window as unknown as { workerLog: string[] }).workerLog.includes(entry),
        ),
      );
      const log = await viewerPage.evaluate(() => (window as unknown as { workerLog: string[] }).workerLog);
      const firstProgress = [0, 1].map((worker) => log.indexOf(`${worker} progress`));
      const firstBands = Math.min(log.indexOf('0 result-bands'), log.indexOf('1 result-bands'));
      expect(new Set(log.map((entry) => entry.split(' ')[0]))).toEqual(new Set(['0', '1']));
      for (const at of firstProgress) expect(at).toBeGreaterThanOrEqual(0);
      expect(Math.max(...firstProgress)).toBeLessThan(firstBands);
      const answers = viewerPage.locator('.compare-answers');
      await answers.locator('table.answers').waitFor();
      expect(await answers.locator('table.answers tbody tr').count()).toBe(40);
      expect(await answers.locator('p.muted').first().textContent()).toContain(
        `Source: P50 of ${name} v1: 100-run live preview in this browser.`,
      );
      await viewerPage.screenshot({ path: 'test-results/compare-answers-1440.png', fullPage: true });
      expect(errors).toEqual([]);
      expect(viewerErrors).toEqual([]);
    },
    browserTestTimeoutMs * 2,
  );

  it(
    'reads out the heat map cell under the mouse or the arrow keys: team, week, P50 with P10-P90 of the stored forecast',
    async () => {
      const { page, errors } = await env.open({ width: 1440, height: 900 });
      await env.signIn(page);
      const { id } = await plan(page);
      const run = await env.api<StoredRun>(page, 'POST', `/orgs/demo/scenarios/${id}/forecast`, {});
      const { weeks, teams } = run.forecast;
      const peak = (band: Band) => Math.max(...band.p50);
      const rows = [...teams].sort((a, b) => peak(b.metrics.burnoutRisk) - peak(a.metrics.burnoutRisk));
      const expected = (row: number, week: number) => {
        const risk = rows[row]!.metrics.burnoutRisk;
        return [
          rows[row]!.name,
          Math.round(risk.p50[week]!),
          Math.round(risk.p10[week]!),
          Math.round(risk.p90[week]!),
        ];
      };
      const readout = page.locator('figure.chart', { has: page.locator('.heat-map') }).locator('.readout');
      const parts = async () => {
        const match = readoutPattern.exec(((await readout.textContent()) ?? '').trim());
        if (!match) throw new Error(`no cell read out: ${await readout.textContent()}`);
        return { cell: [match[1], Number(match[3]), Number(match[4]), Number(match[5])], date: match[2] };
      };

      const map = page.getByRole('img', { name: /^Heat map of burnout risk for 40 teams/ });
      await map.waitFor({ timeout: 240_000 });
      await map.focus();
      await page.keyboard.press('ArrowRight');
      expect((await parts()).cell).toEqual(expected(0, 0));
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowRight');
      expect((await parts()).cell).toEqual(expected(1, 1));
      await page.keyboard.press('End');
      const end = await parts();
      expect(end.cell).toEqual(expected(1, weeks.length - 1));
      expect(end.date).toBe(dayMonthYear(weeks.at(-1)!));

      const box = await map.boundingBox();
      if (!box) throw new Error('the heat map is not drawn');
      const rowHeight = Math.min(14, Math.floor(520 / 40));
      const cellWidth = (box.width - 150) / weeks.length;
      await page.mouse.move(box.x + 150 + cellWidth * 5.5, box.y + rowHeight * 2.5);
      expect((await parts()).cell).toEqual(expected(2, 5));
      expect(await page.locator('.heat-cursor').count()).toBe(1);
      await page.screenshot({ path: 'test-results/dashboard-heat-map-hover-1440.png', fullPage: true });
      await page.mouse.move(box.x + 10, box.y - 40);
      await expect.poll(() => readout.textContent()).toMatch(/^Hover the chart/);

      const heatFigure = page.locator('figure.chart', { has: page.locator('.heat-map') });
      await heatFigure.getByRole('button', { name: /^Table of Burnout risk/ }).click();
      const heatHeader = await heatFigure.locator('.chart-data thead th').allTextContents();
      expect(heatHeader.slice(0, 2)).toEqual([`Team (${storedRun})`, `${weeks[0]} P50 burnout (0-100)`]);
      await heatFigure.getByRole('button', { name: /^Hide table/ }).click();
      const reviewersNote = page
        .locator('table.answers thead th', {
          has: page.getByRole('button', { name: 'Reviewers', exact: true }),
        })
        .locator('.th-note');
      expect(await reviewersNote.textContent()).toBe('today → needed at peak, mean path (to add)');

      await page.setViewportSize({ width: 390, height: 844 });
      await map.focus();
      await page.keyboard.press('ArrowRight');
      expect((await parts()).cell).toEqual(expected(0, 0));
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: 'test-results/dashboard-heat-map-390.png', fullPage: true });
      expect(errors).toEqual([]);
    },
    browserTestTimeoutMs * 2,
  );

  it(
    "reads the backlog chart's weekly values by keyboard, shows them as a table and saves them as CSV and PNG",
    async () => {
      const { page, errors } = await env.open({ width: 1440, height: 900 });
      await env.signIn(page);
      const { id, name } = await plan(page);
      const run = await env.api<StoredRun>(page, 'POST', `/orgs/demo/scenarios/${id}/forecast`, {});
      const { weeks } = run.forecast;
      const backlog = run.forecast.org.metrics.backlog;
      const whole = (value: number) => Math.round(value).toLocaleString('en-GB');
      const figure = page.locator('figure.chart', { hasText: 'Org sign-off backlog' }).first();

      const plot = figure.getByRole('img', { name: /^Org sign-off backlog, changes waiting, by week/ });
      await plot.waitFor({ timeout: 240_000 });
      await plot.focus();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      expect((await figure.locator('.readout').textContent())?.trim()).toBe(
        `Week of ${dayMonthYear(weeks[1]!)}: ${name} P50 ${whole(backlog.p50[1]!)} (P10 ${whole(backlog.p10[1]!)} to P90 ${whole(backlog.p90[1]!)}; ${storedRun}) changes waiting`,
      );

      await figure.getByRole('button', { name: 'Table of Org sign-off backlog' }).click();
      const table = figure.getByRole('region', { name: 'Org sign-off backlog: data table' });
      const header = await table.locator('thead th').allTextContents();
      expect(header).toEqual([
        'Week (Monday)',
        `${name} P10 (changes waiting; ${storedRun})`,
        `${name} P50 (changes waiting; ${storedRun})`,
        `${name} P90 (changes waiting; ${storedRun})`,
      ]);
      expect(await table.locator('tbody tr').count()).toBe(weeks.length);
      const first = await table.locator('tbody tr').first().locator('th, td').allTextContents();
      expect(first[0]).toBe(dayMonthYear(weeks[0]!));
      expect(Number(first[2]!.replace(/,/g, ''))).toBeCloseTo(backlog.p50[0]!, 1);

      const [csv] = await Promise.all([
        page.waitForEvent('download'),
        figure.getByRole('button', { name: 'CSV of Org sign-off backlog' }).click(),
      ]);
      expect(csv.suggestedFilename()).toBe('org-sign-off-backlog.csv');
      const lines = (await readFile((await csv.path())!, 'utf8')).trim().split(/\r?\n/);
      expect(lines).toHaveLength(weeks.length + 1);
      for (const column of header) expect(lines[0]).toContain(column);
      expect(lines[1]!.startsWith(`${weeks[0]},`)).toBe(true);

      const [png] = await Promise.all([
        page.waitForEvent('download'),
        figure.getByRole('button', { name: 'PNG of Org sign-off backlog' }).click(),
      ]);
      expect(png.suggestedFilename()).toBe('org-sign-off-backlog.png');
      const bytes = await readFile((await png.path())!);
      expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
      expect(errors).toEqual([]);
    },
    browserTestTimeoutMs * 2,
  );
});
