import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { seriousViolations } from '../helpers/axe';
import { browserTestTimeoutMs, describeInBrowser } from '../helpers/planner-browser';

interface TeamRow {
  id: string;
  name: string;
  headcount: Record<string, number>;
}

describeInBrowser('deleting a team in Chromium', (env) => {
  const teams = async (page: Page) =>
    (await env.api<{ items: TeamRow[] }>(page, 'GET', '/orgs/demo/teams?limit=200')).items;
  const total = (team: TeamRow | undefined) =>
    Object.values(team?.headcount ?? {}).reduce((sum, n) => sum + n, 0);
  const nameTeam = async (page: Page, scenario: string, team: TeamRow) =>
    env.api(page, 'POST', '/orgs/demo/scenarios', {
      name: scenario,
      events: [{ type: 'layoff', date: '2027-03-01', teamIds: [team.id], percent: 10 }],
    });
  const openPanel = async (page: Page) => {
    await env.signIn(page, { path: '/teams' });
    const panel = page.getByRole('region', { name: 'Delete a team' });
    await panel.getByLabel('Team to delete').waitFor();
    return panel;
  };

  it(
    'shows what the delete does, asks where the people go, and moves them to the chosen team on confirm',
    async () => {
      const { page, errors } = await env.open({ width: 1440, height: 900 });
      const panel = await openPanel(page);
      const before = await teams(page);
      const tax = before.find((t) => t.name === 'Tax');
      const billing = before.find((t) => t.name === 'Billing');
      expect(total(tax)).toBeGreaterThan(0);

      await panel.getByLabel('Team to delete').selectOption({ label: 'Tax' });
      await panel.getByText(`Tax has ${total(tax)} people on the roster.`).waitFor();
      const confirm = panel.getByRole('button', { name: 'Confirm delete of Tax' });
      expect(await confirm.isDisabled()).toBe(true);
      await panel.getByRole('radio', { name: 'Move them to another team' }).check();
      expect(await confirm.isDisabled()).toBe(true);
      await panel.getByLabel('Team that takes them').selectOption({ label: 'Billing' });
      expect(await confirm.isDisabled()).toBe(false);
      await page.screenshot({ path: 'test-results/team-delete-move-1440.png', fullPage: true });
      await confirm.click();

      await panel.getByText(`Deleted team Tax: ${total(tax)} people moved to Billing.`).waitFor();
      const after = await teams(page);
      expect(after.find((t) => t.name === 'Tax')).toBeUndefined();
      expect(total(after.find((t) => t.name === 'Billing'))).toBe(total(billing) + total(tax));
      expect(await panel.getByLabel('Team to delete').locator('option', { hasText: 'Tax' }).count()).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    },
    browserTestTimeoutMs,
  );

  it(
    'at 390 px names the scenarios that block the delete, and shows the 409 reason when one appears before confirm',
    async () => {
      const { page, errors } = await env.open({ width: 390, height: 844 });
      const panel = await openPanel(page);
      const byName = new Map((await teams(page)).map((t) => [t.name, t]));
      await nameTeam(page, 'Cut Ledger', byName.get('Ledger') as TeamRow);

      await panel.getByLabel('Team to delete').selectOption({ label: 'Ledger' });
      const blocked = panel.getByRole('alert');
      await blocked.getByText(/^Cannot delete yet:/).waitFor();
      expect(await blocked.getByRole('link', { name: 'Cut Ledger' }).count()).toBe(1);
      expect(await panel.getByRole('button', { name: 'Confirm delete of Ledger' }).isDisabled()).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(await seriousViolations(page)).toEqual([]);
      await panel.screenshot({ path: 'test-results/team-delete-blocked-390.png' });

      await panel.getByLabel('Team to delete').selectOption({ label: 'Procurement' });
      await panel.getByRole('radio', { name: 'Delete them with the team' }).check();
      await nameTeam(page, 'Keep Procurement', byName.get('Procurement') as TeamRow);
      await panel.getByRole('button', { name: 'Confirm delete of Procurement' }).click();
      await panel
        .getByText('Team "Procurement" is named in the latest version of "Keep Procurement"', {
          exact: false,
        })
        .waitFor();
      expect((await teams(page)).some((t) => t.name === 'Procurement')).toBe(true);
      await page.screenshot({ path: 'test-results/team-delete-refused-390.png', fullPage: true });
      expect(errors.filter((e) => !e.includes('409'))).toEqual([]);
    },
    browserTestTimeoutMs,
  );
});
