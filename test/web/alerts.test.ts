import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/axe';
import { browserTestTimeoutMs, type PlannerBrowser, startPlannerBrowser } from '../helpers/planner-browser';
import { startReceiver, type WebhookReceiver } from '../server/alerts/webhook-receiver';

interface DigestBody {
  type: string;
  rule: { name: string };
  opened: { teamName: string }[];
  resolved: { teamName: string }[];
}

/** How long a test waits after a check for a second webhook message that must not come, ms. */
const QUIET_MS = 1_500;

describe('alert rules page in Chromium', () => {
  let env: PlannerBrowser;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startReceiver();
    env = await startPlannerBrowser();
  });
  afterAll(async () => {
    await env?.close();
    await receiver?.close();
  });

  it('creates a rule for one team, tests it, delivers the alert, acknowledges it and shows the delivery log', async () => {
    const { page, errors } = await env.open();
    await env.signIn(page);
    await page.getByRole('link', { name: 'Alerts' }).click();
    await page.getByText('No alert rules yet.').waitFor();

    const form = page.getByRole('form', { name: 'New alert rule' });
    await form.getByLabel('Name').fill('Checkout backlog');
    const teams = form.getByRole('group', { name: /^Teams/ });
    const firstBox = teams.getByRole('checkbox').first();
    await firstBox.waitFor({ timeout: 30_000 });
    const firstTeam = ((await firstBox.locator('xpath=..').textContent()) ?? '').trim();
    await firstBox.check();
    await form.getByLabel('Metric').selectOption('backlogWeeks');
    await form.getByLabel('Percentile').selectOption('P50');
    await form.getByLabel('Comparator').selectOption('>=');
    await form.getByLabel('Threshold').fill('0');
    await form.getByLabel('Look-ahead (weeks)').fill('4');
    await form.getByLabel('Time zone').selectOption('Europe/Rome');
    await form.getByLabel('Webhook URL').fill(receiver.url);
    await form.getByLabel('Webhook secret').fill('a-long-enough-webhook-secret');
    await form.getByLabel('Schedule (cron)').fill('every monday');
    await form.getByRole('button', { name: 'Create rule' }).click();
    await form.getByRole('alert').getByText('schedule', { exact: true }).waitFor();

    await form.getByLabel('Schedule (cron)').fill('0 9 * * 1');
    await form
      .getByText(
        `Alert when ${firstTeam} team's backlog reaches 0 weeks of capacity in any of the next 4 weeks (P50 forecast, median).`,
      )
      .waitFor();
    await form.getByText('Checked Mondays at 09:00 Europe/Rome.').waitFor();
    expect(
      await form.getByRole('list', { name: 'Next checks' }).getByRole('listitem').allTextContents(),
    ).toHaveLength(5);
    await form.getByRole('button', { name: 'Create rule' }).click();
    const detail = page.getByRole('region', { name: 'Rule Checkout backlog' });
    await detail.getByText('secret …cret').waitFor();

    await detail.getByRole('button', { name: 'Dry run (sends nothing)' }).click();
    await detail
      .getByText('Dry run: 1 of 1 teams would open an alert, 0 would resolve; nothing was opened or sent.')
      .waitFor({ timeout: 60_000 });
    expect(await detail.getByRole('status', { name: 'Dry run' }).textContent()).toContain(
      `Would open: ${firstTeam}`,
    );
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/alerts-dry-run.png', fullPage: true });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.requests).toEqual([]);

    await detail.getByRole('button', { name: 'Evaluate now (opens and sends)' }).click();
    await detail
      .getByText('1 of 1 teams cross the threshold; 1 alerts opened, 0 resolved.')
      .waitFor({ timeout: 60_000 });
    await receiver.waitFor(1);
    expect(JSON.parse(receiver.requests[0]?.body ?? '{}').alert.teamName).toBe(firstTeam);

    const history = detail.getByRole('table', { name: 'Alert history' });
    await history.getByRole('button', { name: 'Acknowledge' }).click();
    await history.getByRole('button', { name: 'Acknowledge' }).waitFor({ state: 'detached' });
    await detail.getByRole('button', { name: 'Refresh' }).click();
    await detail.getByRole('table', { name: 'Delivery log' }).getByText('delivered').waitFor();
    await expect(detail.getByRole('table', { name: 'Delivery log' }).textContent()).resolves.toMatch(
      /#1 200 · \d+ ms/,
    );
    // The delivery names its team (Teams column).
    expect(
      await detail
        .getByRole('table', { name: 'Delivery log' })
        .locator('tbody tr td:nth-child(3)')
        .allTextContents(),
    ).toEqual([firstTeam]);
    await page.screenshot({ path: 'test-results/alerts.png' });
    expect(errors.filter((e) => !e.includes('status of 422'))).toEqual([]);
  }, 120_000);

  it('checks a new rule in the browser against the API schema, with its messages, before sending anything', async () => {
    const { page, errors } = await env.open();
    await env.signIn(page);
    await page.getByRole('link', { name: 'Alerts' }).click();
    const posts: string[] = [];
    page.on(
      'request',
      (r) => r.method() === 'POST' && r.url().includes('/alert-rules') && posts.push(r.url()),
    );
    const form = page.getByRole('form', { name: 'New alert rule' });
    await form.getByLabel('Name').fill('   ');
    await form.getByLabel('Webhook URL').fill('ftp://hooks.example.com/reviewload');
    await form.getByLabel('Webhook secret').fill('a-long-enough-webhook-secret');
    await form.getByRole('button', { name: 'Create rule' }).click();
    const alert = form.getByRole('alert');
    await alert.getByText('webhook.url', { exact: true }).waitFor();
    const text = await alert.textContent();
    expect(text).toContain('name: must not be empty');
    expect(text).toContain('webhook.url: must be an http or https URL');
    await page.screenshot({ path: 'test-results/alerts-form-check.png' });
    expect(posts).toEqual([]);
    expect(errors).toEqual([]);
  }, 120_000);
});

