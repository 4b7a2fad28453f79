import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeGithub, startFakeGithub } from '../helpers/fake-github';
import { browserTestTimeoutMs, type PlannerBrowser, startPlannerBrowser } from '../helpers/planner-browser';

describe('GitHub sync on the History page in Chromium', () => {
  let env: PlannerBrowser;
  let github: FakeGithub;
  beforeAll(async () => {
    env = await startPlannerBrowser();
    github = await startFakeGithub({ maxPerPage: 2 });
    github.pulls.push(
      {
        number: 1,
        login: 'ann',
        created: '2024-01-01T09:00:00Z',
        updated: '2024-01-02T09:00:00Z',
        merged: '2024-01-02T09:00:00Z',
        additions: 4,
      },
      {
        number: 2,
        login: 'bob',
        created: '2024-01-03T09:00:00Z',
        updated: '2024-01-04T09:00:00Z',
        merged: '2024-01-04T09:00:00Z',
      },
      { number: 3, login: 'ann', created: '2024-01-08T09:00:00Z', updated: '2024-01-08T10:00:00Z' },
    );
  });
  afterAll(async () => {
    await env?.close();
    await github?.close();
  });

  it(
    'lets an admin configure the sync, sync now, and see each repository’s status',
    async () => {
      const { page, errors } = await env.open({ width: 1440, height: 900 });
      await env.signIn(page, { path: '/history' });
      await page.getByText('Live GitHub sync is not configured.').waitFor();
      await page.getByText('Sync settings', { exact: true }).click();
      await page.getByLabel('API base URL').fill(github.baseUrl);
      await page.getByLabel('Schedule (cron, empty = on demand only)').fill('0 6 * * 1');
      await page
        .getByLabel('Repositories (one per line: owner/repo, then an optional team)')
        .fill('octo/app App');
      await page.getByRole('button', { name: 'Save sync settings' }).click();
      const repos = page.getByRole('table', { name: 'GitHub repositories' });
      await repos.waitFor();
      expect(await repos.getByRole('row').nth(1).textContent()).toContain('not yet');
      await page.getByRole('button', { name: 'Sync now' }).click();
      await repos.getByRole('cell', { name: 'ok' }).waitFor();
      const row = await repos.getByRole('row').nth(1).textContent();
      expect(row).toContain('octo/app');
      expect(row).toContain('App');
      const sources = page.getByRole('table', { name: 'History sources' });
      expect(await sources.textContent()).toContain('github: octo/app');
      await page.getByText('Sync settings', { exact: true }).click();
      await page.getByRole('heading', { name: 'GitHub sync' }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: 'test-results/history-github-1440.png', fullPage: true });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: 'test-results/history-github-390.png', fullPage: true });
      const panel = await page
        .getByRole('table', { name: 'GitHub repositories' })
        .locator('xpath=..')
        .boundingBox();
      expect(panel!.x + panel!.width).toBeLessThanOrEqual(390);
      expect(errors).toEqual([]);
    },
    browserTestTimeoutMs,
  );
});
