import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { answerRows, expectedAnswerRows, type ServerAnswer } from '../helpers/answer-rows';
import { dayMonthYear } from '../helpers/day-month-year';
import { browserTestTimeoutMs, describeInBrowser, walkForecastRuns } from '../helpers/planner-browser';

type BreachMetric = 'serviceLevel' | 'p90WaitHours' | 'backlogWeeks' | 'utilization' | 'burnoutRisk';
interface StoredRun {
  version: number;
  options: { runs: number };
  summary: {
    firstBreaches: Record<BreachMetric, { week: number; date: string } | null>;
    teamsAtRisk: { firstBreach: { date: string } }[];
    reviewersNeeded: { reviewersNeeded: number }[];
    reviewersToday: number;
  };
  forecast: { weeks: string[]; teams: unknown[] };
}

/** The metric names the Dashboard and Compare print, in the order they list them. */
const metricNames: [BreachMetric, string][] = [
  ['serviceLevel', 'Service level'],
  ['p90WaitHours', 'P90 wait'],
  ['backlogWeeks', 'Backlog'],
  ['utilization', 'Utilisation'],
  ['burnoutRisk', 'Burnout risk'],
];

/** The Compare table as row header -> the cells of the compared versions, in order. */
const compareTable = (page: Page) =>
  page
    .getByRole('table', { name: 'Key differences' })
    .evaluate((table) =>
      Object.fromEntries(
        [...table.querySelectorAll('tbody tr')].map((row) => [
          row.querySelector('th')?.textContent?.trim() ?? '',
          [...row.querySelectorAll('td')].map((cell) => cell.textContent?.trim() ?? ''),
        ]),
      ),
    );

/**
 * Page script: the RGB of every pixel of a chart's plot area (uPlot's `.u-over` box) as rows of
 * [r, g, b] from the canvas the chart drew on.
 */
const plotPixels = (page: Page, title: string) =>
  page.getByRole('img', { name: new RegExp(`^${title},`) }).evaluate((host) => {
    const canvas = host.querySelector('canvas')!;
    const over = host.querySelector<HTMLElement>('.u-over')!;
    const scale = canvas.width / canvas.getBoundingClientRect().width;
    const box = over.getBoundingClientRect();
    const origin = canvas.getBoundingClientRect();
    const x0 = Math.round((box.left - origin.left) * scale);
    const y0 = Math.round((box.top - origin.top) * scale);
    const width = Math.round(box.width * scale);
    const height = Math.round(box.height * scale);
    const data = canvas.getContext('2d')!.getImageData(x0, y0, width, height).data;
    const rows: number[][][] = [];
    for (let y = 0; y < height; y++) {
      const row: number[][] = [];
      for (let x = 0; x < width; x++) {
        const at = (y * width + x) * 4;
        row.push([data[at]!, data[at + 1]!, data[at + 2]!]);
      }
      rows.push(row);
    }
    return rows;
  });

