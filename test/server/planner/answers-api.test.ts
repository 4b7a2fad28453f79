import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createOrgFixture, type OrgFixture, sendJson } from '../../helpers/api-fixture';
import { type AppServer, startAppServer } from '../../helpers/app-server';

/**
 * Team answers, thresholds and the HR report over real HTTP on a temp database. One org with two
 * teams; every test that changes the thresholds restores the defaults before it ends.
 */
let server: AppServer;
let org: OrgFixture;
const base = () => `${server.url}/api/v1/orgs/ans`;
const as = (role: 'admin' | 'planner' | 'viewer') => bearer(org.tokens[role]);
const post = (path: string, body: unknown) => sendJson(`${base()}${path}`, 'POST', body, as('planner'));
const get = (path: string) => fetch(`${base()}${path}`, { headers: as('viewer') });

/** The engine defaults as the design brief and options.ts state them (hand-copied, not imported). */
const defaults = {
  targetWaitHours: 16,
  serviceLevel: 0.8,
  p90WaitHours: 40,
  backlogWeeks: 2,
  utilization: 0.85,
  burnoutRisk: 50,
};
/** Thresholds no value can cross: service level never below 0, the others at their upper bounds. */
const lenient = {
  serviceLevel: 0,
  p90WaitHours: 10_000,
  backlogWeeks: 260,
  utilization: 10,
  burnoutRisk: 100,
};

const newScenario = async (name: string): Promise<string> =>
  (await (await post('/scenarios', { name, events: [] })).json()).id;

beforeAll(async () => {
  server = await startAppServer({ clock: () => new Date('2026-04-01T09:00:00Z') });
  org = await createOrgFixture(server.database.db, 'ans');
  await post('/teams', { name: 'Search', headcount: { junior: 2, mid: 3, senior: 2, principal: 0 } });
  await post('/teams', { name: 'Checkout', headcount: { junior: 4, mid: 5, senior: 3, principal: 1 } });
});
afterAll(async () => {
  await server.close();
});

describe('breach thresholds per org', () => {
  it('reads the defaults with a cited source for each, until an admin stores others', async () => {
    const body = await (await get('/thresholds')).json();
    expect(body.thresholds).toEqual(defaults);
    expect(body.custom).toBe(false);
    expect(body.info.map((i: { key: string }) => i.key).sort()).toEqual(Object.keys(defaults).sort());
    for (const info of body.info) expect(info.source.length).toBeGreaterThan(10);
  });

  it('lets an admin change one threshold (others kept), refuses planners, and restores the defaults', async () => {
    const url = `${base()}/thresholds`;
    expect((await sendJson(url, 'PATCH', { utilization: 0.9 }, as('planner'))).status).toBe(403);
    const changed = await sendJson(url, 'PATCH', { utilization: 0.9 }, as('admin'));
    expect(changed.status).toBe(200);
    expect((await changed.json()).thresholds).toEqual({ ...defaults, utilization: 0.9 });
    expect((await (await get('/thresholds')).json()).custom).toBe(true);
    const reset = await fetch(url, { method: 'DELETE', headers: as('admin') });
    expect((await reset.json()).thresholds).toEqual(defaults);
  });

  it('answers 422 naming the field for a bad value, and stores nothing', async () => {
    const response = await sendJson(`${base()}/thresholds`, 'PATCH', { utilization: 'high' }, as('admin'));
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toMatch(/problem\+json/);
    expect((await response.json()).errors.map((e: { path: string }) => e.path)).toContain('utilization');
    expect((await (await get('/thresholds')).json()).thresholds).toEqual(defaults);
  });

  it('drives later forecasts: with thresholds no value can cross, no team breaches and the run names them', async () => {
    await sendJson(`${base()}/thresholds`, 'PATCH', lenient, as('admin'));
    try {
      const id = await newScenario('Lenient');
      const run = await (await post(`/scenarios/${id}/forecast`, { runs: 20, horizon: 6 })).json();
      expect(run.options.thresholds).toEqual({ ...defaults, ...lenient });
      expect(run.summary.teams.map((t: { firstBreach: unknown }) => t.firstBreach)).toEqual([null, null]);
    } finally {
      await fetch(`${base()}/thresholds`, { method: 'DELETE', headers: as('admin') });
    }
  });
});

