import { expect, it } from 'vitest';
import { createOrgFixture, fixturePassword } from '../helpers/api-fixture';
import { insertEqualTeams } from '../helpers/equal-teams';
import { browserTestTimeoutMs, describeInBrowser } from '../helpers/planner-browser';

const TEAMS = 201;

describeInBrowser(
  'The Dashboard of a large org whose plan of record is not stored yet',
  (env) => {
    it(
      "shows a viewer the background job's progress, then the Dashboard once the run is stored",
      async () => {
        const org = await createOrgFixture(env.database.db, 'wide');
        await insertEqualTeams(env.database.db, org.id, TEAMS);
        const { page, errors } = await env.open({ width: 1280, height: 720 });
        await env.signIn(page, {
          as: { email: org.emails.admin, password: fixturePassword },
          path: '/teams',
        });
        const plan = await env.api<{ id: string }>(page, 'POST', '/orgs/wide/scenarios', {
          name: 'Layoff plan',
          events: [{ type: 'layoff', date: '2027-01-04', percent: 10 }],
        });
        await env.api(page, 'POST', `/orgs/wide/scenarios/${plan.id}/plan-of-record`);
        // Leave the admin's page first: a request it still made after the cookies went would be refused (401).
        await page.goto('about:blank');
        await page.context().clearCookies();

        await env.signIn(page, { as: { email: org.emails.viewer, password: fixturePassword }, path: '/' });
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
  },
  { forecastRuns: 1 },
);
