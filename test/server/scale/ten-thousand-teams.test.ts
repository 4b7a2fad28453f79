import { setTimeout as sleep } from 'node:timers/promises';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forecastJobs, forecastRunTeams } from '../../../server/db/schema';
import { bearer, createOrgFixture, type OrgFixture, sendJson } from '../../helpers/api-fixture';
import { type AppServer, startAppServer } from '../../helpers/app-server';
import { equalTeamName, insertEqualTeams } from '../../helpers/equal-teams';
import { getStream, readStreamedRun } from '../../helpers/streamed-run';

const TEAMS = 10_000;
/** A quarter: the org's size is what is tested; 52 weeks is the same code with four times the work. */
const WEEKS = 13;

let server: AppServer;
let org: OrgFixture;
let scenarioId: string;
const ids: string[] = [];
const base = () => `${server.url}/api/v1/orgs/huge`;
const get = (path: string) => fetch(`${base()}${path}`, { headers: bearer(org.tokens.viewer) });

/**
 * Waits for a job to finish, reading its row (not polling over HTTP: under load a kept-alive
 * poll socket can meet the server closing it, which is no part of what is tested here).
 */
async function finishedJob(id: string) {
  for (;;) {
    const job = await server.database.db.select().from(forecastJobs).where(eq(forecastJobs.id, id)).get();
    if (job?.status === 'done' || job?.status === 'failed') return job;
    await sleep(250);
  }
}

beforeAll(async () => {
  server = await startAppServer({
    clock: () => new Date('2026-04-01T09:00:00Z'),
    env: { FORECAST_TIMEOUT_MS: '1200000', FORECAST_JOB_TIMEOUT_MS: '1200000' },
  });
  org = await createOrgFixture(server.database.db, 'huge');
  ids.push(...(await insertEqualTeams(server.database.db, org.id, TEAMS)));
  const created = await sendJson(
    `${base()}/scenarios`,
    'POST',
    { name: 'Plan', events: [{ type: 'layoff', date: '2026-05-04', percent: 10 }] },
    bearer(org.tokens.planner),
  );
  scenarioId = (await created.json()).id;
}, 120_000);
afterAll(async () => {
  await server?.close();
});

describe('an org of 10,000 teams (100,000 engineers)', () => {
  it('forecasts its mean path as a job, stores it in 40 team chunks and reads the whole run back from GET /forecasts/{runId}, parsed team by team as it arrives', async () => {
    const started = await sendJson(
      `${base()}/scenarios/${scenarioId}/forecast-jobs`,
      'POST',
      { runs: 0, horizon: WEEKS },
      bearer(org.tokens.planner),
    );
    expect(started.status).toBe(201);
    const job = await finishedJob((await started.json()).id);
    expect(job).toMatchObject({ status: 'done', error: null });
    const stored = await server.database.db
      .select({ chunks: count() })
      .from(forecastRunTeams)
      .where(eq(forecastRunTeams.runId, job.runId!))
      .get();
    expect(stored?.chunks).toBe(40);

    const response = await getStream(`${base()}/forecasts/${job.runId}`, bearer(org.tokens.viewer));
    expect(response.status).toBe(200);
    const run = await readStreamedRun(response.body);
    expect(run.bytes).toBeGreaterThan(20 * 2 ** 20);
    expect(run.head.id).toBe(job.runId);
    expect(run.head.forecast).toMatchObject({ mode: 'mean', runs: 0 });
    expect(run.head.forecast.weeks).toHaveLength(WEEKS);
    expect(run.teamIds).toEqual(ids);
    expect(run.firstTeam?.metrics.backlog?.p10).toHaveLength(WEEKS);
  }, 1_200_000);

  it('forecasts the mean path, stored in team chunks, and streams the capacity report as CSV (one row per team) and pages the week grain by 256 teams', async () => {
    const query = `scenario=${scenarioId}&horizon=${WEEKS}&runs=0`;
    const csv = await get(`/reports/capacity?${query}&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-length')).toBeNull();
    const lines = (await csv.text()).split('\r\n');
    expect(lines).toHaveLength(1 + TEAMS + 1);
    expect(lines[1]).toContain(`,${equalTeamName(0)},${ids[0]},`);
    expect(lines.at(-1)).toBe('');

    const first = await (await get(`/reports/capacity?${query}&grain=week`)).json();
    expect(first.rows).toHaveLength(256 * WEEKS);
    expect(first.rows[0]).toMatchObject({ teamId: ids[0], week: '2026-03-30' });
    const second = await (
      await get(`/reports/capacity?${query}&grain=week&cursor=${first.nextCursor}`)
    ).json();
    expect(second.rows[0]).toMatchObject({ teamId: ids[256], week: '2026-03-30' });
    const bad = await get(`/reports/capacity?${query}&grain=week&cursor=bm9wZQ`);
    expect(bad.status).toBe(400);
  }, 1_200_000);
});
