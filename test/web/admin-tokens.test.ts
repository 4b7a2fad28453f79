import { expect, it } from 'vitest';
import { checkPage } from '../helpers/page-checks';
import { browserTestTimeoutMs, describeInBrowser } from '../helpers/planner-browser';

describeInBrowser('API tokens page in Chromium', (env) => {
  it(
    'creates a token shown once, which then works over HTTP, lists it without its secret, and revokes it so it is refused',
    async () => {
      const { page, errors } = await env.open({ width: 1440, height: 900 });
      await env.signIn(page, { path: '/admin/tokens' });
      const form = page.getByRole('form', { name: 'New API token' });
      await form.getByLabel('Name').fill('HR export');
      await form.getByLabel('Role').selectOption('viewer');
      await form.getByRole('button', { name: 'Create token' }).click();
      const secretField = form.getByLabel(/^Token \(shown only now/);
      await secretField.waitFor();
      const token = await secretField.inputValue();
      expect(token).toMatch(/^rl_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{43}$/);

      const teams = async () =>
        (
          await fetch(`${env.server.url}/api/v1/orgs/demo/teams`, {
            headers: { authorization: `Bearer ${token}` },
          })
        ).status;
      expect(await teams()).toBe(200);

      const table = page.getByRole('table', { name: 'API tokens' });
      const row = table.getByRole('row').filter({ hasText: 'HR export' });
      await row.waitFor();
      expect(await table.textContent()).not.toContain(token.split('_')[2]);
      await checkPage(page, 'admin-tokens');
      await page.setViewportSize({ width: 1440, height: 900 });

      await row.getByRole('button', { name: 'Revoke HR export' }).click();
      await row.getByText(/^Revoked/).waitFor();
      expect(await teams()).toBe(401);
      await page.reload();
      await row.getByText(/^Revoked/).waitFor();
      expect(await secretField.count()).toBe(0);
      expect(errors).toEqual([]);
    },
    browserTestTimeoutMs,
  );
});
