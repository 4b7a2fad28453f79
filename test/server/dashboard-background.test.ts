import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForecastJobs } from '../../server/services/forecast-jobs';
import { ForecastPool } from '../../server/services/forecast-pool';
import { bearer, createOrgFixture, type OrgFixture, sendJson } from '../helpers/api-fixture';
import { type AppServer, startAppServer } from '../helpers/app-server';
import { insertEqualTeams } from '../helpers/equal-teams';

let server: AppServer;
let pool: ForecastPool;
/** Opens the gate the background jobs' engine waits at before it runs (so a job is seen running). */
let openGate: () => void;
const gate = new Promise<void>((resolve) => {
  openGate = resolve;
});
let large: OrgFixture;
let small: OrgFixture;

beforeAll(async () => {
  pool = new ForecastPool({ threads: 1, maxQueue: 4, timeoutMs: 60_000 });
  server = await startAppServer({
    forecastJobs: (database) =>
      new ForecastJobs({
        db: database.db,
        engine: { run: async (input, control) => gate.then(() => pool.run(input, control)) },
        clock: () => new Date(),
        timeoutMs: 60_000,
      }),
  });
  large = await createOrgFixture(server.database.db, 'large');
  await insertEqualTeams(server.database.db, large.id, 201);
  small = await createOrgFixture(server.database.db, 'small');
  await insertEqualTeams(server.database.db, small.id, 200);
}, 60_000);
afterAll(async () => {
  await server?.close();
  await pool?.close();
});

/** A new scenario of the org's (no events), by its planner. */
const scenarioOf = async (org: OrgFixture) =>
  (
    await (
      await sendJson(
        `${server.url}/api/v1/orgs/${org.slug}/scenarios`,
        'POST',
        { name: 'Plan', events: [] },
        bearer(org.tokens.planner),
      )
    ).json()
  ).id as string;

/** A report of a scenario's 4-week mean path (`report`: path and query after /reports/), asked for by the org's viewer. */
const reportOf = (org: OrgFixture, report: string, scenario: string) =>
  fetch(`${server.url}/api/v1/orgs/${org.slug}/reports/${report}&scenario=${scenario}&horizon=4&runs=0`, {
    headers: bearer(org.tokens.viewer),
  });
/** The org's Dashboard view of a scenario's 4-week mean path, asked for by its viewer. */
const dashboard = (org: OrgFixture, scenario: string) => reportOf(org, 'dashboard?groups=50', scenario);
/** The capacity report of a scenario's 4-week mean path in each grain and format a client may ask for. */
const capacityReports = [
  'capacity?grain=team',
  'capacity?format=csv',
  'capacity?grain=week',
  'capacity?grain=week&format=csv',
];

describe('the Dashboard view and the capacity report of a run not stored yet', () => {
  it('answers a viewer of an org of 201 teams 202 with the background job computing it, the same job for the Dashboard and every capacity report while it runs, then the view and the reports', async () => {
    const scenario = await scenarioOf(large);
    const first = await dashboard(large, scenario);
    expect(first.status).toBe(202);
    const job = await first.json();
    expect(job).toMatchObject({ scenarioId: scenario, status: 'queued', runId: null, done: 0 });
    expect(first.headers.get('location')).toBe(`/api/v1/orgs/large/forecast-jobs/${job.id}`);
    expect(first.headers.get('retry-after')).toBe('2');
    const again = await dashboard(large, scenario);
    expect(again.status).toBe(202);
    expect((await again.json()).id).toBe(job.id);
    for (const report of capacityReports) {
      const deferred = await reportOf(large, report, scenario);
      expect([report, deferred.status, deferred.headers.get('content-type')]).toEqual([
        report,
        202,
        'application/json',
      ]);
      expect(deferred.headers.get('location')).toBe(`/api/v1/orgs/large/forecast-jobs/${job.id}`);
      expect(deferred.headers.get('retry-after')).toBe('2');
      expect((await deferred.json()).id).toBe(job.id);
    }

    openGate();
    let state = job;
    while (state.status !== 'done' && state.status !== 'failed') {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const read = await fetch(`${server.url}${first.headers.get('location')}`, {
        headers: bearer(large.tokens.viewer),
      });
      state = await read.json();
    }
    expect(state.status).toBe('done');
    const stored = await dashboard(large, scenario);
    expect(stored.status).toBe(200);
    const view = await stored.json();
    expect(view.runId).toBe(state.runId);
    expect(view.teams.teamCount).toBe(201);
    const report = await reportOf(large, 'capacity?grain=team', scenario);
    expect(report.status).toBe(200);
    expect((await report.json()).rows).toHaveLength(201);
    const csv = await reportOf(large, 'capacity?format=csv', scenario);
    expect(csv.status).toBe(200);
    expect((await csv.text()).trim().split('\r\n')).toHaveLength(1 + 201);
  }, 120_000);

  it('computes the view and the capacity report of an org of 200 teams within the request', async () => {
    const scenario = await scenarioOf(small);
    const response = await dashboard(small, scenario);
    expect(response.status).toBe(200);
    expect((await response.json()).teams.teamCount).toBe(200);
    const report = await reportOf(small, 'capacity?grain=team', await scenarioOf(small));
    expect(report.status).toBe(200);
    expect((await report.json()).rows).toHaveLength(200);
  }, 120_000);
});
