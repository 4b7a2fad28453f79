import { expect, it } from 'vitest';
import { failRequests } from '../helpers/failing-route';
import { checkPage } from '../helpers/page-checks';
import { browserTestTimeoutMs, describeInBrowser } from '../helpers/planner-browser';

describeInBrowser('users and invitations in Chromium', (env) => {
  it(
    'invites by link, the invitee sets a password and joins, a role change takes effect, deactivation shuts them out, the last admin stays',
    async () => {
      const { page, errors } = await env.open({ width: 1440, height: 900 });
      await env.signIn(page);
      await page.getByRole('link', { name: 'Admin' }).click();
      const members = page.getByRole('table', { name: 'Members' });
      await members.getByText('admin@example.com').waitFor();
      await page.getByText('No pending invitations.').waitFor();
      await checkPage(page, 'admin-users-empty');
      await page.setViewportSize({ width: 1440, height: 900 });

      await members.getByLabel('Role of admin@example.com').selectOption('viewer');
      await page.getByText('admin@example.com is the last active admin').waitFor();
      await expect.poll(() => members.getByLabel('Role of admin@example.com').inputValue()).toBe('admin');

      const form = page.getByRole('form', { name: 'Invite someone' });
      await form.getByLabel('Email').fill('new.person@example.com');
      await form.getByLabel('Role').selectOption('viewer');
      await form.getByRole('button', { name: 'Create invitation link' }).click();
      const linkField = form.getByLabel(/^Invitation link/);
      const link = await linkField.inputValue();
      expect(link).toMatch(new RegExp(`^${env.server.url}/invite/[A-Za-z0-9_-]{43}$`));
      await page
        .getByRole('table', { name: 'Pending invitations' })
        .getByText('new.person@example.com')
        .waitFor();
      await checkPage(page, 'admin-users');

      const invitee = await env.open({ width: 390, height: 844 });
      await invitee.page.goto(link);
      await invitee.page.getByRole('heading', { name: 'Join Demo Retail Engineering' }).waitFor();
      await checkPage(invitee.page, 'accept-invite');
      await invitee.page.getByLabel('Your name').fill('New Person');
      await invitee.page.getByLabel(/^Choose a password/).fill('a new long password');
      await invitee.page.getByRole('button', { name: 'Join' }).click();
      await invitee.page.getByRole('button', { name: 'Sign out' }).waitFor();
      await invitee.page.locator('.role', { hasText: 'viewer' }).waitFor();
      expect(await invitee.page.getByRole('link', { name: 'Admin' }).count()).toBe(0);

      const used = await env.open();
      await used.page.goto(link);
      await used.page
        .getByText('This invitation link is unknown, already used, withdrawn or expired.')
        .waitFor();

      await page.reload();
      await members.getByText('new.person@example.com').waitFor();
      await members.getByLabel('Role of new.person@example.com').selectOption('admin');
      await page.getByText('No pending invitations.').waitFor();
      await invitee.page.reload();
      await invitee.page.locator('.role', { hasText: 'admin' }).waitFor();
      await invitee.page.getByRole('button', { name: 'Menu' }).click();
      await invitee.page.getByRole('link', { name: 'Admin' }).waitFor();

      await members.getByRole('button', { name: 'Deactivate new.person@example.com' }).click();
      await members.getByRole('button', { name: 'Reactivate new.person@example.com' }).waitFor();
      const status = await invitee.page.evaluate(async () => (await fetch('/api/v1/orgs/demo/teams')).status);
      expect(status).toBe(404);
      expect(errors.filter((e) => !e.includes('status of 409'))).toEqual([]);
      expect(invitee.errors.filter((e) => !e.includes('status of 404'))).toEqual([]);
    },
    browserTestTimeoutMs,
  );

  it(
    'shows an error with a retry when the members cannot be loaded',
    async () => {
      const { page } = await env.open({ width: 390, height: 844 });
      await env.signIn(page);
      await failRequests(page, '**/api/v1/orgs/demo/users?*');
      await page.getByRole('button', { name: 'Menu' }).click();
      await page.getByRole('link', { name: 'Admin' }).click();
      await page.getByRole('alert').getByText('Service Unavailable').waitFor();
      await page.getByRole('button', { name: 'Try again' }).waitFor();
      await checkPage(page, 'admin-users-error');
    },
    browserTestTimeoutMs,
  );
});
