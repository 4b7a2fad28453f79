import { randomUUID } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forecastRuns, forecastRunTeams, teams } from '../../server/db/schema';
import { toStoredSeries } from '../../server/services/series-chunks';
import type { Forecast, ForecastRun, TeamAnswer, TeamForecast } from '../../shared/index';
import { bearer, createOrgFixture, type OrgFixture, sendJson } from '../helpers/api-fixture';
import { type AppServer, startAppServer } from '../helpers/app-server';

let server: AppServer;
let org: OrgFixture;
let scenarioId: string;
let run: ForecastRun;
/** A second scenario's run whose digests (not its teams' bands) hold the hand-set figures. */
let digested: { scenarioId: string; run: ForecastRun };
const base = () => `${server.url}/api/v1/orgs/dash`;
const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${base()}${path}`, { headers: { ...bearer(org.tokens.viewer), ...headers } });

/** P50 burnout risk per week (4 weeks) of the three teams, as stored in place of the engine's. */
const burnout = { Alpha: [10, 20, 30, 40], Bravo: [50, 60, 55, 45], Charlie: [5, 5, 5, 5] };

const noBreaches = {
  serviceLevel: null,
  p90WaitHours: null,
  backlogWeeks: null,
  utilization: null,
  burnoutRisk: null,
};

/** One team's answer as stored in the run's summary (only the fields the table shows matter here). */
const answer = (team: TeamForecast, firstBreach: TeamAnswer['firstBreach'], needed: number): TeamAnswer => ({
  teamId: team.id,
  team: team.name,
  firstBreach,
  reviewersToday: 3,
  reviewersNeeded: needed,
  reviewersToAdd: needed - 3,
  peakDate: '2026-04-06',
  maxLayoffPercent: firstBreach ? null : 20,
  peakBurnout: Math.max(...burnout[team.name as keyof typeof burnout]),
  peakBurnoutDate: '2026-04-06',
  drivers: {
    signoffDemand: { today: 1, later: 1 },
    aiSignoffDemand: { today: 1, later: 1 },
    reviewers: { today: 1, later: 1 },
    hoursPerChange: { today: 1, later: 1 },
  },
});

/** Creates a scenario with no events and forecasts its mean path over 4 weeks through the API. */
async function plannedRun(name: string): Promise<{ scenarioId: string; run: ForecastRun }> {
  const created = await sendJson(
    `${base()}/scenarios`,
    'POST',
    { name, events: [] },
    bearer(org.tokens.planner),
  );
  const id = (await created.json()).id;
  const computed = await sendJson(
    `${base()}/scenarios/${id}/forecast`,
    'POST',
    { runs: 0, horizon: 4 },
    bearer(org.tokens.planner),
  );
  expect(computed.status).toBe(201);
  return { scenarioId: id, run: await computed.json() };
}

/**
 * Stores the teams of `run` with burnout series and breaches set by hand (and answers to match)
 * in place of the engine's: `in` says where: `teams` (the chunks, no digests, as a run stored
 * before digests) or `digests` (the engine's own chunks kept, only the digests edited, so a
 * view built from the bands would not show the hand-set figures).
 */
async function storeEdited(run: ForecastRun, where: 'teams' | 'digests') {
  const weeks = run.forecast.weeks;
  const edited: TeamForecast[] = run.forecast.teams.map((team) => {
    const p50 = burnout[team.name as keyof typeof burnout];
    const breaches =
      team.name === 'Alpha'
        ? { ...noBreaches, burnoutRisk: { week: 3, date: weeks[3]! } }
        : team.name === 'Bravo'
          ? {
              ...noBreaches,
              serviceLevel: { week: 2, date: weeks[2]! },
              utilization: { week: 1, date: weeks[1]! },
            }
          : noBreaches;
    return { ...team, metrics: { ...team.metrics, burnoutRisk: { p10: p50, p50, p90: p50 } }, breaches };
  });
  const [alpha, bravo, charlie] = edited as [TeamForecast, TeamForecast, TeamForecast];
  const summary = {
    ...run.summary,
    reviewersNeeded: [3, 4, 0].map((needed, i) => ({
      teamId: edited[i]!.id,
      name: edited[i]!.name,
      peakWeek: 1,
      peakDate: weeks[1]!,
      reviewersPresent: 3,
      reviewersNeeded: needed,
      shortfall: Math.max(0, needed - 3),
    })),
    teams: [
      answer(alpha, { week: 3, date: weeks[3]!, metric: 'burnoutRisk', threshold: 35, value: 40 }, 3),
      answer(bravo, { week: 1, date: weeks[1]!, metric: 'utilization', threshold: 0.9, value: 0.95 }, 4),
      answer(charlie, null, 0),
    ],
  };
  const stored = toStoredSeries({ ...(run.forecast as Forecast), teams: edited });
  const db = server.database.db;
  await db.update(forecastRuns).set({ summary }).where(eq(forecastRuns.id, run.id));
  const chunk = and(eq(forecastRunTeams.runId, run.id), eq(forecastRunTeams.chunk, 0));
  const values =
    where === 'teams'
      ? { teams: Buffer.from(stored.teamChunks[0]!), digest: null }
      : { digest: Buffer.from(stored.teamDigests[0]!) };
  await db.update(forecastRunTeams).set(values).where(chunk);
}

beforeAll(async () => {
  server = await startAppServer({ clock: () => new Date('2026-04-01T09:00:00Z') });
  org = await createOrgFixture(server.database.db, 'dash');
  const headcount = { junior: 2, mid: 4, senior: 3, principal: 1 };
  await server.database.db
    .insert(teams)
    .values(Object.keys(burnout).map((name) => ({ id: randomUUID(), orgId: org.id, name, headcount })));
  ({ scenarioId, run } = await plannedRun('Plan'));
  await storeEdited(run, 'teams');
  digested = await plannedRun('Plan with digests');
  await storeEdited(digested.run, 'digests');
}, 60_000);
afterAll(async () => {
  await server?.close();
});

describe('GET /orgs/{org}/reports/dashboard', () => {
  it.each([
    ["the teams' digests stored with the run", () => ({ ...digested, name: 'Plan with digests' })],
    ["the teams' bands for a run stored before digests", () => ({ scenarioId, run, name: 'Plan' })],
  ])(
    'gives the stored run without its teams, their tally, the burnout heat map grouped by peak rank and the answers as table rows, from %s',
    async (_, stored) => {
      const { scenarioId, run, name } = stored();
      const response = await get(`/reports/dashboard?scenario=${scenarioId}&horizon=4&runs=0&groups=2`);
      expect(response.status).toBe(200);
      const view = await response.json();
      const weeks = run.forecast.weeks;
      const { teams: _teams, ...head } = run.forecast;
      expect(view.forecast).toEqual(head);
      expect(view).toMatchObject({
        scenario: { id: scenarioId, name, version: 1 },
        horizon: 4,
        runs: 0,
        runId: run.id,
        teams: {
          teamCount: 3,
          teamsAtRisk: 2,
          firstBreach: { week: 1, date: weeks[1], metric: 'utilization' },
        },
        reviewersNeeded: 7,
      });
      // Ranked by peak: Bravo 60, Alpha 40, Charlie 5; two groups of 2 and 1. With fewer than ten
      // teams a group's nearest-rank P90 is its highest value.
      expect(view.burnoutGroups).toEqual([
        {
          label: 'Ranks 1-2',
          firstRank: 1,
          teams: 2,
          top: { name: 'Bravo', peak: 60 },
          p90: [50, 60, 55, 45],
          max: [50, 60, 55, 45],
        },
        {
          label: 'Charlie',
          firstRank: 3,
          teams: 1,
          top: { name: 'Charlie', peak: 5 },
          p90: [5, 5, 5, 5],
          max: [5, 5, 5, 5],
        },
      ]);
      const ids = Object.fromEntries(run.forecast.teams.map((team) => [team.name, team.id]));
      expect(view.answers).toEqual([
        {
          teamId: ids.Alpha,
          team: 'Alpha',
          breach: { date: weeks[3], metric: 'burnoutRisk', threshold: 35, value: 40 },
          reviewersToday: 3,
          reviewersNeeded: 3,
          reviewersToAdd: 0,
          maxLayoffPercent: null,
          peakBurnout: 40,
        },
        {
          teamId: ids.Bravo,
          team: 'Bravo',
          breach: { date: weeks[1], metric: 'utilization', threshold: 0.9, value: 0.95 },
          reviewersToday: 3,
          reviewersNeeded: 4,
          reviewersToAdd: 1,
          maxLayoffPercent: null,
          peakBurnout: 60,
        },
        {
          teamId: ids.Charlie,
          team: 'Charlie',
          breach: null,
          reviewersToday: 3,
          reviewersNeeded: 0,
          reviewersToAdd: -3,
          maxLayoffPercent: 20,
          peakBurnout: 5,
        },
      ]);
    },
  );

  it("stores each team's digest with a forecast: its first breach, peak P50 burnout and P50 burnout per week", async () => {
    const { run: fresh } = await plannedRun('Plan as computed');
    const row = await server.database.db
      .select({ digest: forecastRunTeams.digest })
      .from(forecastRunTeams)
      .where(eq(forecastRunTeams.runId, fresh.id))
      .get();
    const digests = JSON.parse(gunzipSync(row!.digest!).toString('utf8'));
    // The earliest of each team's breaches (ties: the order the API lists the metrics in), by hand.
    const expected = fresh.forecast.teams.map((team) => {
      const breaches = Object.entries(team.breaches).filter(([, breach]) => breach);
      const first = breaches.reduce<[string, { week: number; date: string }] | null>(
        (best, [metric, breach]) => (!best || breach!.week < best[1].week ? [metric, breach!] : best),
        null,
      );
      const p50 = team.metrics.burnoutRisk.p50;
      return {
        id: team.id,
        name: team.name,
        first: first && { ...first[1], metric: first[0] },
        peakBurnout: Math.max(...p50),
        p50,
      };
    });
    expect(digests).toEqual(expected);
    expect(digests.map((d: { name: string }) => d.name)).toEqual(['Alpha', 'Bravo', 'Charlie']);
  });

  it('gives one row per team, named after it, when the groups outnumber the teams (default 50)', async () => {
    const view = await (await get(`/reports/dashboard?scenario=${scenarioId}&horizon=4&runs=0`)).json();
    expect(
      view.burnoutGroups.map((g: { label: string; firstRank: number }) => [g.label, g.firstRank]),
    ).toEqual([
      ['Bravo', 1],
      ['Alpha', 2],
      ['Charlie', 3],
    ]);
    expect(view.burnoutGroups[1].p90).toEqual([10, 20, 30, 40]);
  });

  it('is gzipped when accepted and answers 304 to its ETag', async () => {
    const path = `/reports/dashboard?scenario=${scenarioId}&horizon=4&runs=0&groups=2`;
    const zipped = await get(path, { 'accept-encoding': 'gzip' });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    const etag = zipped.headers.get('etag')!;
    await zipped.arrayBuffer();
    const again = await get(path, { 'accept-encoding': 'gzip', 'if-none-match': etag });
    expect(again.status).toBe(304);
  });

  it.each([
    ['groups=0', 'groups'],
    ['groups=201', 'groups'],
    ['groups=many', 'groups'],
    ['horizon=0', 'horizon'],
    ['runs=-1', 'runs'],
  ])('answers 400 problem+json naming the field for %s', async (query, field) => {
    const response = await get(`/reports/dashboard?scenario=${scenarioId}&${query}`);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const errors: { path: string }[] = (await response.json()).errors;
    expect(errors.map((e) => e.path)).toEqual([field]);
  });

  it('answers 404 problem+json for a scenario of no org here', async () => {
    const response = await get('/reports/dashboard?scenario=nope&horizon=4&runs=0');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });
});
