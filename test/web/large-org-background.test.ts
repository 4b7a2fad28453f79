import { expect, it } from 'vitest';
import { createOrgFixture, fixturePassword } from '../helpers/api-fixture';
import { insertEqualTeams } from '../helpers/equal-teams';
import { browserTestTimeoutMs, describeInBrowser, type PlannerBrowser } from '../helpers/planner-browser';

const TEAMS = 201;

/**
 * A new org of {@link TEAMS} teams whose admin makes a layoff plan its plan of record (not
 * forecast yet), and a page signed in as its viewer at `path`.
 */
async function asViewerOfNewPlan(env: PlannerBrowser, slug: string, path: string) {
  const org = await createOrgFixture(env.database.db, slug);
  await insertEqualTeams(env.database.db, org.id, TEAMS);
  const { page, errors } = await env.open({ width: 1280, height: 720 });
  await env.signIn(page, {
    as: { email: org.emails.admin, password: fixturePassword },
    path: '/teams',
  });
  const plan = await env.api<{ id: string }>(page, 'POST', `/orgs/${slug}/scenarios`, {
    name: 'Layoff plan',
    events: [{ type: 'layoff', date: '2027-01-04', percent: 10 }],
  });
  await env.api(page, 'POST', `/orgs/${slug}/scenarios/${plan.id}/plan-of-record`);
  // Leave the admin's page first: a request it still made after the cookies went would be refused (401).
  await page.goto('about:blank');
  await page.context().clearCookies();
  await env.signIn(page, { as: { email: org.emails.viewer, password: fixturePassword }, path });
  return { page, errors };
}

describeInBrowser(
  'The Dashboard and the Reports page of a large org whose plan of record is not stored yet',
  (env) => {
    it(
      "shows a viewer the background job's progress, then the Dashboard once the run is stored",
      async () => {
        const { page, errors } = await asViewerOfNewPlan(env, 'wide', '/');
        const computing = page.getByTestId('background-forecast');
        await computing.waitFor();
        expect(await computing.textContent()).toContain(
          "The server is computing the plan of record's forecast in the background",
        );
        await page.getByRole('progressbar', { name: 'Background forecast' }).waitFor();
        await page.screenshot({ path: 'test-results/dashboard-background-1280.png', fullPage: true });

        await page.getByTestId('teams-at-risk').waitFor();
        expect(await page.getByTestId('teams-at-risk').textContent()).toContain(`of ${TEAMS}`);
        expect(await computing.count()).toBe(0);
        expect(errors).toEqual([]);
      },
      browserTestTimeoutMs,
    );

    it(
      "shows a viewer on the Reports page the background job's progress, then the capacity report once the run is stored",
      async () => {
        const { page, errors } = await asViewerOfNewPlan(env, 'broad', '/reports');
        const computing = page.getByTestId('background-forecast');
        await computing.waitFor();
        expect(await computing.textContent()).toContain('The report shows it once it is stored.');
        await page.getByRole('progressbar', { name: 'Background forecast' }).waitFor();
        await page.screenshot({ path: 'test-results/reports-background-1280.png', fullPage: true });

        await page.getByTestId('org-peak-burnout').waitFor();
        expect(await computing.count()).toBe(0);
        expect(await page.getByRole('link', { name: 'CSV: one row per team' }).count()).toBe(1);
        await page.screenshot({ path: 'test-results/reports-background-done-1280.png', fullPage: true });
        expect(errors).toEqual([]);
      },
      browserTestTimeoutMs,
    );
  },
  { forecastRuns: 1 },
);
