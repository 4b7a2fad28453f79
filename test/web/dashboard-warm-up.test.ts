import { expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/contract/audit-entry';
import { browserTestTimeoutMs, describeInBrowser, walkForecastRuns } from '../helpers/planner-browser';

describeInBrowser(
  'the Dashboard in Chromium on a fresh database whose server warms up the plan of record at start',
  (env) => {
    it(
      "shows the plan of record's stored forecast that the server computed at start, without computing it again",
      async () => {
        const { page, errors } = await env.open({ width: 1440, height: 900 });
        await env.signIn(page);
        await page
          .getByTestId('figures-source')
          .filter({ hasText: `P50, ${walkForecastRuns}-run server forecast of version 1` })
          .waitFor({ timeout: 240_000 });
        expect(await page.getByTestId('computing-note').count()).toBe(0);
        const audit = await env.api<{ items: AuditEntry[] }>(
          page,
          'GET',
          '/orgs/demo/audit?entity=forecast_run&limit=100',
        );
        // One stored run, by the start-up warm-up (system), not by the Dashboard's request (the admin).
        expect(audit.items.map((entry) => [entry.action, entry.actor])).toEqual([['create', 'system']]);
        await page.screenshot({ path: 'test-results/dashboard-warm-up-1440.png', fullPage: true });
        expect(errors).toEqual([]);
      },
      browserTestTimeoutMs * 2,
    );
  },
  { env: { FORECAST_WARM_UP: 'true' } },
);
