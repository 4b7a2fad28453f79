import { expect, it } from 'vitest';
import { failRequests } from '../helpers/failing-route';
import { browserTestTimeoutMs, describeInBrowser } from '../helpers/planner-browser';

describeInBrowser('dashboard when the plan forecast fails', (env) => {
  it(
    'shows the error with a retry and throws nothing out of the page (a failed forecast read in a memo used to)',
    async () => {
      const { page, errors } = await env.open({ width: 1440, height: 900 });
      await failRequests(page, '**/api/v1/orgs/demo/scenarios/*/forecast');
      await env.signIn(page);
      await page.getByRole('alert').getByText('Service Unavailable').waitFor();
      await page.getByRole('button', { name: 'Try again' }).waitFor();
      expect(errors.filter((e) => !e.includes('status of 503'))).toEqual([]);
    },
    browserTestTimeoutMs,
  );
});
