import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForecastPool } from '../../server/services/forecast-pool';
import { bearer, createOrgFixture, type OrgFixture } from '../helpers/api-fixture';
import { type AppServer, startAppServer } from '../helpers/app-server';

/**
 * One engine thread and no queue, each run held 1.5 s by the test worker: a second forecast
 * while one runs is refused, and a forecast whose client left frees the thread.
 */
let server: AppServer;
let pool: ForecastPool;
let org: OrgFixture;
const scenarioIds: string[] = [];

beforeAll(async () => {
  pool = new ForecastPool(
    { threads: 1, maxQueue: 0, timeoutMs: 30_000 },
    {
      filename: new URL('../helpers/stub-forecast-worker.mjs', import.meta.url),
      workerData: { delayMs: 1_500 },
    },
  );
  server = await startAppServer({ forecastPool: pool });
  org = await createOrgFixture(server.database.db, 'busy');
  await post('/teams', { name: 'Checkout', headcount: { mid: 4, senior: 2 } });
  for (const name of ['First', 'Second', 'Third'])
    scenarioIds.push((await (await post('/scenarios', { name, events: [] })).json()).id);
});
afterAll(async () => {
  await server.close();
  await pool.close();
});

function post(path: string, body: unknown, signal?: AbortSignal) {
  return fetch(`${server.url}/api/v1/orgs/busy${path}`, {
    method: 'POST',
    headers: { ...bearer(org.tokens.planner), 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal,
  });
}
const forecast = (id: string, signal?: AbortSignal) =>
  post(`/scenarios/${id}/forecast`, { horizon: 4 }, signal);

describe('forecasts under load', () => {
  it('answers 503 problem+json with Retry-After when every thread is busy and the queue is full', async () => {
    const running = forecast(scenarioIds[0]!);
    await new Promise((r) => setTimeout(r, 300));
    const refused = await forecast(scenarioIds[1]!);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(await refused.json()).toMatchObject({
      status: 503,
      detail: 'All 1 forecast workers are busy and 0 forecasts wait; retry shortly.',
    });
    expect((await running).status).toBe(201);
  });

  it('stops the run of a client that disconnects, so the next forecast gets the thread', async () => {
    const client = new AbortController();
    const left = forecast(scenarioIds[2]!, client.signal).catch((error: Error) => error.name);
    await new Promise((r) => setTimeout(r, 300));
    client.abort();
    expect(await left).toBe('AbortError');
    await new Promise((r) => setTimeout(r, 100));
    const next = await forecast(scenarioIds[1]!);
    expect(next.status).toBe(201);
    expect((await next.json()).forecast.weeks).toHaveLength(4);
  });
});