describeInBrowser('Compare from the stored forecast in Chromium', (env) => {
  const scenarios = async (page: Page) => {
    const list = await env.api<{ items: { id: string; name: string; planOfRecord: boolean }[] }>(
      page,
      'GET',
      '/orgs/demo/scenarios',
    );
    const plan = list.items.find((s) => s.planOfRecord);
    const other = list.items.find((s) => !s.planOfRecord);
    if (!plan || !other) throw new Error('the demo org needs a plan of record and another scenario');
    return { plan, other };
  };

  it(
    "Compare shows a saved scenario's stored server forecast, with the Dashboard's figures; a labelled browser preview only while it computes",
    async () => {
      const { page, errors } = await env.open({ width: 1440, height: 900 });
      await env.signIn(page);
      const { plan, other } = await scenarios(page);
      const run = await env.api<StoredRun>(page, 'POST', `/orgs/demo/scenarios/${plan.id}/forecast`, {});
      expect(run.options.runs).toBe(walkForecastRuns);
      const first = run.summary.teamsAtRisk.map((team) => team.firstBreach.date).sort()[0]!;
      const week = run.forecast.weeks.indexOf(first);
      const atRisk = `${run.summary.teamsAtRisk.length} of ${run.forecast.teams.length}`;
      const needed = Math.round(run.summary.reviewersNeeded.reduce((sum, t) => sum + t.reviewersNeeded, 0));
      const reviewers = `${needed} vs ${Math.round(run.summary.reviewersToday)}`;
      const orgBreach = (metric: BreachMetric) => {
        const breach = run.summary.firstBreaches[metric];
        return breach ? { week: breach.week, date: dayMonthYear(breach.date) } : null;
      };

      await page
        .getByText(`Source: stored ${walkForecastRuns}-run server forecast.`)
        .waitFor({ timeout: 240_000 });
      const dashboard = await page.evaluate(() => {
        const text = (selector: string) => document.querySelector(selector)?.textContent?.trim() ?? '';
        return {
          breach: text('[data-testid=first-breach] .figure-value'),
          breachDate: text('[data-testid=first-breach] .figure-note'),
          atRisk: text('[data-testid=teams-at-risk] .figure-value'),
          reviewers: text('[data-testid=reviewers] .figure-value').replace(/\s+/g, ' '),
          orgBreaches: [...document.querySelectorAll('[data-testid=org-breaches] li')].map((li) =>
            (li.textContent ?? '').trim(),
          ),
        };
      });
      expect(dashboard.breach).toBe(`${week} ${week === 1 ? 'week' : 'weeks'}`);
      expect(dashboard.breachDate.split(' · ')[0]).toBe(dayMonthYear(first));
      expect(dashboard.atRisk).toBe(atRisk);
      expect(dashboard.reviewers).toBe(reviewers);
      expect(dashboard.orgBreaches).toEqual(
        metricNames.map(([metric, name]) => {
          const breach = orgBreach(metric);
          return `${name}: ${breach ? `week ${breach.week} (${breach.date})` : 'holds'}`;
        }),
      );

      // Hold the forecast requests back: until they answer, Compare shows the labelled preview.
      let release!: () => void;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      await page.route('**/api/v1/orgs/demo/scenarios/*/forecast', async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(`${env.server.url}/compare?s=${plan.id}@${run.version},${other.id}@1`);
      const status = page.getByTestId('compare-source');
      await status.filter({ hasText: 'Live preview in this browser' }).waitFor({ timeout: 120_000 });
      expect(await status.textContent()).toContain('2 of 2 stored forecasts still computing');
      const preview = await compareTable(page);
      expect(preview.Source).toEqual([
        '100-run live preview in this browser (stored forecast computing)',
        '100-run live preview in this browser (stored forecast computing)',
      ]);
      await page.screenshot({ path: 'test-results/compare-preview-1440.png', fullPage: true });

      release();
      await status
        .filter({
          hasText: `each version's stored ${walkForecastRuns}-run server forecast (as on the Dashboard)`,
        })
        .waitFor({ timeout: 240_000 });
      const stored = await compareTable(page);
      expect(stored.Source).toEqual([
        `${walkForecastRuns}-run server forecast`,
        `${walkForecastRuns}-run server forecast`,
      ]);
      expect(stored['First breach (any team)']![0]).toBe(`week ${week} · ${dayMonthYear(first)}`);
      expect(stored['Teams at risk']![0]).toBe(atRisk);
      expect(stored['Reviewers needed vs today (mean path)']![0]).toBe(reviewers);
      for (const [metric, name] of metricNames) {
        const breach = orgBreach(metric);
        expect(stored[`Org breach: ${name}`]![0]).toBe(
          breach ? `week ${breach.week} · ${breach.date}` : 'holds',
        );
      }
      const answers = page.locator('.compare-answers');
      await answers.locator('table.answers').waitFor();
      expect(await answers.locator('p.muted').first().textContent()).toContain(
        `Source: P50 of ${plan.name} v${run.version}: ${walkForecastRuns}-run server forecast.`,
      );
      await page.screenshot({ path: 'test-results/compare-stored-1440.png', fullPage: true });
      expect(errors).toEqual([]);
    },
    browserTestTimeoutMs * 2,
  );

  it(
    "hatches overlapping bands in Compare: where two versions' bands overlap, both hatch colours stay apart instead of mixing into one",
    async () => {
      const { page, errors } = await env.open({ width: 1440, height: 900 });
      await env.signIn(page);
      const { plan } = await scenarios(page);
      // The same version twice: its two bands overlap everywhere.
      const version = await env.api<{ version: number }>(page, 'GET', `/orgs/demo/scenarios/${plan.id}`);
      await page.goto(
        `${env.server.url}/compare?s=${plan.id}@${version.version},${plan.id}@${version.version}`,
      );
      await page
        .getByTestId('compare-source')
        .filter({ hasText: `stored ${walkForecastRuns}-run server forecast` })
        .waitFor({ timeout: 240_000 });
      const title = 'Org sign-off backlog';
      const swatches = await page
        .getByRole('list', { name: `${title} legend`, exact: true })
        .locator('.swatch')
        .evaluateAll((items) => items.map((item) => getComputedStyle(item).backgroundImage));
      // Blue (0, 114, 178) hatched at 135deg, vermillion (213, 94, 0) at 225deg: two directions.
      expect(swatches[0]).toMatch(/^repeating-linear-gradient\(135deg, rgba\(0, 114, 178/);
      expect(swatches[1]).toMatch(/^repeating-linear-gradient\(225deg, rgba\(213, 94, 0/);

      const rows = await plotPixels(page, title);
      const width = rows[0]!.length;
      // The middle half of the plot's width: every tinted pixel there lies in the shared band or on its lines.
      const blue: number[] = [];
      const vermillion: number[] = [];
      let tinted = 0;
      for (const row of rows)
        for (let x = Math.floor(width / 4); x < Math.floor((3 * width) / 4); x++) {
          const [r, g, b] = row[x]!;
          if (Math.max(r!, g!, b!) - Math.min(r!, g!, b!) < 12) continue;
          tinted++;
          if (b! - r! > 40) blue.push(x);
          if (r! - b! > 40) vermillion.push(x);
        }
      // A flat 18% blue then 18% vermillion over white blends to about rgb(210, 206, 198): neither
      // hue dominates anywhere. Hatched, the blue strokes and the vermillion strokes stay visible.
      expect(tinted).toBeGreaterThan(500);
      expect(blue.length / tinted).toBeGreaterThan(0.1);
      expect(vermillion.length / tinted).toBeGreaterThan(0.1);
      await page.screenshot({ path: 'test-results/compare-hatched-1440.png', fullPage: true });
      expect(errors).toEqual([]);
    },
    browserTestTimeoutMs * 2,
  );

  it(
    'Compare gives the team answers of a stored forecast saved without them, as the server gave them, instead of waiting for them forever',
    async () => {
      const { page, errors } = await env.open({ width: 1440, height: 900 });
      await env.signIn(page);
      const created = await env.api<{ id: string }>(page, 'POST', '/orgs/demo/scenarios', {
        name: 'Stored before answers',
        events: [{ id: 'cut', type: 'layoff', date: '2027-02-01', percent: 20 }],
      });
      const run = await env.api<{ id: string; cached: boolean; summary: { teams: ServerAnswer[] } }>(
        page,
        'POST',
        `/orgs/demo/scenarios/${created.id}/forecast`,
        {},
      );
      expect(run.cached).toBe(false);
      expect(run.summary.teams.length).toBe(40);
      // The run as runs were stored before they kept per-team answers.
      await env.database.client.execute({
        sql: "UPDATE forecast_runs SET summary = json_remove(summary, '$.teams') WHERE id = ?",
        args: [run.id],
      });
      const again = await env.api<{ cached: boolean; summary: { teams?: unknown } }>(
        page,
        'POST',
        `/orgs/demo/scenarios/${created.id}/forecast`,
        {},
      );
      expect(again.cached).toBe(true);
      expect(again.summary.teams).toBeUndefined();

      await page.goto(`${env.server.url}/compare?s=${created.id}@1,${created.id}@1`);
      const answers = page.locator('.compare-answers');
      await answers.locator('table.answers').waitFor({ timeout: 240_000 });
      expect(await answers.locator('p.muted').first().textContent()).toContain(
        `${walkForecastRuns}-run server forecast; team answers computed in this browser from its bands (the run was stored without them).`,
      );
      expect(await answerRows(page, '.compare-answers')).toEqual(expectedAnswerRows(run.summary.teams));
      await page.screenshot({ path: 'test-results/compare-answers-computed-1440.png', fullPage: true });
      expect(errors).toEqual([]);
    },
    browserTestTimeoutMs * 2,
  );
});
