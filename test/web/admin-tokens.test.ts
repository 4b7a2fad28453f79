import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { failRequests } from '../helpers/failing-route';
import { checkPage } from '../helpers/page-checks';
import { browserTestTimeoutMs, describeInBrowser } from '../helpers/planner-browser';

/** The HTTP status curl gets for GET `url` with the bearer token `token`. */
async function curlStatus(url: string, token: string): Promise<number> {
  const { stdout } = await promisify(execFile)('curl', [
    '--silent',
    '--output',
    '/dev/null',
    '--write-out',
    '%{http_code}',
    '--header',
    `Authorization: Bearer ${token}`,
    url,
  ]);
  return Number(stdout);
}

describeInBrowser('API tokens page in Chromium', (env) => {
  it(
    'creates a token shown once, which then works with curl, lists it without its secret, and revokes it so it is refused',
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

      const teams = () => curlStatus(`${env.server.url}/api/v1/orgs/demo/teams`, token);
      expect(await teams()).toBe(200);

      const table = page.getByRole('table', { name: 'API tokens' });
      const row = table.getByRole('row').filter({ hasText: 'HR export' });
      await row.waitFor();
      // The secret is everything after 'rl_' and the 8-character prefix; it may itself hold '_'.
      expect(await table.textContent()).not.toContain(token.slice('rl_12345678_'.length));
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

  it(
    'shows an error with a retry when the tokens cannot be loaded, and the list once the retry succeeds',
    async () => {
      const { page, errors } = await env.open({ width: 390, height: 844 });
      const recover = await failRequests(page, '**/api/v1/orgs/demo/tokens?*');
      await env.signIn(page, { path: '/admin/tokens' });
      await page.getByRole('alert').getByText('Service Unavailable').waitFor();
      await checkPage(page, 'admin-tokens-error');
      await recover();
      await page.getByRole('button', { name: 'Try again' }).click();
      await page
        .getByRole('table', { name: 'API tokens' })
        .or(page.getByText('No API tokens yet.'))
        .waitFor();
      expect(errors.filter((e) => !e.includes('status of 503'))).toEqual([]);
    },
    browserTestTimeoutMs,
  );
});
