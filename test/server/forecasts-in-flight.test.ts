import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForecastPool } from '../../server/services/forecast-pool';
import { anyBacklogRule } from '../helpers/alert-rule-body';
import { bearer, createOrgFixture, type OrgFixture } from '../helpers/api-fixture';
import { type AppServer, startAppServer } from '../helpers/app-server';

/**
 * One engine thread with a queue; the worker runs the real engine after holding each run 1.5 s,
 * so a second request surely arrives while the first computes. The pool's count of finished
 * engine tasks says how many times the engine ran (an unsplit run is one task).
 */
let server: AppServer;
let pool: ForecastPool;
let org: OrgFixture;

beforeAll(async () => {
  pool = new ForecastPool(
    { threads: 1, maxQueue: 8, timeoutMs: 60_000 },
    {
      filename: new URL('../helpers/stub-forecast-worker.mjs', import.meta.url),
      workerData: { delayMs: 1_500 },
    },
  );
  server = await startAppServer({ forecastPool: pool });
  org = await createOrgFixture(server.database.db, 'flight');
  await post('/teams', { name: 'Checkout', headcount: { mid: 4, senior: 2 } });
});
afterAll(async () => {
  await server.close();
  await pool.close();
});

function post(path: string, body: unknown, signal?: AbortSignal) {
  return fetch(`${server.url}/api/v1/orgs/flight${path}`, {
    method: 'POST',
    headers: { ...bearer(org.tokens.planner), 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal,
  });
}
const get = async (path: string) =>
  (await fetch(`${server.url}/api/v1/orgs/flight${path}`, { headers: bearer(org.tokens.admin) })).json();
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const scenario = async (name: string): Promise<string> =>
  (await (await post('/scenarios', { name, events: [] })).json()).id;

async function finishedJob(id: string) {
  for (;;) {
    const job = await get(`/forecast-jobs/${id}`);
    if (job.status === 'done' || job.status === 'failed') return job;
    await pause(50);
  }
}

/** Audit entries of stored forecast runs of a scenario. */
async function runAudits(scenarioId: string) {
  const page = await get('/audit?entity=forecast_run&limit=100');
  return page.items.filter((e: { after: { scenarioId: string } }) => e.after.scenarioId === scenarioId);
}

const options = { runs: 40, horizon: 8 };

describe('one engine run per forecast input in flight', () => {
  it('a second identical request while the first computes waits for that run: the engine runs once, both answer the same run and figures', async () => {
    const id = await scenario('Twice');
    const before = pool.completedTasks;
    const first = post(`/scenarios/${id}/forecast`, options);
    await pause(300);
    const second = await post(`/scenarios/${id}/forecast`, options);
    const firstResponse = await first;
    expect([firstResponse.status, second.status]).toEqual([201, 200]);
    const [a, b] = [await firstResponse.json(), await second.json()];
    expect(b.id).toBe(a.id);
    expect({ ...b, cached: false }).toEqual(a);
    expect(pool.completedTasks - before).toBe(1);
    expect(await runAudits(id)).toHaveLength(1);
  });

  it('a background job asked for while a request computes the same forecast ends with that run, the engine run once', async () => {
    const id = await scenario('Job and request');
    const before = pool.completedTasks;
    const request = post(`/scenarios/${id}/forecast`, options);
    await pause(300);
    const job = await (await post(`/scenarios/${id}/forecast-jobs`, options)).json();
    const run = await (await request).json();
    expect(await finishedJob(job.id)).toMatchObject({ status: 'done', runId: run.id });
    expect(pool.completedTasks - before).toBe(1);
    expect(await runAudits(id)).toHaveLength(1);
  });

  it('a request that goes away does not cancel the run a job waits for', async () => {
    const id = await scenario('Left');
    const before = pool.completedTasks;
    const leaving = new AbortController();
    const request = post(`/scenarios/${id}/forecast`, options, leaving.signal).catch(() => undefined);
    await pause(300);
    const job = await (await post(`/scenarios/${id}/forecast-jobs`, options)).json();
    await pause(200);
    leaving.abort();
    await request;
    const end = await finishedJob(job.id);
    expect(end).toMatchObject({ status: 'done', error: null });
    expect(pool.completedTasks - before).toBe(1);
    const stored = await post(`/scenarios/${id}/forecast`, options);
    expect(stored.status).toBe(200);
    expect((await stored.json()).id).toBe(end.runId);
  });

  it("an alert rule's dry run while a request computes the plan of record's same forecast waits for that run: the engine runs once", async () => {
    const id = await scenario('Plan with a rule');
    expect((await post(`/scenarios/${id}/plan-of-record`, {})).status).toBe(200);
    const rule = await (await post('/alert-rules', anyBacklogRule('http://127.0.0.1:9/never-sent'))).json();
    const before = pool.completedTasks;
    // The Dashboard's request: the plan of record over the rule's look-ahead, default runs.
    const request = post(`/scenarios/${id}/forecast`, { horizon: 4 });
    await pause(300);
    const dryRun = await post(`/alert-rules/${rule.id}/dry-run`, undefined);
    expect(dryRun.status).toBe(200);
    expect((await dryRun.json()).wouldOpen.map((a: { teamName: string }) => a.teamName)).toEqual([
      'Checkout',
    ]);
    expect((await request).status).toBe(201);
    expect(pool.completedTasks - before).toBe(1);
    expect(await runAudits(id)).toHaveLength(1);
  });

  it('two capacity reports of a run not stored yet, asked for at once, wait for one engine run with a forecast request of the same input', async () => {
    const id = await scenario('Reported thrice');
    const before = pool.completedTasks;
    const report = () =>
      fetch(`${server.url}/api/v1/orgs/flight/reports/capacity?scenario=${id}&horizon=8&runs=40`, {
        headers: bearer(org.tokens.planner),
      });
    const first = report();
    await pause(300);
    const [second, forecast] = await Promise.all([report(), post(`/scenarios/${id}/forecast`, options)]);
    const responses = [await first, second];
    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    expect(forecast.status).toBe(200);
    const [a, b] = await Promise.all(responses.map((r) => r.json()));
    expect(b).toEqual(a);
    expect(a.rows.map((row: { team: string }) => row.team)).toEqual(['Checkout']);
    expect(pool.completedTasks - before).toBe(1);
    expect(await runAudits(id)).toHaveLength(1);
  });
});
