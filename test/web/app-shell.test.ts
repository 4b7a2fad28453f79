import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import { type RunningServer, startServer } from '../helpers/running-server';
import { createTempDb, type TempDatabase } from '../helpers/temp-db';

describe('app shell in Chromium', () => {
  let database: TempDatabase;
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    database = await createTempDb({ migrate: false });
    server = await startServer({ DATABASE_URL: database.url });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    database?.cleanup();
  });

  it('renders the shell at / with zero console errors', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(server.url, { waitUntil: 'networkidle' });
    await expect(page.getByRole('heading', { name: 'Reviewload' }).isVisible()).resolves.toBe(true);
    await page.screenshot({ path: 'test-results/app-shell.png' });
    expect(errors).toEqual([]);
  });
});
