import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { forecastJobs, scenarios, scenarioVersions, teams } from '../../server/db/schema';
import { ForecastJobs, maxJobAttempts } from '../../server/services/forecast-jobs';
import { ForecastPool } from '../../server/services/forecast-pool';
import { createOrgFixture } from '../helpers/api-fixture';
import { createTempDb, type TempDatabase } from '../helpers/temp-db';

let database: TempDatabase | undefined;
let pool: ForecastPool | undefined;
afterEach(async () => {
  await pool?.close();
  database?.cleanup();
});

const now = new Date('2026-04-01T09:00:00Z');

/**
 * A database with one org, team and scenario, and a job left `running` (or `status`) by a process
 * that died at `lastBeat` (null: a queued row from before queued jobs beat, created at `createdAt`).
 */
async function abandonedJob(
  attempts: number,
  lastBeat: Date | null,
  status: 'running' | 'queued' = 'running',
  createdAt = now,
) {
  database = await createTempDb();
  const { db } = database;
  const org = await createOrgFixture(db, 'stale');
  await db.insert(teams).values({ id: randomUUID(), orgId: org.id, name: 'Core', headcount: { senior: 3 } });
  const scenarioId = randomUUID();
  await db
    .insert(scenarios)
    .values({ id: scenarioId, orgId: org.id, name: 'Plan', latestVersion: 1, updatedAt: now });
  await db.insert(scenarioVersions).values({
    id: randomUUID(),
    scenarioId,
    version: 1,
    body: { name: 'Plan', events: [] },
    createdBy: 'test',
  });
  const id = randomUUID();
  await db.insert(forecastJobs).values({
    id,
    orgId: org.id,
    scenarioId,
    request: { runs: 0, horizon: 4 },
    status,
    attempts,
    heartbeatAt: lastBeat,
    createdAt,
  });
  pool = new ForecastPool({ threads: 1, maxQueue: 0, timeoutMs: 60_000 });
  const jobs = new ForecastJobs({ db, engine: pool, clock: () => now, timeoutMs: 60_000, staleMs: 60_000 });
  const row = async () => (await db.select().from(forecastJobs).where(eq(forecastJobs.id, id)).get())!;
  return { id, jobs, row };
}

describe('stale forecast jobs (their process died)', () => {
  it('starts a running job silent for longer than staleMs again, and it ends done with a run', async () => {
    const { id, jobs, row } = await abandonedJob(1, new Date(now.getTime() - 61_000));
    expect(await jobs.recoverStale()).toEqual([id]);
    await jobs.idle();
    expect(await row()).toMatchObject({ status: 'done', attempts: 2, error: null });
    expect((await row()).runId).not.toBeNull();
  }, 60_000);

  it('runs a queued job whose process died before starting it (silent for longer than staleMs)', async () => {
    const { id, jobs, row } = await abandonedJob(0, new Date(now.getTime() - 61_000), 'queued');
    expect(await jobs.recoverStale()).toEqual([id]);
    await jobs.idle();
    expect(await row()).toMatchObject({ status: 'done', attempts: 1, error: null });
    expect((await row()).runId).not.toBeNull();
  }, 60_000);

  it('runs a queued job without a heartbeat once it is older than staleMs, and leaves a newer one queued', async () => {
    const old = await abandonedJob(0, null, 'queued', new Date(now.getTime() - 61_000));
    expect(await old.jobs.recoverStale()).toEqual([old.id]);
    await old.jobs.idle();
    expect(await old.row()).toMatchObject({ status: 'done', attempts: 1 });
    await pool?.close();
    database?.cleanup();
    const recent = await abandonedJob(0, null, 'queued', new Date(now.getTime() - 30_000));
    expect(await recent.jobs.recoverStale()).toEqual([]);
    expect(await recent.row()).toMatchObject({ status: 'queued', attempts: 0 });
  }, 60_000);

  it('leaves a job alone while its heartbeat is recent', async () => {
    const { jobs, row } = await abandonedJob(1, new Date(now.getTime() - 59_000));
    expect(await jobs.recoverStale()).toEqual([]);
    expect(await row()).toMatchObject({ status: 'running', attempts: 1 });
  });

  it(`fails a stale job already started ${maxJobAttempts} times instead of starting it again`, async () => {
    const { id, jobs, row } = await abandonedJob(maxJobAttempts, new Date(now.getTime() - 120_000));
    expect(await jobs.recoverStale()).toEqual([id]);
    expect(await row()).toMatchObject({
      status: 'failed',
      runId: null,
      error: {
        status: 500,
        detail: 'The process running the forecast stopped 2 times; it is not started again.',
      },
    });
  });
});