describe('editing and pausing an alert rule in Chromium', () => {
  let env: PlannerBrowser;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startReceiver();
    env = await startPlannerBrowser();
  });
  afterAll(async () => {
    await env?.close();
    await receiver?.close();
  });

  it('edits a rule in place (words and next checks follow), pauses and resumes it, at 1440 and 390 px', async () => {
    const { page, errors } = await env.open({ width: 1440, height: 900 });
    await env.signIn(page);
    await env.api(page, 'POST', '/orgs/demo/alert-rules', {
      name: 'Wait watch',
      metric: 'p90WaitHours',
      comparator: '>',
      threshold: 24,
      lookaheadWeeks: 8,
      schedule: '0 8 * * 1',
      timezone: 'Europe/Rome',
      webhook: { url: receiver.url, secret: 'edit-in-browser-secret-0123' },
    });
    await page.getByRole('link', { name: 'Alerts' }).click();
    const rules = page.getByRole('table', { name: 'Alert rules' });
    await rules
      .getByText(
        "Alert when any team's p90 wait exceeds 24 h in any of the next 8 weeks (P90 forecast, pessimistic)",
      )
      .waitFor();
    await rules.getByText('Mondays at 08:00 Europe/Rome').waitFor();
    expect(await rules.getByRole('cell', { name: /^Mon \d{1,2} \w{3} \d{4}, 08:00$/ }).count()).toBe(1);

    await rules.getByRole('button', { name: 'Wait watch' }).click();
    const detail = page.getByRole('region', { name: 'Rule Wait watch' });
    await detail.getByRole('button', { name: 'Edit rule' }).click();
    const form = detail.getByRole('form', { name: 'Edit rule Wait watch' });
    await form.getByLabel('Threshold').fill('36');
    await form.getByLabel('Time zone').selectOption('America/New_York');
    await form.getByLabel('Schedule (cron)').fill('30 7 * * 1-5');
    await form.getByText('Checked Weekdays at 07:30 America/New_York.').waitFor();
    await page.screenshot({ path: 'test-results/alerts-edit-1440.png', fullPage: true });
    await form.getByRole('button', { name: 'Save rule' }).click();
    await form.waitFor({ state: 'detached' });
    await rules
      .getByText(
        "Alert when any team's p90 wait exceeds 36 h in any of the next 8 weeks (P90 forecast, pessimistic)",
      )
      .waitFor();
    await rules.getByText('Weekdays at 07:30 America/New_York').waitFor();
    const saved = await env.api<{ threshold: number; timezone: string; webhook: { secretHint: string } }>(
      page,
      'GET',
      '/orgs/demo/alert-rules',
    );
    expect(saved).toMatchObject({
      items: [{ threshold: 36, timezone: 'America/New_York', webhook: { secretHint: '…0123' } }],
    });

    await detail.getByRole('button', { name: 'Pause' }).click();
    await rules.getByText('paused').waitFor();
    await detail.getByText('(paused: no scheduled checks until resumed)').waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/alerts-paused-390.png', fullPage: true });
    await detail.getByRole('button', { name: 'Resume' }).click();
    await detail.getByRole('list', { name: 'Next checks' }).waitFor();
    expect(await detail.getByRole('list', { name: 'Next checks' }).getByRole('listitem').count()).toBe(5);
    expect(errors).toEqual([]);
  }, 120_000);

  it(
    'sends a digest rule one message per evaluation naming every team it opened or resolved, never one per team; its dry run says so and sends nothing',
    async () => {
      const { page, errors } = await env.open({ width: 1440, height: 900 });
      await env.signIn(page);
      await page.getByRole('link', { name: 'Alerts' }).click();
      const form = page.getByRole('form', { name: 'New alert rule' });
      await form.getByLabel('Name').fill('Backlog digest');
      const boxes = form.getByRole('group', { name: /^Teams/ }).getByRole('checkbox');
      await boxes.first().waitFor({ timeout: 30_000 });
      const picked: string[] = [];
      for (let i = 0; i < 3; i++) {
        const box = boxes.nth(i);
        picked.push(((await box.locator('xpath=..').textContent()) ?? '').trim());
        await box.check();
      }
      picked.sort();
      // Backlog of at least 0 weeks: every picked team crosses it in the first week.
      await form.getByLabel('Metric').selectOption('backlogWeeks');
      await form.getByLabel('Percentile').selectOption('P50');
      await form.getByLabel('Comparator').selectOption('>=');
      await form.getByLabel('Threshold').fill('0');
      await form.getByLabel('Look-ahead (weeks)').fill('4');
      await form.getByLabel('Webhook URL').fill(receiver.url);
      await form.getByLabel('Webhook secret').fill('a-long-enough-webhook-secret');
      await form.getByLabel('Schedule (cron)').fill('0 9 * * 1');
      await form.getByLabel(/One message per check listing every team \(digest\)/).check();
      await form.getByRole('button', { name: 'Create rule' }).click();
      const detail = page.getByRole('region', { name: 'Rule Backlog digest' });
      await detail.getByText('one digest message per check').waitFor();
      const saved = await env.api<{ items: { name: string; digest: boolean }[] }>(
        page,
        'GET',
        '/orgs/demo/alert-rules',
      );
      expect(saved.items.find((rule) => rule.name === 'Backlog digest')?.digest).toBe(true);
      // This rule's messages: those the receiver gets from now on.
      const before = receiver.requests.length;
      const received = () => receiver.requests.slice(before);

      await detail.getByRole('button', { name: 'Dry run (sends nothing)' }).click();
      const dryRun = detail.getByRole('status', { name: 'Dry run' });
      await dryRun
        .getByText('Dry run: 3 of 3 teams would open an alert, 0 would resolve; nothing was opened or sent.')
        .waitFor({ timeout: 60_000 });
      expect(await dryRun.textContent()).toContain(
        'A real check would send one digest message naming all 3 teams.',
      );
      for (const team of picked) expect(await dryRun.textContent()).toContain(`Would open: ${team}`);
      await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
      expect(received()).toEqual([]);
      await page.screenshot({ path: 'test-results/alert-digest-dry-run-1440.png', fullPage: true });

      // First evaluation: three alerts open, one message names the three teams.
      await detail.getByRole('button', { name: 'Evaluate now (opens and sends)' }).click();
      await detail
        .getByText('3 of 3 teams cross the threshold; 3 alerts opened, 0 resolved.')
        .waitFor({ timeout: 60_000 });
      await receiver.waitFor(before + 1);
      await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
      expect(received()).toHaveLength(1);
      const first = JSON.parse(received()[0]!.body) as DigestBody;
      expect(first.type).toBe('alert.digest');
      expect(first.rule.name).toBe('Backlog digest');
      expect(first.opened.map((a) => a.teamName).sort()).toEqual(picked);
      expect(first.resolved).toEqual([]);

      // The same breaches again: nothing opens or resolves, and nothing is sent.
      await detail.getByRole('button', { name: 'Evaluate now (opens and sends)' }).click();
      await detail
        .getByText('3 of 3 teams cross the threshold; 0 alerts opened, 0 resolved.')
        .waitFor({ timeout: 60_000 });
      await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
      expect(received()).toHaveLength(1);

      // A threshold no team reaches: the three alerts resolve in one message.
      await detail.getByRole('button', { name: 'Edit rule' }).click();
      const edit = detail.getByRole('form', { name: 'Edit rule Backlog digest' });
      await edit.getByLabel('Threshold').fill('1000');
      await edit.getByRole('button', { name: 'Save rule' }).click();
      await edit.waitFor({ state: 'detached' });
      await detail.getByRole('button', { name: 'Evaluate now (opens and sends)' }).click();
      await detail
        .getByText('0 of 3 teams cross the threshold; 0 alerts opened, 3 resolved.')
        .waitFor({ timeout: 60_000 });
      await receiver.waitFor(before + 2);
      await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
      expect(received()).toHaveLength(2);
      const second = JSON.parse(received()[1]!.body) as DigestBody;
      expect(second.type).toBe('alert.digest');
      expect(second.opened).toEqual([]);
      expect(second.resolved.map((a) => a.teamName).sort()).toEqual(picked);

      // The delivery log: two digest rows, each naming the three teams.
      await detail.getByRole('button', { name: 'Refresh' }).click();
      const log = detail.getByRole('table', { name: 'Delivery log' });
      await log.getByText('delivered').nth(1).waitFor();
      const rows = await log
        .locator('tbody tr')
        .evaluateAll((trs) =>
          trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')),
        );
      expect(rows.map((cells) => cells[1])).toEqual(['digest', 'digest']);
      for (const cells of rows) expect(cells[2]?.split(', ').sort()).toEqual(picked);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: 'test-results/alert-digest-1440.png', fullPage: true });
      expect(errors).toEqual([]);
    },
    browserTestTimeoutMs * 2,
  );
});
