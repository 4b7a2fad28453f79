import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gitHistoryGzip } from '../helpers/git-history-data';
import { browserTestTimeoutMs, type PlannerBrowser, startPlannerBrowser } from '../helpers/planner-browser';

describe('History page in Chromium', () => {
  let env: PlannerBrowser;
  beforeAll(async () => {
    env = await startPlannerBrowser();
  });
  afterAll(async () => {
    await env?.close();
  });

  it(
    'starts empty, imports the real git log with a progress bar, charts the team’s weeks, lists unmatched people and maps one to the roster',
    async () => {
      const { page, errors } = await env.open({ width: 1440, height: 900 });
      await env.signIn(page, { path: '/history' });
      await page.getByText('No review history yet.').waitFor();

      await page.getByLabel('Team (optional; created if missing)').fill('Git');
      await page
        .getByLabel('Git log file')
        .setInputFiles({ name: 'git.log.gz', mimeType: 'application/gzip', buffer: gitHistoryGzip() });
      await page.getByText('Imported 9334 changes').waitFor();

      await page.getByText('Authored, signed off and open per week').waitFor();
      await page.getByText('AI-assisted share of changes authored').waitFor();
      await page.getByText('Reviewer concentration: share of sign-offs').waitFor();
      expect(await page.locator('figure.chart canvas').count()).toBeGreaterThanOrEqual(3);
      const sources = page.getByRole('table', { name: 'History sources' });
      expect(await sources.getByRole('row').nth(1).textContent()).toContain('git: git');
      const unmatched = page.getByRole('table', { name: 'Unmatched identities' });
      expect(await unmatched.getByRole('row').nth(1).textContent()).toContain('dev0001@example.invalid');

      const roster = 'employee_id,team,level,hire_date\nR1,Git,principal,2020-01-06\n';
      const imported = await page.evaluate(async (csv) => {
        const csrf = document.cookie.match(/(?:^|; )rl_csrf=([^;]*)/)?.[1] ?? '';
        const response = await fetch('/api/v1/orgs/demo/roster/import', {
          method: 'POST',
          headers: { 'content-type': 'text/csv', 'x-csrf-token': decodeURIComponent(csrf) },
          body: csv,
        });
        return response.status;
      }, roster);
      expect(imported).toBe(200);
      await page.getByLabel('Employee id for dev0001@example.invalid').fill('R1');
      await unmatched.getByRole('row').nth(1).getByRole('button', { name: 'Map' }).click();
      await page.getByLabel('Employee id for dev0001@example.invalid').waitFor({ state: 'detached' });
      expect(await unmatched.getByRole('row').nth(1).textContent()).toContain('dev0007@example.invalid');
      await page.screenshot({ path: 'test-results/history-1440.png', fullPage: true });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: 'test-results/history-390.png', fullPage: true });
      expect(errors).toEqual([]);
    },
    browserTestTimeoutMs,
  );

  it(
    'shows the error with its record and field when the log is malformed',
    async () => {
      const { page, errors } = await env.open();
      await env.signIn(page, { path: '/history' });
      await page.getByLabel('Git log file').setInputFiles({
        name: 'bad.log',
        mimeType: 'text/plain',
        buffer: Buffer.from('\x1enot-a-hash\x1fA\x1fa@x\x1f'),
      });
      await page.getByRole('alert').waitFor();
      expect(await page.getByRole('alert').textContent()).toContain('Line 1 (committer_name)');
      expect(errors.filter((e) => !e.includes('422'))).toEqual([]);
    },
    browserTestTimeoutMs,
  );
});
