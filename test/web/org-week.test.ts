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

  const newScenarioStart = async (orgZone: string) => {
    const context = await env.browser.newContext({ timezoneId: 'America/Los_Angeles' });
    const page = await context.newPage();
    await page.addInitScript(fixClock, Date.parse('2026-11-29T12:00:00Z'));
    await env.signIn(page, { path: '/scenarios/new' });
    await env.api(page, 'PATCH', '/orgs/demo', { timeZone: orgZone });
    await page.reload();
    const sign = page.locator('.events time').first();
    await sign.waitFor();
    const start = await sign.getAttribute('datetime');
    await context.close();
    return start;
  };

  it(
    "starts a new scenario's forecast on the org's Monday: 30 November in Auckland, 23 November in UTC",
    async () => {
      expect(await newScenarioStart('Pacific/Auckland')).toBe('2026-11-30');
      expect(await newScenarioStart('UTC')).toBe('2026-11-23');
    },
    browserTestTimeoutMs,
  );
});
