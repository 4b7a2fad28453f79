import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forecastClaims, forecastRuns } from '../../server/db/schema';
import { ForecastPool } from '../../server/services/forecast-pool';
import { bearer, createOrgFixture, type OrgFixture } from '../helpers/api-fixture';
import { type AppServer, startAppServer } from '../helpers/app-server';

/**
 * Two instances of the app on one database file, each with its own connection, engine pool and
 * runs in flight, as two server processes behind a load balancer. Each pool has one thread whose
 * worker holds every run 1.5 s before the real engine, so a request to the second instance
 * surely arrives while the first computes; each pool's count of finished engine tasks says
 * which instance ran the engine. Claims go stale after 1 s here (FORECAST_CLAIM_STALE_MS).
 */
const staleMs = 1_000;
const env = { FORECAST_CLAIM_STALE_MS: String(staleMs) };
const pools: ForecastPool[] = [];
let first: AppServer;
let second: AppServer;
let org: OrgFixture;

const slowPool = () => {
  const pool = new ForecastPool(
    { threads: 1, maxQueue: 8, timeoutMs: 60_000 },
    {
      filename: new URL('../helpers/stub-forecast-worker.mjs', import.meta.url),
      workerData: { delayMs: 1_500 },
    },
  );
  pools.push(pool);
  return pool;
};

beforeAll(async () => {
  first = await startAppServer({ env, forecastPool: slowPool() });
  second = await startAppServer({ env, forecastPool: slowPool(), sharing: first });
  org = await createOrgFixture(first.database.db, 'claims');
  await post(first, '/teams', { name: 'Checkout', headcount: { mid: 4, senior: 2 } });
});
afterAll(async () => {
  await second.close();
  await first.close();
  await Promise.all(pools.map((pool) => pool.close()));
});

function post(server: AppServer, path: string, body: unknown, signal?: AbortSignal) {
  return fetch(`${server.url}/api/v1/orgs/claims${path}`, {
    method: 'POST',
    headers: { ...bearer(org.tokens.planner), 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal,
  });
}
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const scenario = async (name: string): Promise<string> =>
  (await (await post(first, '/scenarios', { name, events: [] })).json()).id;
const forecast = (server: AppServer, id: string, signal?: AbortSignal) =>
  post(server, `/scenarios/${id}/forecast`, { runs: 40, horizon: 8 }, signal);
/** Engine tasks each instance's pool has finished so far: [first, second]. */
const tasks = () => pools.map((pool) => pool.completedTasks);
const claimRows = () => first.database.db.select().from(forecastClaims).all();

/** The claim of the forecast the first instance is computing (its worker holds the run 1.5 s). */
async function claimWhileComputing() {
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    const [claim] = await claimRows();
    if (claim) return claim;
    await pause(20);
  }
  throw new Error('no claim was written while the first instance computed');
}

describe('one engine run per forecast input across the instances on one database', () => {
  it('a request to the second instance while the first computes the same forecast waits for it: the engine runs once, both answer the same run', async () => {
    const id = await scenario('Both instances');
    const [firstBefore, secondBefore] = tasks();
    const computing = forecast(first, id);
    await claimWhileComputing();
    const waited = await forecast(second, id);
    const computed = await computing;
    expect([computed.status, waited.status]).toEqual([201, 200]);
    const [a, b] = [await computed.json(), await waited.json()];
    expect(b.id).toBe(a.id);
    expect(b.cached).toBe(true);
    const [firstAfter, secondAfter] = tasks();
    expect([firstAfter! - firstBefore!, secondAfter! - secondBefore!]).toEqual([1, 0]);
    expect(await first.database.db.$count(forecastRuns, eq(forecastRuns.scenarioId, id))).toBe(1);
    expect(await claimRows()).toEqual([]);
  });

  it('when the instance computing goes away without a run, the waiting instance computes it itself', async () => {
    const id = await scenario('Abandoned');
    const leaving = new AbortController();
    const abandoned = forecast(first, id, leaving.signal).catch(() => undefined);
    await claimWhileComputing();
    const [, secondBefore] = tasks();
    const waiting = forecast(second, id);
    await pause(300);
    leaving.abort();
    await abandoned;
    const response = await waiting;
    expect(response.status).toBe(201);
    expect(tasks()[1]! - secondBefore!).toBe(1);
    expect(await first.database.db.$count(forecastRuns, eq(forecastRuns.scenarioId, id))).toBe(1);
    expect(await claimRows()).toEqual([]);
  });

  it('a claim left by a process that died is waited for until it goes stale, then taken over', async () => {
    const id = await scenario('Dead process');
    const computing = forecast(first, id);
    const { key } = await claimWhileComputing();
    expect((await computing).status).toBe(201);
    // As a process killed mid-run leaves it: its claim, alive a moment ago, and no stored run.
    await first.database.db.delete(forecastRuns).where(eq(forecastRuns.scenarioId, id));
    await first.database.db.insert(forecastClaims).values({ key, runner: 'gone:1', heartbeatAt: new Date() });
    const [, secondBefore] = tasks();
    const started = Date.now();
    const response = await forecast(second, id);
    const waitedMs = Date.now() - started;
    expect(response.status).toBe(201);
    expect(waitedMs).toBeGreaterThanOrEqual(staleMs);
    expect(tasks()[1]! - secondBefore!).toBe(1);
    expect(await claimRows()).toEqual([]);
  });
});
