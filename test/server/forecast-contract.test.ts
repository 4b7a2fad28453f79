import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import {
  breachMetrics,
  type Forecast,
  forecastRunSchema,
  type forecastSchema,
  historyWeekSchema,
  metricKeys,
  scenarioSummarySchema,
  scenarioVersionSchema,
} from '../../shared/index';
import { bearer, createOrgFixture, type OrgFixture, sendJson } from '../helpers/api-fixture';
import { type AppServer, startAppServer } from '../helpers/app-server';
import { smallGitLog } from '../helpers/small-git-log';

let server: AppServer;
let org: OrgFixture;
const url = (path: string) => `${server.url}/api/v1/orgs/contract${path}`;
const post = (path: string, body: unknown) => sendJson(url(path), 'POST', body, bearer(org.tokens.planner));

beforeAll(async () => {
  server = await startAppServer({ clock: () => new Date('2026-04-01T09:00:00Z') });
  org = await createOrgFixture(server.database.db, 'contract');
  await post('/teams', { name: 'Checkout', headcount: { junior: 3, mid: 4, senior: 2 } });
});
afterAll(async () => {
  await server.close();
});

describe('the shared API contract', () => {
  it('types the forecast as the engine does: each assignable to the other (checked by tsc)', () => {
    expectTypeOf<z.infer<typeof forecastSchema>>().toExtend<Forecast>();
    expectTypeOf<Forecast>().toExtend<z.infer<typeof forecastSchema>>();
  });

  it('describes a new and a stored forecast run exactly: parsing keeps every field and adds none', async () => {
    const scenario = await (await post('/scenarios', { name: 'Contract', events: [] })).json();
    expect(scenarioVersionSchema.parse(scenario)).toEqual(scenario);
    const created = await (await post(`/scenarios/${scenario.id}/forecast`, { runs: 20, horizon: 6 })).json();
    expect(forecastRunSchema.parse(created)).toEqual(created);
    const stored = await (
      await fetch(url(`/forecasts/${created.id}`), { headers: bearer(org.tokens.viewer) })
    ).json();
    expect(forecastRunSchema.parse(stored)).toEqual(stored);
    const list = await (await fetch(url('/scenarios'), { headers: bearer(org.tokens.viewer) })).json();
    for (const item of list.items) expect(scenarioSummarySchema.parse(item)).toEqual(item);
  });

  it('puts the full forecast shape in the OpenAPI document: every metric a band, every breach metric', async () => {
    const doc = await (await fetch(`${server.url}/api/v1/openapi.json`)).json();
    const { schemas } = doc.components;
    const created = doc.paths['/orgs/{org}/scenarios/{id}/forecast'].post.responses['201'];
    expect(created.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ForecastRun' });
    expect(schemas.ForecastRun.properties.forecast).toEqual({ $ref: '#/components/schemas/Forecast' });
    // Every metric but fatigue: burnoutRisk is exactly 100 x fatigue.
    const banded = metricKeys.filter((key) => key !== 'fatigue');
    expect(banded).toHaveLength(16);
    expect(Object.keys(schemas.MetricBands.properties).sort()).toEqual([...banded, 'headcount'].sort());
    for (const key of banded)
      expect(schemas.MetricBands.properties[key]).toEqual({ $ref: '#/components/schemas/Band' });
    expect(Object.keys(schemas.Breaches.properties).sort()).toEqual([...breachMetrics].sort());
    expect(schemas.Band.properties.p90).toEqual({ type: 'array', items: { type: 'number' } });
  });

  it('describes a weekly history row exactly: the server and browser share historyWeekSchema', async () => {
    const upload = await fetch(url('/history/git?team=Checkout'), {
      method: 'POST',
      headers: { ...bearer(org.tokens.planner), 'content-type': 'text/plain' },
      body: smallGitLog(2),
    });
    expect(upload.status).toBe(200);
    for (const query of ['', '?totals=true']) {
      const { items } = await (
        await fetch(url(`/history/weekly${query}`), { headers: bearer(org.tokens.viewer) })
      ).json();
      expect(items.length).toBeGreaterThan(0);
      for (const row of items) expect(historyWeekSchema.strict().parse(row)).toEqual(row);
    }
    const doc = await (await fetch(`${server.url}/api/v1/openapi.json`)).json();
    expect(Object.keys(doc.components.schemas.HistoryWeek.properties).sort()).toEqual(
      Object.keys(historyWeekSchema.shape).sort(),
    );
  });
});
