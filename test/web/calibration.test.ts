import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestTimeoutMs, type PlannerBrowser, startPlannerBrowser } from '../helpers/planner-browser';
import { smallGitLog } from '../helpers/small-git-log';

/**
 * Per labelled table box of the page that is not a chart's: whether its whole height shows
 * (nothing cut off at the bottom of a scroll box) and it ends above the element after it.
 */
const tablesEndAboveNextHeading = (page: Page) =>
  page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('main section[aria-label$=" table"]:not(.chart-data)')].map((box) => {
        const next = box.nextElementSibling?.getBoundingClientRect();
        const shown = box.clientHeight >= box.scrollHeight;
        return [
          box.getAttribute('aria-label'),
          shown && !!next && box.getBoundingClientRect().bottom <= next.top,
        ];
      }),
    ),
  );

describe('Calibration page in Chromium', () => {
  let env: PlannerBrowser;
  beforeAll(async () => {
    env = await startPlannerBrowser();
  });
  afterAll(async () => {
    await env?.close();
  });

  it(
    'calibrates a team with history (forecast fans against actuals, the error table by horizon, the fitted values) and accepts it into the plan of record as its next version',
    async () => {
      const { page, errors } = await env.open({ width: 1440, height: 900 });
      await env.signIn(page, { path: '/calibration' });
      const imported = await page.evaluate(async (log) => {
        const csrf = document.cookie.match(/(?:^|; )rl_csrf=([^;]*)/)?.[1] ?? '';
        const response = await fetch('/api/v1/orgs/demo/history/git?team=Core&deriveRoster=true', {
          method: 'POST',
          headers: { 'content-type': 'text/plain', 'x-csrf-token': decodeURIComponent(csrf) },
          body: log,
        });
        return response.status;
      }, smallGitLog());
      expect(imported).toBe(200);
      await page.getByLabel('Team (empty: the whole org)').fill('Core');
      await page.getByRole('button', { name: 'Calibrate' }).click();
      const table = page.getByRole('table', { name: 'Backtest error by horizon' });
      await table.waitFor();
      expect(await table.getByRole('row').count()).toBe(1 + 4 * 3);
      await page.getByText('Core: 180 changes').waitFor();
      expect(await page.locator('figure.chart canvas').count()).toBe(2);
      const origin = page.getByLabel('Backtest origin');
      // 30 weeks, the last partial (the log ends on its Thursday) and left out: origins at weeks 8 to 28
      expect(await origin.locator('option').count()).toBe(21);
      await page.getByText('(the week of 27 Jul 2026 left out: the history ends inside it)').waitFor();
      await origin.selectOption('2026-03-16');
      await page
        .getByText('Sign-off demand: forecast from 16 Mar 2026 against what happened', { exact: true })
        .waitFor();
      expect(await page.locator('figure.chart canvas').count()).toBe(2);
      const fitted = page.getByRole('table', { name: 'Fitted values' });
      expect(await fitted.textContent()).toContain('ordinaryReviewShare');
      type Listed = { items: { id: string; planOfRecord: boolean; latestVersion: number; name: string }[] };
      const plan = (await env.api<Listed>(page, 'GET', '/orgs/demo/scenarios')).items.find(
        (s) => s.planOfRecord,
      )!;
      expect(await page.getByLabel('Scenario').inputValue()).toBe(plan.id);
      await page.getByRole('button', { name: 'Accept calibration' }).click();
      await page
        .getByText(`Core's fitted values are now version ${plan.latestVersion + 1} of ${plan.name}`)
        .waitFor();
      const stored = await env.api<{ version: number; scenario: { teamParameters: object } }>(
        page,
        'GET',
        `/orgs/demo/scenarios/${plan.id}`,
      );
      expect(stored.version).toBe(plan.latestVersion + 1);
      expect(Object.values(stored.scenario.teamParameters)).toMatchObject([
        { parameters: { ordinaryReviewShare: 1 } },
      ]);
      await page.screenshot({ path: 'test-results/calibration-1440.png', fullPage: true });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: 'test-results/calibration-390.png', fullPage: true });
      expect(await tablesEndAboveNextHeading(page)).toEqual({
        'Backtest error table': true,
        'Fitted values table': true,
      });
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.goto(`${env.server.url}/reports`);
      const lines = page.getByRole('list', { name: 'Model error by team' });
      await lines.waitFor();
      const core = lines.getByRole('listitem').filter({ hasText: 'Core:' });
      expect(await core.textContent()).toMatch(
        /^Core: Backtest over 21 origins: sign-off demand median abs error/,
      );
      // The other teams, all uncalibrated, share one line that names them and counts them.
      const others = await lines.getByRole('listitem').filter({ hasNotText: 'Core:' }).allTextContents();
      expect(others).toHaveLength(1);
      const [, names, count] = /^(.+) \((\d+) teams\): (.+)$/.exec(others[0]!) ?? [];
      expect(names?.split(', ')).toHaveLength(Number(count));
      expect(Number(count)).toBeGreaterThan(1);
      expect(others[0]).toContain(
        'teams): Not calibrated: this team’s forecast uses the org’s parameters; how wrong it is is unmeasured.',
      );
      await page.screenshot({ path: 'test-results/reports-model-error-1440.png', fullPage: true });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: 'test-results/reports-model-error-390.png', fullPage: true });
      expect(errors).toEqual([]);
    },
    browserTestTimeoutMs,
  );
});
