import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestTimeoutMs, type PlannerBrowser, startPlannerBrowser } from '../helpers/planner-browser';

/**
 * The browser's clock stands at Sunday 2026-11-29 12:00 UTC, its own zone is Los Angeles (Sunday
 * 04:00, week of 23 November) and the org's is Auckland (Monday 01:00, week of 30 November).
 */
/**
 * Stops the page's clock at `ms`. Date stays the native prototype (zone-aware TZDate copies
 * Date.prototype's own methods and subclasses Date), which Playwright's clock, returning plain
 * Dates from its own constructor, would break.
 */
function fixClock(ms: number) {
  const Native = Date;
  function FixedDate(this: unknown, ...args: unknown[]) {
    return Reflect.construct(Native, args.length > 0 ? args : [ms], new.target ?? FixedDate);
  }
  FixedDate.prototype = Native.prototype;
  FixedDate.now = () => ms;
  FixedDate.parse = Native.parse;
  FixedDate.UTC = Native.UTC;
  globalThis.Date = FixedDate as unknown as DateConstructor;
}

describe("the browser's weeks follow the org's time zone, not its own", () => {
  let env: PlannerBrowser;
  beforeAll(async () => {
    env = await startPlannerBrowser();
  });
  afterAll(async () => {
    await env?.close();
  });

  /** Sets the org's zone through the settings form, then reads where a new scenario's first event sits. */
  const newScenarioStart = async (orgZone: string) => {
    const context = await env.browser.newContext({ timezoneId: 'America/Los_Angeles' });
    const page = await context.newPage();
    await page.addInitScript(fixClock, Date.parse('2026-11-29T12:00:00Z'));
    await env.signIn(page, { path: '/settings/time-zone' });
    const field = page.getByLabel(/^Time zone/);
    await field.fill(orgZone);
    const note = await page.locator('#org-time-zone-note').textContent();
    const save = page.getByRole('button', { name: 'Save time zone' });
    if (await save.isEnabled()) {
      await save.click();
      await page.getByRole('status').getByText(`Weeks now start on Monday 00:00 in ${orgZone}.`).waitFor();
    }
    await page.goto(`${env.server.url}/scenarios/new`);
    const sign = page.locator('.events time').first();
    await sign.waitFor();
    const start = await sign.getAttribute('datetime');
    await context.close();
    return { start, note };
  };

  it(
    "starts a new scenario's forecast on the org's Monday: 30 November in Auckland, 23 November in UTC",
    async () => {
      expect(await newScenarioStart('Pacific/Auckland')).toEqual({
        start: '2026-11-30',
        note: 'This week began Monday 30 November 2026 at 00:00 in Pacific/Auckland (Sunday 29 November 2026 at 11:00 UTC).',
      });
      expect(await newScenarioStart('UTC')).toEqual({
        start: '2026-11-23',
        note: 'This week began Monday 23 November 2026 at 00:00 UTC.',
      });
    },
    browserTestTimeoutMs,
  );

  it(
    'refuses a zone the browser does not know, naming the field, with nothing to save',
    async () => {
      const { page } = await env.open();
      await env.signIn(page, { path: '/settings/time-zone' });
      const field = page.getByLabel(/^Time zone/);
      await field.fill('Mars/Olympus');
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      await page.getByText('Not a time zone this browser knows').waitFor();
      expect(await page.getByRole('button', { name: 'Save time zone' }).isDisabled()).toBe(true);
      await page.close();
    },
    browserTestTimeoutMs,
  );
});