describe('team answers in the forecast and the report', () => {
  it('gives every team the same answers in the forecast summary and the capacity report of that version', async () => {
    const id = await newScenario('Same numbers');
    const run = await (await post(`/scenarios/${id}/forecast`, { runs: 500, horizon: 8 })).json();
    const report = await (await get(`/reports/capacity?scenario=${id}&horizon=8`)).json();
    expect(report.runId).toBe(run.id);
    expect(report.runs).toBe(500);
    for (const answer of run.summary.teams) {
      const row = report.rows.find((r: { teamId: string }) => r.teamId === answer.teamId);
      expect(row).toMatchObject({
        reviewersNeeded: answer.reviewersNeeded,
        reviewerGap: answer.reviewersToAdd,
        maxLayoffPercent: answer.maxLayoffPercent,
        burnoutRisk: answer.peakBurnout,
        firstBreachWeek: answer.firstBreach?.date ?? '',
        firstBreachValue: answer.firstBreach?.value ?? null,
      });
      if (answer.firstBreach) {
        const { metric, threshold, value } = answer.firstBreach;
        expect(threshold).toBe(defaults[metric as keyof typeof defaults]);
        if (metric === 'serviceLevel') expect(value).toBeLessThan(threshold);
        else expect(value).toBeGreaterThan(threshold);
      }
    }
  });

  it("gives the org's peak P50 burnout and its first week in the team report, read on the run of its rows", async () => {
    const id = await newScenario('Org peak');
    const run = await (await post(`/scenarios/${id}/forecast`, { runs: 50, horizon: 6 })).json();
    const report = await (await get(`/reports/capacity?scenario=${id}&horizon=6&runs=50`)).json();
    expect(report.runId).toBe(run.id);
    const p50: number[] = run.forecast.org.metrics.burnoutRisk.p50;
    const peak = Math.max(...p50);
    expect(report.org).toEqual({
      peakBurnoutP50: peak,
      peakBurnoutWeek: run.forecast.weeks[p50.indexOf(peak)],
    });
    const weekly = await (await get(`/reports/capacity?scenario=${id}&horizon=6&runs=50&grain=week`)).json();
    expect(weekly.org).toBeUndefined();
  });

  it('reports an older version on request, with its name and version in every CSV row', async () => {
    const id = await newScenario('Versions');
    await post(`/scenarios/${id}/versions`, { name: 'Versions v2', events: [] });
    const csv = await (await get(`/reports/capacity?scenario=${id}&version=1&horizon=4&format=csv`)).text();
    const rows: Record<string, string>[] = parse(csv, { columns: true });
    expect(rows.map((r) => [r.scenario, r.scenario_version])).toEqual([
      ['Versions', '1'],
      ['Versions', '1'],
    ]);
  });

  it('writes team rows whose headers name percentile and unit, with today’s roster as posted', async () => {
    const id = await newScenario('Headers');
    const csv = await (await get(`/reports/capacity?scenario=${id}&horizon=4&format=csv`)).text();
    const [header] = parse(csv, { to_line: 1 }) as string[][];
    expect(header).toEqual([
      'scenario',
      'scenario_version',
      'forecast_runs',
      'team',
      'team_id',
      'headcount_today_junior_people',
      'headcount_today_mid_people',
      'headcount_today_senior_people',
      'headcount_today_principal_people',
      'headcount_at_horizon_junior_p50_people',
      'headcount_at_horizon_mid_p50_people',
      'headcount_at_horizon_senior_p50_people',
      'headcount_at_horizon_principal_p50_people',
      'signoff_demand_p50_changes_per_week',
      'signoff_capacity_p50_changes_per_week',
      'utilization_p50_share',
      'backlog_at_horizon_p50_changes',
      'backlog_at_horizon_p90_changes',
      'first_breach_week_p50',
      'first_breach_metric',
      'first_breach_threshold',
      'first_breach_value_p50',
      'peak_burnout_risk_p50_index',
      'reviewers_today_p50_people',
      'reviewers_needed_mean_path_people',
      'reviewer_gap_mean_path_people',
      'max_absorbable_layoff_mean_path_percent',
      'model_error',
    ]);
    const rows: Record<string, string>[] = parse(csv, { columns: true });
    const search = rows.find((r) => r.team === 'Search')!;
    expect([
      search.headcount_today_junior_people,
      search.headcount_today_mid_people,
      search.headcount_today_senior_people,
      search.headcount_today_principal_people,
      search.forecast_runs,
    ]).toEqual(['2', '3', '2', '0', '500']);
  });

  it('gives team x week rows with ?grain=week: every team for each Monday of the horizon', async () => {
    const id = await newScenario('Weekly');
    const report = await (await get(`/reports/capacity?scenario=${id}&horizon=3&grain=week`)).json();
    expect(report.grain).toBe('week');
    expect(report.rows.map((r: { team: string; week: string }) => `${r.team} ${r.week}`).sort()).toEqual([
      'Checkout 2026-03-30',
      'Checkout 2026-04-06',
      'Checkout 2026-04-13',
      'Search 2026-03-30',
      'Search 2026-04-06',
      'Search 2026-04-13',
    ]);
    const csv = await (await get(`/reports/capacity?scenario=${id}&horizon=3&grain=week&format=csv`)).text();
    const rows: Record<string, string>[] = parse(csv, { columns: true });
    expect(rows).toHaveLength(6);
    expect(Object.keys(rows[0]!)).toEqual(
      expect.arrayContaining([
        'week',
        'headcount_senior_p50_people',
        'burnout_risk_p90_index',
        'scenario_version',
      ]),
    );
  });
});
