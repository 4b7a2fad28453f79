import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe } from 'vitest';
import { launchBrowser } from './browser';
import { type RunningServer, startServer } from './running-server';
import { createTempDb, type TempDatabase } from './temp-db';

export const adminEmail = 'admin@example.com';
export const adminPassword = 'correct-horse-battery-staple';

/** Per-test timeout for browser tests: generous, since the browser test files share the machine's cores with each other and the servers. */
export const browserTestTimeoutMs = 120_000;

/** A real server on a fresh database with an admin user, and one Chromium, for a browser test file. */
export interface PlannerBrowser {
  server: RunningServer;
  /** The server's database (a connection of the test's own), e.g. to age a stored row. */
  database: TempDatabase;
  browser: Browser;
  /** A new 1280x720 page (or `size`) that collects console errors into `errors`; waits time out after 90 s. */
  open(size?: { width: number; height: number }): Promise<{ page: Page; errors: string[] }>;
  /**
   * Signs in through the form shown at `path` (default `/`, the dashboard), as the admin unless
   * `as` is given, and waits for the signed-in header.
   */
  signIn(page: Page, options?: { as?: { email: string; password: string }; path?: string }): Promise<void>;
  /** Calls the API from the page's session (CSRF header from the rl_csrf cookie). */
  api<T>(page: Page, method: string, path: string, body?: unknown): Promise<T>;
  close(): Promise<void>;
}

/**
 * Monte Carlo runs of the walks' server forecasts when a request does not say: the walks check pages,
 * not band figures, and a 100-run forecast of the demo org costs a fifth of the server's 500.
 */
export const walkForecastRuns = 100;

/**
 * Starts the server (FORECAST_DEFAULT_RUNS = `forecastRuns`, {@link walkForecastRuns} unless given;
 * 500 is the server's own default; `env` adds variables, e.g. FORECAST_WARM_UP) and Chromium.
 */
export async function startPlannerBrowser({
  forecastRuns = walkForecastRuns,
  env = {},
}: {
  forecastRuns?: number;
  env?: Record<string, string>;
} = {}): Promise<PlannerBrowser> {
  const database: TempDatabase = await createTempDb({ migrate: false });
  const server = await startServer({
    DATABASE_URL: database.url,
    ADMIN_EMAIL: adminEmail,
    ADMIN_PASSWORD: adminPassword,
    FORECAST_DEFAULT_RUNS: String(forecastRuns),
    ...env,
  });
  const browser = await launchBrowser();
  return {
    server,
    database,
    browser,
    async open(size = { width: 1280, height: 720 }) {
      const page = await browser.newPage({ viewport: size, acceptDownloads: true });
      page.setDefaultTimeout(90_000);
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      return { page, errors };
    },
    async signIn(page, { as = { email: adminEmail, password: adminPassword }, path = '/' } = {}) {
      await page.goto(server.url + path);
      await page.getByLabel('Email').fill(as.email);
      await page.getByLabel('Password').fill(as.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('button', { name: 'Sign out' }).waitFor();
    },
    api: (page, method, path, body) =>
      page.evaluate(
        async ({ method, path, body }) => {
          const csrf = document.cookie.match(/(?:^|; )rl_csrf=([^;]*)/)?.[1] ?? '';
          const response = await fetch(`/api/v1${path}`, {
            method,
            headers: { 'content-type': 'application/json', 'x-csrf-token': decodeURIComponent(csrf) },
            body: body === undefined ? undefined : JSON.stringify(body),
          });
          if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
          return response.status === 204 ? undefined : response.json();
        },
        { method, path, body },
      ),
    async close() {
      await browser.close();
      await server.stop();
      database.cleanup();
    },
  };
}

/**
 * A describe block whose tests share one {@link PlannerBrowser} (started with `options`): started
 * before its first test, closed after its last. `body` gets a stand-in that reaches the running one.
 */
export function describeInBrowser(
  name: string,
  body: (env: PlannerBrowser) => void,
  options: Parameters<typeof startPlannerBrowser>[0] = {},
): void {
  describe(name, () => {
    let running: PlannerBrowser | undefined;
    const current = (): PlannerBrowser => {
      if (!running) throw new Error(`the browser of "${name}" is not running`);
      return running;
    };
    beforeAll(async () => {
      running = await startPlannerBrowser(options);
    });
    afterAll(async () => {
      await running?.close();
    });
    body({
      get server() {
        return current().server;
      },
      get database() {
        return current().database;
      },
      get browser() {
        return current().browser;
      },
      open: (size) => current().open(size),
      signIn: (page, options) => current().signIn(page, options),
      api: (page, method, path, body) => current().api(page, method, path, body),
      close: () => current().close(),
    });
  });
}
