import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/axe';
import {
  browserTestTimeoutMs,
  type PlannerBrowser,
  startPlannerBrowser,
  walkForecastRuns,
} from '../helpers/planner-browser';

/** Screenshots of the page at 1440 and 390 px wide (test-results/<name>-1440.png, -390.png). */
async function screenshots(page: Page, name: string) {
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

/** The answers table's rows as text per team, in the table's order. */
const answerRows = (page: Page) =>
  page
    .locator('table.answers tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim())),
    );

describe('team answers, drill-down and breach thresholds in Chromium', () => {
  let env: PlannerBrowser;
  beforeAll(async () => {
    env = await startPlannerBrowser();
  });
  afterAll(async () => {
    await env?.close();
  });

  it(
    'shows the same team answers on the Dashboard and in Reports, sortable, naming percentile and source; a team opens its why and fix',
    async () => {
      const { page, errors } = await env.open({ width: 1440, height: 900 });
      await env.signIn(page);
      await page.locator('table.answers').waitFor({ timeout: 240_000 });
      const source = await page.locator('.team-answers p.muted').first().textContent();
      expect(source).toMatch(
        new RegExp(`P50 of the ${walkForecastRuns}-run server forecast of version \\d+`),
      );
      const dashboard = await answerRows(page);
      expect(dashboard.length).toBe(40);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshots(page, 'dashboard-answers');

      await page.getByRole('button', { name: 'Team', exact: true }).click();
      expect(await page.locator('table.answers th[aria-sort=ascending]').textContent()).toMatch(/^Team/);
      const byName = (await answerRows(page)).map((row) => row[0]!);
      expect(byName).toEqual([...byName].sort((a, b) => a.localeCompare(b)));

      await page.goto(`${env.server.url}/reports`);
      await page.locator('table.answers').waitFor({ timeout: 240_000 });
      const reports = await answerRows(page);
      const key = (rows: string[][]) => [...rows].sort((a, b) => a[0]!.localeCompare(b[0]!));
      expect(key(reports)).toEqual(key(dashboard));
      expect(await seriousViolations(page)).toEqual([]);
      await screenshots(page, 'reports-answers');

      const first = dashboard[0]!;
      await page.getByRole('link', { name: first[0]!, exact: true }).first().click();
      await page.getByRole('heading', { name: 'Why' }).waitFor();
      expect(await page.locator('h2').first().textContent()).toBe(first[0]);
      const why = await page.locator('.answer-text').textContent();
      expect(why).toMatch(/From today|holds every threshold/);
      expect(why).toMatch(/absorb/);
      // What fixes it, as the team's row in the table says: the reviewers to add and the layoff it absorbs.
      const toAdd = /\+(\d+) to add/.exec(first[2]!)?.[1];
      if (toAdd) expect(why).toContain(`Add ${toAdd} sign-off reviewer${toAdd === '1' ? '' : 's'}:`);
      expect(why).toContain(
        first[3] === 'none'
          ? 'It can absorb no layoff of sign-off reviewers'
          : `It can absorb a layoff of up to ${first[3]} of its sign-off reviewers`,
      );
      expect(await page.locator('.chart-grid canvas').count()).toBe(4);
      // The plan's three events name no team, so each changes this one and is marked on its charts.
      const marked = page.getByRole('list', { name: 'Events marked on Sign-off backlog' }).locator('li');
      await expect.poll(() => marked.count()).toBe(3);
      expect(await marked.allTextContents()).toEqual([
        expect.stringMatching(
          /^\d{1,2} \w{3} \d{4}: AI adoption: to 80% over 26 weeks \(s-curve\), all teams$/,
        ),
        expect.stringMatching(/^\d{1,2} \w{3} \d{4}: Layoff: 10% of all levels, all teams$/),
        expect.stringMatching(/^\d{1,2} \w{3} \d{4}: Review policy: sign-off for junior AI, mid AI$/),
      ]);
      // Utilisation in percent, as the answers state it ("119% > 85%"): week 1's P50 is the run's share x 100.
      const { items } = await env.api<{ items: { id: string; planOfRecord: boolean }[] }>(
        page,
        'GET',
        '/orgs/demo/scenarios',
      );
      const plan = items.find((scenario) => scenario.planOfRecord)!;
      const run = await env.api<{
        forecast: { teams: { name: string; metrics: { utilization: { p50: number[] } } }[] };
      }>(page, 'POST', `/orgs/demo/scenarios/${plan.id}/forecast`, {});
      const share = run.forecast.teams.find((t) => t.name === first[0])!.metrics.utilization.p50[0]!;
      const utilisation = page.locator('figure.chart', { hasText: 'Utilisation' });
      await utilisation.getByRole('button', { name: 'Table of Utilisation' }).click();
      const table = utilisation.getByRole('region', { name: 'Utilisation: data table' });
      expect((await table.locator('thead th').allTextContents())[2]).toMatch(/ P50 \(% of review hours; /);
      const week1 = await table.locator('tbody tr').first().locator('th, td').allTextContents();
      expect(Number(week1[2])).toBeCloseTo(share * 100, 0);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshots(page, 'team-answers');
      expect(errors).toEqual([]);
    },
    browserTestTimeoutMs * 4,
  );

  it(
    'lets an admin change a breach threshold, shows each default with its source, and restores the defaults',
    async () => {
      const { page, errors } = await env.open({ width: 1440, height: 900 });
      await env.signIn(page, { path: '/settings/thresholds' });
      const utilisation = page.getByLabel('Reviewer utilisation');
      expect(await utilisation.inputValue()).toBe('0.85');
      expect(await page.locator('table.thresholds tbody tr').count()).toBe(6);
      expect(await page.locator('table.thresholds').textContent()).toMatch(/R27/);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshots(page, 'thresholds');

      await utilisation.fill('0.9');
      await page.getByRole('button', { name: 'Save thresholds' }).click();
      await page.getByRole('status').waitFor();
      const stored = await env.api<{ thresholds: { utilization: number } }>(
        page,
        'GET',
        '/orgs/demo/thresholds',
      );
      expect(stored.thresholds.utilization).toBe(0.9);
      await page.getByRole('button', { name: 'Restore defaults' }).click();
      await page.getByText('Defaults restored.').waitFor();
      expect(await utilisation.inputValue()).toBe('0.85');
      expect(errors).toEqual([]);
    },
    browserTestTimeoutMs,
  );
});
