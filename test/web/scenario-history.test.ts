import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestTimeoutMs, type PlannerBrowser, startPlannerBrowser } from '../helpers/planner-browser';

const layoff = (page: Page) => page.inputValue('#lever-layoff');
const ai = (page: Page) => page.inputValue('#lever-ai');
const query = (page: Page) => Object.fromEntries(new URL(page.url()).searchParams);

/** Presses `key` `times` on a slider. */
async function press(page: Page, selector: string, key: string, times = 1) {
  await page.focus(selector);
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

describe('scenario history in Chromium: undo, unsaved guard, versions, diff, share links, duplicate', () => {
  let env: PlannerBrowser;
  beforeAll(async () => {
    env = await startPlannerBrowser();
  });
  afterAll(async () => {
    await env?.close();
  });

  it(
    'undoes and redoes lever moves, keeps lever values in the address, and asks before unsaved edits are lost',
    async () => {
      const { page, errors } = await env.open();
      await env.signIn(page, { path: '/scenarios/new' });
      await page.getByLabel('Scenario name').fill('History test');
      await press(page, '#lever-layoff', 'End');
      expect(await layoff(page)).toBe('50');
      await page.waitForTimeout(700);
      await press(page, '#lever-ai', 'End');
      expect(await ai(page)).toBe('100');
      // The address follows the levers once they are still (250 ms), not at every step of a drag.
      await expect.poll(() => query(page)).toMatchObject({ layoff: '50', ai: '100', signoff: '1' });

      await page.getByRole('button', { name: 'Undo' }).click();
      expect(await ai(page)).not.toBe('100');
      expect(await layoff(page)).toBe('50');
      const undone = await ai(page);
      await expect.poll(() => query(page).ai).toBe(undone);
      await page.getByRole('button', { name: 'Undo' }).click();
      expect(await layoff(page)).toBe('0');
      await page.getByRole('button', { name: 'Redo' }).click();
      expect(await layoff(page)).toBe('50');
      await page.locator('body').click();
      await page.keyboard.press('Control+Z');
      expect(await layoff(page)).toBe('0');
      await page.keyboard.press('Control+Shift+Z');
      expect(await layoff(page)).toBe('50');
      await page.getByText('Unsaved changes.').waitFor();

      const asked: string[] = [];
      page.once('dialog', (dialog) => {
        asked.push(dialog.message());
        void dialog.dismiss();
      });
      await page.getByRole('link', { name: 'Scenarios' }).click();
      await page.waitForTimeout(300);
      expect(asked).toEqual(['This scenario has unsaved changes. Leave without saving them?']);
      expect(new URL(page.url()).pathname).toBe('/scenarios/new');

      await page.getByRole('button', { name: 'Save scenario' }).click();
      await page.getByText('Saved version 1.').waitFor();
      expect(page.url()).toMatch(/\/scenarios\/[^/?]+\?v=1$/);
      await page.getByRole('link', { name: 'Scenarios' }).click();
      await page.getByRole('link', { name: 'History test' }).waitFor();
      expect(asked).toHaveLength(1);
      expect(errors).toEqual([]);
    },
    browserTestTimeoutMs,
  );

  it(
    'lists versions with the diff between any two, opens share links with version and levers, compares versions and duplicates',
    async () => {
      const { page, errors } = await env.open({ width: 1440, height: 900 });
      await env.signIn(page, { path: '/scenarios' });
      const policy = {
        id: 'policy',
        type: 'review-policy',
        date: '2027-01-04',
        rules: { junior: { ai: true, human: false } },
      };
      const created = await env.api<{ id: string }>(page, 'POST', '/orgs/demo/scenarios', {
        name: 'Diff test',
        events: [policy, { id: 'cut', type: 'layoff', date: '2027-02-01', percent: 20 }],
      });
      await env.api(page, 'POST', `/orgs/demo/scenarios/${created.id}/versions`, {
        name: 'Diff test',
        events: [policy, { id: 'cut', type: 'layoff', date: '2027-02-01', percent: 10 }],
      });

      await page.goto(`${env.server.url}/scenarios/${created.id}`);
      await page.getByRole('heading', { name: 'Version history' }).waitFor();
      await page.getByText('v2 (open)').waitFor();
      const changes = page.locator('ul.diff');
      await changes.waitFor();
      expect(await changes.getAttribute('aria-label')).toBe('Changes from version 1 to 2');
      expect(
        (await changes.locator('li').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim()),
      ).toEqual(['events[1].percent changed 20 10']);
      await page.screenshot({ path: 'test-results/scenario-versions.png', fullPage: true });

      await page.getByRole('link', { name: 'v1', exact: true }).click();
      await page.getByText('v1 (open)').waitFor();
      expect(query(page)).toEqual({ v: '1' });

      const shared = await env.open();
      await env.signIn(shared.page, { path: `/scenarios/${created.id}?v=1&layoff=35&ai=80&signoff=0` });
      await shared.page.getByText('v1 (open)').waitFor();
      expect(await layoff(shared.page)).toBe('35');
      expect(await ai(shared.page)).toBe('80');
      expect(await shared.page.isChecked('#lever-sign-off')).toBe(false);
      await shared.page.getByText('Unsaved changes.').waitFor();
      // A drag of ten steps in one burst writes the address once, when the slider is still.
      const writes = await shared.page.evaluate(() => {
        const counted = { n: 0 };
        const replace = history.replaceState.bind(history);
        history.replaceState = (...args: Parameters<History['replaceState']>) => {
          counted.n += 1;
          replace(...args);
        };
        const slider = document.querySelector<HTMLInputElement>('#lever-layoff')!;
        for (let value = 34; value >= 25; value--) {
          slider.value = String(value);
          slider.dispatchEvent(new Event('input', { bubbles: true }));
        }
        return new Promise<number>((resolve) => setTimeout(() => resolve(counted.n), 1000));
      });
      expect(await layoff(shared.page)).toBe('25');
      expect(query(shared.page)).toMatchObject({ v: '1', layoff: '25', ai: '80', signoff: '0' });
      expect(writes).toBe(1);

      await page.getByRole('link', { name: 'Compare forecasts' }).click();
      await page.getByRole('heading', { name: 'Compare scenarios' }).waitFor();
      expect(query(page)).toEqual({ s: `${created.id}@1,${created.id}@2` });
      const table = page.getByRole('table', { name: 'Key differences' });
      await table.waitFor({ timeout: 90_000 });
      expect(await table.locator('thead').textContent()).toMatch(/Diff test v1[\s\S]*Diff test v2/);
      await page.screenshot({ path: 'test-results/compare-versions.png', fullPage: true });

      await page.goto(`${env.server.url}/scenarios/${created.id}`);
      await page.getByRole('button', { name: 'Duplicate' }).click();
      await page.getByText('Duplicated: this is the copy.').waitFor();
      expect(new URL(page.url()).pathname).not.toBe(`/scenarios/${created.id}`);
      expect(await page.getByLabel('Scenario name').inputValue()).toBe('Diff test (copy)');
      const list = await env.api<{ items: { name: string; latestVersion: number }[] }>(
        page,
        'GET',
        '/orgs/demo/scenarios',
      );
      expect(list.items.filter((s) => s.name === 'Diff test (copy)').map((s) => s.latestVersion)).toEqual([
        1,
      ]);
      expect(errors).toEqual([]);
      expect(shared.errors).toEqual([]);
    },
    browserTestTimeoutMs,
  );
});
