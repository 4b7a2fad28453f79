import { createServer, type Server } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teams } from '../../server/db/schema';
import { redisConnection, type SliceJobData, sliceQueueName } from '../../server/slices/slice-queue';
import { bearer, createOrgFixture, type OrgFixture, sendJson } from '../helpers/api-fixture';
import { type AppServer, startAppServer } from '../helpers/app-server';
import { freePort } from '../helpers/free-port';
import { type RunningProcess, startRedis, startSliceWorkerProcess } from '../helpers/redis-server';
import { type RunningServer, startServer } from '../helpers/running-server';
import { createTempDb, type TempDatabase } from '../helpers/temp-db';

/** The job both servers run: small enough for a shared 2-core machine, split into 10 slices. */
const job = { runs: 40, seed: 7, horizon: 26 };
const teamIds = Array.from({ length: 6 }, (_, i) => `00000000-0000-4000-8000-00000000000${i}`);
const scenario = { name: 'Plan', events: [{ type: 'layoff', date: '2026-05-04', percent: 10 }] };

/** The same org (same team ids and names) on `db`, with its tokens. */
async function seedOrg(database: TempDatabase): Promise<OrgFixture> {
  const org = await createOrgFixture(database.db, 'acme');
  const headcount = { junior: 2, mid: 3, senior: 2, principal: 1 };
  await database.db
    .insert(teams)
    .values(teamIds.map((id, i) => ({ id, orgId: org.id, name: `Team ${i}`, headcount })));
  return org;
}

/** Runs the job on the server at `url` over the API (polling its progress) and returns the stored forecast's JSON. */
async function forecastOverApi(url: string, org: OrgFixture) {
  const api = `${url}/api/v1/orgs/acme`;
  const planner = bearer(org.tokens.planner);
  const created = await (await sendJson(`${api}/scenarios`, 'POST', scenario, planner)).json();
  const started = await sendJson(`${api}/scenarios/${created.id}/forecast-jobs`, 'POST', job, planner);
  expect(started.status).toBe(201);
  const { id } = await started.json();
  for (;;) {
    const state = await (await fetch(`${api}/forecast-jobs/${id}`, { headers: planner })).json();
    if (state.status === 'failed') throw new Error(`job failed: ${JSON.stringify(state.error)}`);
    if (state.status === 'done') {
      expect(state).toMatchObject({ done: 10, total: 10 });
      const run = await (await fetch(`${api}/forecasts/${state.runId}`, { headers: planner })).json();
      return JSON.stringify(run.forecast);
    }
    await sleep(200);
  }
}

describe('the server with REDIS_URL', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let worker: RunningProcess;
  let database: TempDatabase;
  let server: RunningServer;
  let local: AppServer;

  beforeAll(async () => {
    redis = await startRedis();
    worker = await startSliceWorkerProcess(redis.url);
    database = await createTempDb();
    server = await startServer({ DATABASE_URL: database.url, REDIS_URL: redis.url, LOG_LEVEL: 'silent' });
    local = await startAppServer();
  });
  afterAll(async () => {
    await server?.stop();
    await local?.close();
    database?.cleanup();
    await worker?.stop();
    await redis?.stop();
  });

  it('runs a background forecast through the BullMQ slice worker into the bytes the in-process pool gives', async () => {
    const overRedis = await forecastOverApi(server.url, await seedOrg(database));
    const inProcess = await forecastOverApi(local.url, await seedOrg(local.database));
    expect(overRedis.length).toBeGreaterThan(10_000);
    expect(overRedis).toBe(inProcess);
    // BullMQ leaves a connection it was handed open on close(): without disconnect() it reconnects
    // to the stopped Redis for the rest of the run, in the fork the next test files share.
    const connection = redisConnection(redis.url);
    const queue = new Queue<SliceJobData, { pid: number }>(sliceQueueName, { connection });
    const completed = await queue.getCompleted();
    await queue.close();
    connection.disconnect();
    expect(completed).toHaveLength(10);
    expect(new Set(completed.map((slice) => slice.returnvalue.pid))).toEqual(new Set([worker.process.pid]));
  }, 180_000);
});

describe('the server with a REDIS_URL nobody answers at', () => {
  let database: TempDatabase;
  let silent: Server;
  beforeAll(async () => {
    database = await createTempDb();
    silent = createServer((socket) => socket.on('error', () => undefined));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    silent.close();
    database?.cleanup();
  });

  /** Starts the real server on `redisUrl`; resolves with its exit error and the ms it took. */
  async function failedStart(redisUrl: string) {
    const started = Date.now();
    const error = await startServer({ DATABASE_URL: database.url, REDIS_URL: redisUrl }).then(
      async (server) => {
        await server.stop();
        return new Error('the server started');
      },
      (reason: Error) => reason,
    );
    return { message: error.message, ms: Date.now() - started };
  }

  it('exits with code 1 naming REDIS_URL when the port refuses connections', async () => {
    const port = await freePort();
    const { message } = await failedStart(`redis://127.0.0.1:${port}`);
    expect(message).toMatch(
      new RegExp(
        `exited with 1:[\\s\\S]*Invalid configuration: REDIS_URL: no Redis answered at redis://127\\.0\\.0\\.1:${port} \\(.*ECONNREFUSED`,
      ),
    );
  }, 60_000);

  it('exits with code 1 naming REDIS_URL, its password hidden, when the listener never answers (after the 5 s start-up wait, not a hang)', async () => {
    const { port } = silent.address() as { port: number };
    const { message, ms } = await failedStart(`redis://app:s3cret@127.0.0.1:${port}`);
    expect(message).toMatch(
      new RegExp(
        `exited with 1:[\\s\\S]*REDIS_URL: no Redis answered at redis://app:\\*\\*\\*@127\\.0\\.0\\.1:${port} \\(`,
      ),
    );
    expect(message).not.toContain('s3cret');
    expect(ms).toBeGreaterThanOrEqual(5_000);
    expect(ms).toBeLessThan(45_000);
  }, 60_000);
});
