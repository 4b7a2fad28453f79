import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerRows, expectedAnswerRows, type ServerAnswer } from '../helpers/answer-rows';
import { dayMonthYear } from '../helpers/day-month-year';
import { planOfRecordRun } from '../helpers/plan-of-record';
import { browserTestTimeoutMs, type PlannerBrowser, startPlannerBrowser } from '../helpers/planner-browser';

/**
 * Monte Carlo runs of the server's forecasts in this file: not the editor's 100-run live preview,
 * so a page that shows the preview instead of the stored forecast shows other figures.
 */
const SERVER_RUNS = 50;

interface StoredRun {
  version: number;
  options: { runs: number };
  summary: { teams: ServerAnswer[] };
  forecast: { weeks: string[] };
}

/** The first-breach, teams-at-risk and figures-source cells of the headline within `scope`. */
const headline = (page: Page, scope: string) =>
  page.locator(scope).evaluate((root) => {
    const text = (selector: string) =>
      root.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    return {
      breach: text('[data-testid=first-breach] .figure-value'),
      breachDate: text('[data-testid=first-breach] .figure-note').split(' · ')[0],
      atRisk: text('[data-testid=teams-at-risk] .figure-value'),
      source: text('[data-testid=figures-source]'),
    };
  });

/** The source line above the team answers table within `scope`. */
const answersSource = (page: Page, scope: string) =>
  page.locator(scope).locator('.team-answers p.muted').first().textContent();

describe('one set of numbers in Chromium: the same scenario, version and runs give the same figures on every screen', () => {
  let env: PlannerBrowser;
  beforeAll(async () => {
    env = await startPlannerBrowser({ forecastRuns: SERVER_RUNS });
  });
  afterAll(async () => {
    await env?.close();
  });

  it(
    "shows the plan of record's stored forecast figures on the Dashboard, in the editor on the saved version, in Compare and in Reports; the editor labels its live preview after an edit",
    async () => {
      const { page, errors } = await env.open({ width: 1440, height: 900 });
      await env.signIn(page, { path: '/scenarios' });
      const { plan, run } = await planOfRecordRun<StoredRun>(env, page);
      expect(run.options.runs).toBe(SERVER_RUNS);

      // What every screen must show, read from the stored run (P50 figures of its per-team answers).
      const teams = run.summary.teams;
      const breaching = teams.filter((t) => t.firstBreach);
      const first = breaching.map((t) => t.firstBreach!.date).sort()[0]!;
      const week = run.forecast.weeks.indexOf(first);
      const figures = {
        breach: `${week} ${week === 1 ? 'week' : 'weeks'}`,
        breachDate: dayMonthYear(first),
        atRisk: `${breaching.length} of ${teams.length}`,
      };
      const rows = expectedAnswerRows(teams);
      const storedSource = `P50, ${SERVER_RUNS}-run server forecast of version ${run.version}`;

      // Dashboard.
      await page.goto(`${env.server.url}/`);
      await page.locator('section.team-answers table.answers').waitFor({ timeout: 240_000 });
      expect(await headline(page, 'main')).toEqual({ ...figures, source: storedSource });
      expect(await answerRows(page, 'main')).toEqual(rows);

      // Editor, on the saved version, unchanged: the stored forecast, named.
      await page.goto(`${env.server.url}/scenarios/${plan.id}?v=${run.version}`);
      const editor = '.editor-forecast';
      const figuresSource = page.locator(`${editor} [data-testid=figures-source]`);
      await figuresSource.filter({ hasText: storedSource }).waitFor({ timeout: 240_000 });
      await page.locator(`${editor} table.answers`).waitFor();
      expect(await headline(page, editor)).toEqual({ ...figures, source: storedSource });
      expect(await answerRows(page, editor)).toEqual(rows);
      expect(await answersSource(page, editor)).toContain(
        `P50 of the ${SERVER_RUNS}-run server forecast of version ${run.version}`,
      );
      await page.screenshot({ path: 'test-results/one-set-editor-stored-1440.png', fullPage: true });

      // An edit: the figures become the live preview's, labelled as such.
      await page.focus('#lever-layoff');
      await page.keyboard.press('End');
      await figuresSource.filter({ hasText: /^Live preview/ }).waitFor();
      expect(await figuresSource.textContent()).toMatch(/unsaved changes/);
      await page.getByText(/P10-P90 bands from 100 Monte Carlo runs/).waitFor({ timeout: 120_000 });
      expect(await figuresSource.textContent()).toBe(
        'Live preview: P50 of 100 Monte Carlo runs in this browser (unsaved changes)',
      );
      expect(await answersSource(page, editor)).toContain('live preview');
      await page.screenshot({ path: 'test-results/one-set-editor-preview-1440.png', fullPage: true });

      // Undone back to the saved version: the stored figures again.
      await page.keyboard.press('Control+z');
      await figuresSource.filter({ hasText: storedSource }).waitFor();
      expect(await headline(page, editor)).toEqual({ ...figures, source: storedSource });
      expect(await answerRows(page, editor)).toEqual(rows);

      // Compare, the plan's version twice.
      await page.goto(`${env.server.url}/compare?s=${plan.id}@${run.version},${plan.id}@${run.version}`);
      await page
        .getByTestId('compare-source')
        .filter({ hasText: `stored ${SERVER_RUNS}-run server forecast` })
        .waitFor({ timeout: 240_000 });
      const compared = await page
        .getByRole('table', { name: 'Key differences' })
        .evaluate((table) =>
          Object.fromEntries(
            [...table.querySelectorAll('tbody tr')].map((row) => [
              row.querySelector('th')?.textContent?.trim() ?? '',
              row.querySelector('td')?.textContent?.trim() ?? '',
            ]),
          ),
        );
      expect(compared['First breach (any team)']).toBe(`week ${week} · ${figures.breachDate}`);
      expect(compared['Teams at risk']).toBe(figures.atRisk);
      await page.locator('.compare-answers table.answers').waitFor();
      expect(await answerRows(page, '.compare-answers')).toEqual(rows);

      // Reports: the same rows, hence the same first breach and teams breaching.
      await page.goto(`${env.server.url}/reports`);
      await page.locator('section.team-answers table.answers').waitFor({ timeout: 240_000 });
      expect(await answersSource(page, 'main')).toContain(`P50 of the ${SERVER_RUNS}-run server forecast`);
      expect(await answersSource(page, 'main')).toContain(`version ${run.version}`);
      expect(await answerRows(page, 'main')).toEqual(rows);
      expect(errors).toEqual([]);
    },
    browserTestTimeoutMs * 4,
  );
});
