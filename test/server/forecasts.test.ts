import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forecastRuns } from '../../server/db/schema';
import { bearer, createOrgFixture, type OrgFixture, sendJson } from '../helpers/api-fixture';
import { type AppServer, startAppServer } from '../helpers/app-server';

/**
 * One server and org with two teams (never changed by a test). Every test creates the scenarios
 * it forecasts and sets the plan of record it reads, so the tests pass alone and in any order.
 */
let server: AppServer;
let org: OrgFixture;
const base = (slug = 'fc') => `${server.url}/api/v1/orgs/${slug}`;
const post = (path: string, body: unknown) =>
  sendJson(`${base()}${path}`, 'POST', body, bearer(org.tokens.planner));
const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${base()}${path}`, { headers: { ...bearer(org.tokens.viewer), ...headers } });

const policy = { type: 'review-policy', date: '2026-04-06', rules: { junior: { ai: true, human: false } } };

/** A new scenario "Policy" (junior AI changes need senior sign-off from 2026-04-06); its id. */
const newScenario = async (): Promise<string> =>
  (await (await post('/scenarios', { name: 'Policy', events: [policy] })).json()).id;

/** A new scenario made the org's plan of record; its id. */
async function newPlanOfRecord(): Promise<string> {
  const id = await newScenario();
  expect((await post(`/scenarios/${id}/plan-of-record`, {})).status).toBe(200);
  return id;
}

beforeAll(async () => {
  server = await startAppServer({ clock: () => new Date('2026-04-01T09:00:00Z') });
  org = await createOrgFixture(server.database.db, 'fc');
  await post('/teams', {
    name: '=HYPERLINK("http://x")',
    headcount: { junior: 4, mid: 5, senior: 3, principal: 1 },
  });
  await post('/teams', { name: 'Search', headcount: { junior: 2, mid: 3, senior: 2 } });
});
afterAll(async () => {
  await server.close();
});

describe('POST /orgs/{org}/scenarios/{id}/forecast', () => {
  it('stores a new run (201) and returns it again for an unchanged scenario without recomputing (200, cached)', async () => {
    const scenarioId = await newScenario();
    const first = await post(`/scenarios/${scenarioId}/forecast`, { runs: 50, horizon: 12 });
    expect(first.status).toBe(201);
    const run = await first.json();
    expect(run).toMatchObject({
      scenarioId,
      version: 1,
      cached: false,
      options: { runs: 50, horizonWeeks: 12 },
    });
    expect(run.forecast.weeks).toHaveLength(12);
    expect(run.summary).toHaveProperty('reviewersNeeded');
    const again = await post(`/scenarios/${scenarioId}/forecast`, { runs: 50, horizon: 12 });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ id: run.id, cached: true });
    expect(await server.database.db.$count(forecastRuns, eq(forecastRuns.scenarioId, scenarioId))).toBe(1);
  });

  it('computes a new run when the scenario gets a new version', async () => {
    const scenarioId = await newScenario();
    const before = await (await post(`/scenarios/${scenarioId}/forecast`, { runs: 0, horizon: 8 })).json();
    await post(`/scenarios/${scenarioId}/versions`, { name: 'Policy', events: [] });
    const after = await post(`/scenarios/${scenarioId}/forecast`, { runs: 0, horizon: 8 });
    expect(after.status).toBe(201);
    expect((await after.json()).id).not.toBe(before.id);
  });

  it('serves a stored run by id with its weekly P10/P50/P90 series', async () => {
    const scenarioId = await newScenario();
    const run = await (
      await post(`/scenarios/${scenarioId}/forecast`, { runs: 20, horizon: 6, seed: 7 })
    ).json();
    const stored = await (await get(`/forecasts/${run.id}`)).json();
    expect(stored.forecast.org.metrics.backlog).toHaveProperty('p90');
    expect(stored.forecast.org.metrics.backlog.p50).toHaveLength(6);
  });

  it('stores and sends the mean path to six significant digits, p10 = p50 = p90, under 1.5 times a Monte Carlo run (17 digits made it over twice)', async () => {
    const scenarioId = await newScenario();
    const mean = await (await post(`/scenarios/${scenarioId}/forecast`, { runs: 0, horizon: 26 })).text();
    const monteCarlo = await (
      await post(`/scenarios/${scenarioId}/forecast`, { runs: 50, horizon: 26 })
    ).text();
    const { forecast } = JSON.parse(mean);
    const stored = await (await get(`/forecasts/${JSON.parse(mean).id}`)).json();
    expect(stored.forecast).toEqual(forecast);
    const bands = [forecast.org, ...forecast.teams].flatMap(({ metrics }) => [
      ...Object.entries(metrics).flatMap(([key, band]) => (key === 'headcount' ? [] : [band])),
      ...Object.values(metrics.headcount),
    ]) as { p10: number[]; p50: number[]; p90: number[] }[];
    expect(bands).toHaveLength(3 * (16 + 4));
    for (const { p10, p50, p90 } of bands) {
      expect(p10).toEqual(p50);
      expect(p90).toEqual(p50);
      for (const value of p50) expect(Number(value.toPrecision(6))).toBe(value);
    }
    expect(forecast.org.metrics.backlog.p50.some((v: number) => !Number.isInteger(v))).toBe(true);
    expect(mean.length).toBeLessThan(1.5 * monteCarlo.length);
  });

  it('answers 422 naming the field for out-of-range options', async () => {
    const scenarioId = await newScenario();
    const response = await post(`/scenarios/${scenarioId}/forecast`, { runs: 50_000 });
    expect(response.status).toBe(422);
    expect((await response.json()).errors[0].path).toBe('runs');
  });
});

describe('GET /orgs/{org}/reports/capacity', () => {
  it('answers 404 while the org has no plan of record and no scenario is given', async () => {
    const unplanned = await createOrgFixture(server.database.db, 'fc-unplanned');
    const response = await fetch(`${base('fc-unplanned')}/reports/capacity`, {
      headers: bearer(unplanned.tokens.viewer),
    });
    expect(response.status).toBe(404);
  });

  it('returns one JSON row per team for the plan of record', async () => {
    const scenarioId = await newPlanOfRecord();
    const report = await (await get('/reports/capacity?horizon=10')).json();
    expect(report.scenario).toMatchObject({ id: scenarioId, name: 'Policy' });
    expect(report.rows.map((r: { team: string }) => r.team).sort()).toEqual([
      '=HYPERLINK("http://x")',
      'Search',
    ]);
    expect(report.rows[0]).toHaveProperty('reviewerGap');
  });

  it('returns CSV (by format or Accept) that a standard parser reads, with formula cells neutralised', async () => {
    await newPlanOfRecord();
    for (const response of [
      await get('/reports/capacity?horizon=10&format=csv'),
      await get('/reports/capacity?horizon=10', { accept: 'text/csv' }),
    ]) {
      expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
      const records: Record<string, string>[] = parse(await response.text(), { columns: true });
      expect(records).toHaveLength(2);
      expect(Object.keys(records[0]!)).toEqual(
        expect.arrayContaining([
          'team',
          'headcount_today_senior_people',
          'backlog_at_horizon_p90_changes',
          'first_breach_week_p50',
          'reviewer_gap_mean_path_people',
        ]),
      );
      expect(records.map((r) => r.team)).toContain(`'=HYPERLINK("http://x")`);
    }
  });
});
