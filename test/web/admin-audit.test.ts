import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { failRequests } from '../helpers/failing-route';
import { checkPage } from '../helpers/page-checks';
import { browserTestTimeoutMs, describeInBrowser } from '../helpers/planner-browser';

describeInBrowser('audit log page in Chromium', (env) => {
  it(
    'lists changes newest first with who made them, filters by entity and days, and downloads the filtered log as CSV',
    async () => {
      const { page, errors } = await env.open({ width: 1440, height: 900 });
      await env.signIn(page, { path: '/admin/audit' });
      await env.api(page, 'PATCH', '/orgs/demo', { parameters: { shrinkage: 0.2 } });
      await env.api(page, 'PATCH', '/orgs/demo/thresholds', { backlogWeeks: 3 });
      await page.reload();
      const table = page.getByRole('table', { name: 'Audit log' });
      const rows = table.locator('tbody tr');
      await expect.poll(() => rows.first().textContent()).toContain('thresholds');
      expect(await rows.nth(1).textContent()).toContain('org-settings');
      expect(await rows.first().textContent()).toContain('admin@example.com');

      const filters = page.getByRole('form', { name: 'Audit filters' });
      await filters.getByLabel('Entity').selectOption('org-settings');
      await filters.getByRole('button', { name: 'Apply' }).click();
      await expect.poll(() => rows.count()).toBe(1);
      await rows.first().getByText('Before and after').click();
      await rows.first().getByText('After: {"parameters":{"shrinkage":0.2}}').waitFor();
      await checkPage(page, 'admin-audit');
      await page.setViewportSize({ width: 1440, height: 900 });

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        filters.getByRole('link', { name: 'Download CSV' }).click(),
      ]);
      const csv = (await readFile((await download.path()) ?? '', 'utf8')).split('\r\n');
      expect(csv[0]).toBe('at,actor,actor_name,action,entity,entity_id,before,after');
      expect(csv).toHaveLength(3);
      expect(csv[1]).toContain(',admin@example.com,update,org-settings,');

      await filters.getByLabel('From').fill('2099-01-01');
      await filters.getByRole('button', { name: 'Apply' }).click();
      await page.getByText('No audit entries match.').waitFor();
      expect(errors).toEqual([]);
    },
    browserTestTimeoutMs,
  );

  it(
    'shows an error with a retry when the log cannot be loaded',
    async () => {
      const { page } = await env.open({ width: 390, height: 844 });
      await failRequests(page, '**/api/v1/orgs/demo/audit?*');
      await env.signIn(page, { path: '/admin/audit' });
      await page.getByRole('alert').getByText('Service Unavailable').waitFor();
      await page.getByRole('button', { name: 'Try again' }).waitFor();
      await checkPage(page, 'admin-audit-error');
    },
    browserTestTimeoutMs,
  );
});
