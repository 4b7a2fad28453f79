import { expect, it } from 'vitest';
import { failRequests } from '../helpers/failing-route';
import { goTo } from '../helpers/main-nav';
import { checkPage } from '../helpers/page-checks';
import { browserTestTimeoutMs, describeInBrowser } from '../helpers/planner-browser';

describeInBrowser('org settings in Chromium', (env) => {
  it(
    'edits the level ladder: renames, adds and reorders levels (the roster page follows), refuses to drop a level the roster uses',
    async () => {
      const { page, errors } = await env.open({ width: 1440, height: 900 });
      await env.signIn(page, { path: '/admin/settings' });
      const ladder = page.getByRole('form', { name: 'Level ladder' });
      await expect.poll(() => ladder.getByLabel('Id of level 2').inputValue()).toBe('mid');
      await checkPage(page, 'admin-settings');
      await page.setViewportSize({ width: 1440, height: 900 });

      await ladder.getByLabel('Display name of level 1').fill('Associate');
      await ladder.getByLabel('Level 2 may sign off').check();
      await ladder.getByRole('button', { name: 'Add level' }).click();
      await ladder.getByLabel('Id of level 5').fill('staff');
      await ladder.getByLabel('Display name of level 5').fill('Staff');
      await ladder.getByLabel('Level 5 may sign off').check();
      await ladder.getByRole('button', { name: 'Move staff up' }).click();
      await ladder.getByRole('button', { name: 'Save ladder' }).click();
      await ladder
        .getByRole('status')
        .getByText(/^Ladder saved \(model revision \d+\)/)
        .waitFor();
      expect(await ladder.getByLabel('Id of level 4').inputValue()).toBe('staff');

      await goTo(page, 'Teams');
      const headcount = page.getByRole('region', { name: 'Headcount table' });
      await headcount.getByRole('columnheader', { name: 'Associate' }).waitFor();
      const heads = await headcount.getByRole('columnheader').allTextContents();
      expect(heads.slice(0, 6)).toEqual([
        'Team',
        'Associate',
        'Mid-level ✓',
        'Senior ✓',
        'Staff ✓',
        'Principal ✓',
      ]);

      await goTo(page, 'Admin');
      await page.getByRole('link', { name: 'Org settings' }).click();
      await ladder.getByRole('button', { name: 'Remove mid' }).click();
      await ladder.getByRole('button', { name: 'Save ladder' }).click();
      const alert = ladder.getByRole('alert');
      await alert
        .getByText(/level "mid" cannot be removed: still used by \d+ roster engineer\(s\)/)
        .waitFor();
      await checkPage(page, 'admin-settings-orphan');
      await page.reload();
      await expect.poll(() => ladder.getByLabel('Id of level 2').inputValue()).toBe('mid');
      expect(errors.filter((e) => !e.includes('status of 409'))).toEqual([]);
    },
    browserTestTimeoutMs,
  );

  it(
    'changes a model parameter (the engine model takes it), marks it changed, and resets it to its cited default',
    async () => {
      const { page, errors } = await env.open({ width: 1440, height: 900 });
      await env.signIn(page, { path: '/admin/settings' });
      await page.getByRole('link', { name: 'Org settings' }).click();
      const table = page.getByRole('table', { name: 'Model parameters' });
      const hours = table.getByRole('row').filter({ hasText: 'reviewHoursPerReviewer' });
      await expect.poll(() => hours.getByLabel(/^Value of/).inputValue()).toBe('6');
      expect(await hours.textContent()).toContain('[R25]');
      await hours.getByLabel(/^Value of/).fill('2');
      await page.getByRole('button', { name: 'Save parameters' }).click();
      await page.getByText(/^Parameters saved \(model revision \d+\)/).waitFor();
      await hours.getByText('Changed').waitFor();
      await checkPage(page, 'admin-parameters');
      await page.setViewportSize({ width: 1440, height: 900 });

      const model = await env.api<{ parameters: { reviewHoursPerReviewer: number } }>(
        page,
        'GET',
        '/orgs/demo/model',
      );
      expect(model.parameters.reviewHoursPerReviewer).toBe(2);

      await hours.getByRole('button', { name: /^Reset .* to its default$/ }).click();
      await expect.poll(() => hours.getByLabel(/^Value of/).inputValue()).toBe('6');
      expect(await hours.getByText('Changed').count()).toBe(0);
      expect(errors).toEqual([]);
    },
    browserTestTimeoutMs,
  );

  it(
    'edits a parameter’s Monte Carlo range: a low end above the value is refused naming the field, a valid range is saved (the engine model takes it) and reset to its default; the breach thresholds are a link away',
    async () => {
      const { page, errors } = await env.open({ width: 1440, height: 900 });
      await env.signIn(page, { path: '/admin/settings' });
      const row = page
        .getByRole('table', { name: 'Model parameters' })
        .getByRole('row')
        .filter({ hasText: 'humanReviewHours' });
      const low = row.getByLabel(/^Low end of the range of/);
      const high = row.getByLabel(/^High end of the range of/);
      await expect.poll(() => low.inputValue()).toBe('0.56');
      expect(await high.inputValue()).toBe('1.12');

      await low.fill('0.9');
      await page.getByRole('button', { name: 'Save parameters' }).click();
      const alert = page.getByRole('form', { name: 'Model parameters' }).getByRole('alert');
      await alert.getByText('must be at most the value (0.8)').waitFor();
      expect(await alert.textContent()).toContain('ranges.humanReviewHours.low');
      expect(await low.getAttribute('aria-invalid')).toBe('true');

      await low.fill('0.4');
      await high.fill('1.6');
      await page.getByRole('button', { name: 'Save parameters' }).click();
      await page.getByText(/^Parameters saved \(model revision \d+\)/).waitFor();
      await row.getByText('Changed').waitFor();
      const model = await env.api<{ parameters: { uncertainty: Record<string, number[]> } }>(
        page,
        'GET',
        '/orgs/demo/model',
      );
      expect(model.parameters.uncertainty.humanReviewHours).toEqual([0.5, 2]);
      await checkPage(page, 'admin-ranges');
      await page.setViewportSize({ width: 1440, height: 900 });

      await row.getByRole('button', { name: /^Reset the range of .* to its default$/ }).click();
      await expect.poll(() => low.inputValue()).toBe('0.56');
      expect(await row.getByText('Changed').count()).toBe(0);

      await page.getByRole('link', { name: 'breach thresholds' }).click();
      await page.getByLabel('Reviewer utilisation').waitFor();
      expect(errors.filter((e) => !e.includes('status of 422'))).toEqual([]);
    },
    browserTestTimeoutMs,
  );

  it(
    'shows the parameters loading, then only an error with a retry when they cannot be loaded (no save button), and the catalogue with its save button once the retry succeeds',
    async () => {
      const { page, errors } = await env.open({ width: 390, height: 844 });
      let answer = () => {};
      const held = new Promise<void>((resolve) => {
        answer = resolve;
      });
      const recover = await failRequests(page, '**/api/v1/orgs/demo/parameters', held);
      await env.signIn(page, { path: '/admin/settings' });
      const panel = page.getByRole('region', { name: 'Model parameters' });
      await panel.getByRole('status').getByText('Loading the model parameters…').waitFor();
      answer();
      await panel.getByRole('alert').getByText('Service Unavailable').waitFor();
      expect(await panel.getByRole('button').allTextContents()).toEqual(['Try again']);
      await checkPage(page, 'admin-settings-error');
      await recover();
      await panel.getByRole('button', { name: 'Try again' }).click();
      await page.getByRole('table', { name: 'Model parameters' }).getByText('humanReviewHours').waitFor();
      expect(await panel.getByRole('button', { name: 'Save parameters' }).isDisabled()).toBe(true);
      expect(errors.filter((e) => !e.includes('status of 503'))).toEqual([]);
    },
    browserTestTimeoutMs,
  );
});
