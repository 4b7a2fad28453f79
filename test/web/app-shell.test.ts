import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminEmail,
  browserTestTimeoutMs,
  type PlannerBrowser,
  startPlannerBrowser,
} from '../helpers/planner-browser';

describe('app shell and sign-in in Chromium', () => {
  let env: PlannerBrowser;
  beforeAll(async () => {
    env = await startPlannerBrowser();
  });
  afterAll(async () => {
    await env?.close();
  });

  it(
    'renders the shell at / with the sign-in form and zero console errors',
    async () => {
      const { page, errors } = await env.open();
      await page.goto(env.server.url, { waitUntil: 'networkidle' });
      await expect(page.getByRole('heading', { name: 'Reviewload' }).isVisible()).resolves.toBe(true);
      await expect(page.getByRole('heading', { name: 'Sign in' }).isVisible()).resolves.toBe(true);
      await page.screenshot({ path: 'test-results/app-shell.png' });
      expect(errors).toEqual([]);
    },
    browserTestTimeoutMs,
  );

  it(
    'shows the API explorer at /api/docs with every request to this server and zero console errors (CSP holds)',
    async () => {
      const { page, errors } = await env.open();
      const requested: string[] = [];
      page.on('request', (request) => requested.push(request.url()));
      await page.goto(`${env.server.url}/api/docs`, { waitUntil: 'networkidle' });
      await page.getByText('Reviewload API').first().waitFor();
      await page.locator('.opblock').first().waitFor();
      expect(await page.locator('.opblock').count()).toBeGreaterThan(20);
      await page.screenshot({ path: 'test-results/api-docs.png' });
      expect(requested.filter((url) => !url.startsWith(env.server.url))).toEqual([]);
      expect(errors).toEqual([]);
    },
    browserTestTimeoutMs,
  );

  it(
    'rejects a wrong password with the API message, then signs in and out',
    async () => {
      const { page, errors } = await env.open();
      await page.goto(env.server.url);
      await page.getByLabel('Email').fill(adminEmail);
      await page.getByLabel('Password').fill('not-the-password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').waitFor();
      expect(await page.getByRole('alert').textContent()).toContain('Wrong email or password');
      await page.screenshot({ path: 'test-results/sign-in-error.png' });

      await env.signIn(page);
      expect(await page.locator('.who').textContent()).toContain(adminEmail);
      await page.reload();
      await page.getByRole('heading', { name: /^Dashboard/ }).waitFor();

      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await page.reload();
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      expect(errors.filter((e) => !e.includes('status of 401'))).toEqual([]);
    },
    browserTestTimeoutMs,
  );

  it(
    'shows a viewer the dashboard and a scenario, without controls to change or save it',
    async () => {
      const { page: admin } = await env.open();
      await env.signIn(admin, { path: '/scenarios' });
      const viewer = { email: 'viewer@example.com', password: 'viewer-password-123' };
      await env.api(admin, 'POST', '/orgs/demo/users', { ...viewer, name: 'Vera Viewer', role: 'viewer' });

      const { page, errors } = await env.open();
      await env.signIn(page, { as: viewer });
      expect(await page.locator('.role').textContent()).toBe('viewer');
      await page.getByRole('heading', { name: 'Teams by first breach' }).waitFor({ timeout: 90_000 });
      await page.getByRole('link', { name: 'Scenarios' }).click();
      await page.getByRole('link', { name: 'Baseline' }).click();
      await page.getByText('Org sign-off backlog').first().waitFor({ timeout: 90_000 });
      expect(await page.getByLabel('Layoff', { exact: true }).isDisabled()).toBe(true);
      expect(await page.getByRole('button', { name: /Save/ }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Add event' }).count()).toBe(0);
      await page.getByText('Viewers can look but not change scenarios.').waitFor();
      await page.screenshot({ path: 'test-results/viewer-editor.png' });
      expect(errors, errors.join('\n')).toEqual([]);
    },
    browserTestTimeoutMs,
  );
});
