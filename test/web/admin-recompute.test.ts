import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { goTo } from '../helpers/main-nav';
import { browserTestTimeoutMs, describeInBrowser } from '../helpers/planner-browser';

/**
 * Each walk waits for two server forecasts of the demo org (before and after the change), at a load
 * average of 20 on the shared cores up to 25-50 s each for 500 runs, so twice the browser tests' budget.
 */
const walkTimeoutMs = 2 * browserTestTimeoutMs;

/** The dashboard's "Reviewers needed vs today" figure once the plan of record's forecast is shown. */
async function reviewerFigures(page: Page): Promise<{ needed: number; today: number }> {
  const value = page.getByTestId('reviewers').locator('.figure-value');
  await value.getByText(/^\d[\d,.]* vs \d[\d,.]*$/).waitFor();
  const [needed, today] = (await value.textContent())!.split(' vs ').map((n) => Number(n.replace(/,/g, '')));
  return { needed: needed!, today: today! };
}

/** Waits until the dashboard's reviewer figures differ from `before` (the forecast was recomputed), and returns them. */
async function recomputedFigures(page: Page, before: { needed: number; today: number }) {
  await goTo(page, 'Dashboard');
  const value = page.getByTestId('reviewers').locator('.figure-value');
  await value
    .getByText(`${before.needed} vs ${before.today}`, { exact: true })
    .waitFor({ state: 'detached' });
  return reviewerFigures(page);
}

describeInBrowser('org settings reach the forecast in Chromium', (env) => {
  it(
    'a ladder change is reflected in the forecast: letting mid-level engineers sign off adds them to the reviewers today',
    async () => {
      const { page, errors } = await env.open({ width: 1440, height: 900 });
      await env.signIn(page);
      const model = await env.api<{ org: { teams: { headcount: Record<string, number> }[] } }>(
        page,
        'GET',
        '/orgs/demo/model',
      );
      const mids = model.org.teams.reduce((sum, team) => sum + (team.headcount.mid ?? 0), 0);
      expect(mids).toBeGreaterThan(0);
      const before = await reviewerFigures(page);

      await goTo(page, 'Admin');
      await page.getByRole('link', { name: 'Org settings' }).click();
      const ladder = page.getByRole('form', { name: 'Level ladder' });
      await ladder.getByLabel('Level 2 may sign off').check();
      await ladder.getByRole('button', { name: 'Save ladder' }).click();
      await ladder
        .getByRole('status')
        .getByText(/^Ladder saved/)
        .waitFor();

      const after = await recomputedFigures(page, before);
      expect(after.today).toBeCloseTo(before.today + mids, 0);
      expect(errors).toEqual([]);
    },
    walkTimeoutMs,
  );

  it(
    'a parameter change recomputes the dashboard: halving the review hours per reviewer raises the reviewers needed',
    async () => {
      const { page, errors } = await env.open({ width: 1440, height: 900 });
      await env.signIn(page);
      const before = await reviewerFigures(page);

      await goTo(page, 'Admin');
      await page.getByRole('link', { name: 'Org settings' }).click();
      const row = page
        .getByRole('table', { name: 'Model parameters' })
        .getByRole('row')
        .filter({ hasText: 'reviewHoursPerReviewer' });
      await row.getByLabel(/^Value of/).fill('3');
      await page.getByRole('button', { name: 'Save parameters' }).click();
      await page.getByText(/^Parameters saved/).waitFor();

      const after = await recomputedFigures(page, before);
      expect(after.today).toBe(before.today);
      expect(after.needed).toBeGreaterThan(before.needed);
      expect(errors).toEqual([]);
    },
    walkTimeoutMs,
  );
});
