import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createOrgFixture, type OrgFixture, sendJson } from '../helpers/api-fixture';
import { type AppServer, startAppServer } from '../helpers/app-server';

let server: AppServer;
let org: OrgFixture;
const base = () => `${server.url}/api/v1/orgs/dr`;
const post = (path: string, body: unknown) =>
  sendJson(`${base()}${path}`, 'POST', body, bearer(org.tokens.planner));

beforeAll(async () => {
  server = await startAppServer({ env: { FORECAST_DEFAULT_RUNS: '20' } });
  org = await createOrgFixture(server.database.db, 'dr');
  await post('/teams', { name: 'Search', headcount: { junior: 2, mid: 3, senior: 2 } });
});
afterAll(async () => {
  await server.close();
});

describe('FORECAST_DEFAULT_RUNS=20', () => {
  it('forecasts and reports a request that names no runs with 20 Monte Carlo runs, and one that does with its own', async () => {
    const scenario = await (await post('/scenarios', { name: 'Plan', events: [] })).json();
    expect((await post(`/scenarios/${scenario.id}/plan-of-record`, {})).status).toBe(200);
    const unsaid = await (await post(`/scenarios/${scenario.id}/forecast`, { horizon: 4 })).json();
    expect(unsaid.options).toMatchObject({ runs: 20, horizonWeeks: 4 });
    const said = await (await post(`/scenarios/${scenario.id}/forecast`, { horizon: 4, runs: 30 })).json();
    expect(said.options).toMatchObject({ runs: 30, horizonWeeks: 4 });
    const report = await fetch(`${base()}/reports/capacity?format=json&horizon=4`, {
      headers: bearer(org.tokens.viewer),
    });
    expect(report.status).toBe(200);
    expect(await report.json()).toMatchObject({ runs: 20, horizon: 4 });
  });
});
