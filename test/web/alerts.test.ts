import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/axe';
import { type PlannerBrowser, startPlannerBrowser } from '../helpers/planner-browser';
import { startReceiver, type WebhookReceiver } from '../server/alerts/webhook-receiver';

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
    const teams = form.getByLabel(/^Teams/);
    const firstTeam = (await teams.locator('option').first().textContent({ timeout: 30_000 })) ?? '';
    await teams.selectOption({ label: firstTeam });
    await form.getByLabel('Metric').selectOption('backlogWeeks');
    await form.getByLabel('Percentile').selectOption('P50');
    await form.getByLabel('Comparator').selectOption('>=');
    await form.getByLabel('Threshold').fill('0');
    await form.getByLabel('Look-ahead (weeks)').fill('4');
    await form.getByLabel('Time zone').fill('Europe/Rome');
    await form.getByLabel('Webhook URL').fill(receiver.url);
    await form.getByLabel('Webhook secret').fill('a-long-enough-webhook-secret');
    await form.getByLabel('Schedule (cron)').fill('every monday');
    await form.getByRole('button', { name: 'Create rule' }).click();
    await form.getByRole('alert').getByText('schedule', { exact: true }).waitFor();

    await form.getByLabel('Schedule (cron)').fill('0 9 * * 1');
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
  });
});
