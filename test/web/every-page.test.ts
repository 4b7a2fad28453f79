import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/axe';
import { settling } from '../helpers/page-checks';
import { browserTestTimeoutMs, type PlannerBrowser, startPlannerBrowser } from '../helpers/planner-browser';

/** Every page of the app, with a heading that says it has loaded. */
const pages = (scenario: string, other: string, team: string) => [
  { name: 'dashboard', path: '/', ready: /^Dashboard/ },
  { name: 'scenarios', path: '/scenarios', ready: 'Scenarios' },
  { name: 'editor-new', path: '/scenarios/new', ready: 'Scenario editor' },
  { name: 'editor', path: `/scenarios/${scenario}`, ready: 'Version history' },
  { name: 'compare', path: `/compare?s=${scenario}@1,${other}@1`, ready: 'Compare scenarios' },
  { name: 'teams', path: '/teams', ready: /^Teams/ },
  { name: 'reports', path: '/reports', ready: /^Reports|^Capacity/ },
  { name: 'alerts', path: '/alerts', ready: /^Alert/ },
  { name: 'history', path: '/history', ready: /^History|^Review history/ },
  { name: 'calibration', path: '/calibration', ready: /^Calibrat/ },
  { name: 'team-answers', path: `/teams/${team}/answers`, ready: 'Why' },
  { name: 'thresholds', path: '/settings/thresholds', ready: /hreshold/ },
  { name: 'time-zone', path: '/settings/time-zone', ready: 'Org time zone' },
  { name: 'admin-users', path: '/admin/users', ready: 'Administration' },
  { name: 'admin-tokens', path: '/admin/tokens', ready: 'Administration' },
  { name: 'admin-settings', path: '/admin/settings', ready: 'Administration' },
  { name: 'admin-audit', path: '/admin/audit', ready: 'Administration' },
  { name: 'no-page', path: '/no-such-page', ready: /./ },
];

describe('every page at 390 px and 1440 px', () => {
  let env: PlannerBrowser;
  beforeAll(async () => {
    env = await startPlannerBrowser();
  });
  afterAll(async () => {
    await env?.close();
  });

  it(
    'shows the sign-in page within 390 px with no serious or critical axe violations',
    async () => {
      const { page } = await env.open({ width: 390, height: 844 });
      await page.goto(env.server.url);
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: 'test-results/every-page/sign-in-390.png', fullPage: true });
    },
    browserTestTimeoutMs,
  );

  for (const width of [390, 1440]) {
    it(
      `fits every page in ${width} px (no horizontal page scroll) with no serious or critical axe violations`,
      async () => {
        const { page, errors } = await env.open({ width, height: width === 390 ? 844 : 900 });
        const settled = settling(page);
        await env.signIn(page, { path: '/scenarios' });
        const list = await env.api<{ items: { id: string }[] }>(page, 'GET', '/orgs/demo/scenarios');
        const [scenario, other] = list.items.map((s) => s.id);
        expect(other).toBeDefined();
        const teams = await env.api<{ items: { id: string }[] }>(page, 'GET', '/orgs/demo/teams');
        const found: Record<string, unknown> = {};
        for (const target of pages(scenario!, other!, teams.items[0]!.id)) {
          await page.goto(env.server.url + target.path);
          await page.getByRole('heading', { name: target.ready }).first().waitFor();
          await settled();
          const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
          const violations = await seriousViolations(page);
          if (scrollWidth > width || violations.length > 0) found[target.name] = { scrollWidth, violations };
          await page.screenshot({
            path: `test-results/every-page/${target.name}-${width}.png`,
            fullPage: true,
          });
        }
        expect(found).toEqual({});
        expect(errors).toEqual([]);
      },
      browserTestTimeoutMs * 2,
    );
  }
});
