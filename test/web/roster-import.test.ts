import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/axe';
import { browserTestTimeoutMs, type PlannerBrowser, startPlannerBrowser } from '../helpers/planner-browser';

/** Two new people in a new team: merged they add to the roster; as a replacement they would be all of it. */
const csv = [
  'employee_id,team,level,hire_date',
  'NW1,Nightwatch,senior,2021-03-01',
  'NW2,Nightwatch,Junior,2024-09-02',
].join('\n');

describe('roster import in Chromium', () => {
  let env: PlannerBrowser;
  beforeAll(async () => {
    env = await startPlannerBrowser();
  });
  afterAll(async () => {
    await env?.close();
  });

  it(
    'previews merge and replace before anything changes, then imports the merge on confirm',
    async () => {
      const { page, errors } = await env.open({ width: 1440, height: 900 });
      await env.signIn(page);
      await page.getByRole('link', { name: 'Teams' }).click();
      const panel = page.getByRole('region', { name: 'Import roster' });
      await panel.getByText('Levels (id or name):').waitFor();
      await panel
        .getByLabel('Roster CSV file')
        .setInputFiles({ name: 'nightwatch.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await panel.getByText('File: nightwatch.csv').waitFor();
      expect(await panel.getByRole('button', { name: /^Confirm import/ }).count()).toBe(0);

      await panel.getByRole('radio', { name: /Replace/ }).check();
      const changes = panel.getByRole('region', { name: 'Roster changes' });
      await changes.getByText(/^2 rows\. Replace: 2 people added/).waitFor();
      const replaceText = (await changes.textContent()) ?? '';
      const removed = Number(replaceText.match(/(\d+) (?:person|people) removed/)?.[1]);
      expect(removed).toBeGreaterThan(0);
      await page.screenshot({ path: 'test-results/roster-replace-preview-1440.png', fullPage: true });

      await panel.getByRole('radio', { name: /Merge/ }).check();
      await changes
        .getByText(/^2 rows\. Merge: 2 people added, 0 people moved, 0 people change level, 0 people removed/)
        .waitFor();
      const table = changes.getByRole('table', { name: 'Team changes' });
      expect(await table.getByRole('row').count()).toBe(2);
      expect(await table.getByRole('row').nth(1).textContent()).toContain(
        'Nightwatchnew teamnobody1 senior, 1 junior',
      );
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: 'test-results/roster-merge-preview-390.png', fullPage: true });

      await panel.getByRole('button', { name: 'Confirm import (merge)' }).click();
      await panel
        .getByText('Imported 2 engineers into 1 teams (merge): 2 added, 0 moved, 0 removed.')
        .waitFor();
      const teams = await env.api<{ items: { name: string; headcount: Record<string, number> }[] }>(
        page,
        'GET',
        '/orgs/demo/teams?limit=200',
      );
      expect(teams.items.find((t) => t.name === 'Nightwatch')?.headcount).toEqual({ senior: 1, junior: 1 });
      expect(teams.items.filter((t) => Object.keys(t.headcount).length === 0)).toEqual([]);
      expect(errors).toEqual([]);
    },
    browserTestTimeoutMs,
  );
});
