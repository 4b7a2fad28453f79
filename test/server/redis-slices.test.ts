import { Queue, QueueEvents } from 'bullmq';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { shapeResult } from '../../server/services/engine-tasks';
import { ForecastPool } from '../../server/services/forecast-pool';
import { RedisSliceEngine } from '../../server/slices/redis-slice-engine';
import { redisConnection, type SliceJobData, sliceQueueName } from '../../server/slices/slice-queue';
import { forecastInputSchema, runForecast } from '../../shared/index';
import { type RunningProcess, startRedis, startSliceWorkerProcess } from '../helpers/redis-server';
import { inputWith, storyEvents, teamsOf } from '../shared/fixtures';

let redis: Awaited<ReturnType<typeof startRedis>>;
let pool: ForecastPool;
let engine: RedisSliceEngine;
let queue: Queue<SliceJobData, { pid: number }>;
let connections: ReturnType<typeof redisConnection>[] = [];
/** A connection closed after the tests. */
const connect = () => {
  const connection = redisConnection(redis.url);
  connections.push(connection);
  return connection;
};
let workers: RunningProcess[] = [];

beforeAll(async () => {
  redis = await startRedis();
  pool = new ForecastPool({ threads: 1, maxQueue: 0, timeoutMs: 120_000 });
  engine = new RedisSliceEngine(redis.url, pool);
  queue = new Queue(sliceQueueName, { connection: connect() });
});
afterEach(async () => {
  await Promise.all(workers.map((worker) => worker.stop('SIGKILL')));
  workers = [];
  await queue.obliterate({ force: true });
});
afterAll(async () => {
  await queue.close();
  await engine.close();
  await pool.close();
  for (const connection of connections) connection.disconnect();
  connections = [];
  await redis.stop();
});

/** Pids of the worker processes that completed slices. */
const slicePids = async () => new Set((await queue.getCompleted()).map((job) => job.returnvalue.pid));

describe('forecast slices over Redis', () => {
  it('lets three worker processes share one forecast and merges their slices into the bytes of one process', async () => {
    workers = await Promise.all([1, 2, 3].map(() => startSliceWorkerProcess(redis.url)));
    const input = forecastInputSchema.parse(
      inputWith(storyEvents, { runs: 90, horizonWeeks: 26 }, teamsOf(12)),
    );
    const progress: number[] = [];
    const result = await engine.run(input, { pieces: 9, onProgress: (done) => progress.push(done) });
    expect(result).toEqual(shapeResult(input, runForecast(input)));
    expect(progress).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(await slicePids()).toEqual(new Set(workers.map((worker) => worker.process.pid)));
  }, 180_000);

  it('merges a forecast split by teams, each slice shaped on its worker, into the bytes of one process', async () => {
    workers = await Promise.all([1, 2].map(() => startSliceWorkerProcess(redis.url)));
    // A sample budget of 0 bytes splits by teams: 600 teams are slices of 256, 256 and 88.
    const teamPool = new ForecastPool({ threads: 1, maxQueue: 0, timeoutMs: 120_000, sampleBudgetBytes: 0 });
    const byTeams = new RedisSliceEngine(redis.url, teamPool);
    try {
      const teams = teamsOf(600).map((team, i) => ({ ...team, changesPerWeek: { mid: 0.5 + i / 200 } }));
      const input = forecastInputSchema.parse(inputWith(storyEvents, { runs: 20, horizonWeeks: 6 }, teams));
      const progress: number[] = [];
      const result = await byTeams.run(input, { onProgress: (done) => progress.push(done) });
      expect(progress).toEqual([0, 1, 2, 3]);
      expect(result.teamChunks).toHaveLength(3);
      expect(result).toEqual(shapeResult(input, runForecast(input)));
      expect(teamPool.completedTasks).toBe(0); // no merge task: the parts are folded in as they come
    } finally {
      await byTeams.close();
      await teamPool.close();
    }
  }, 180_000);

  it('retries the slice of a worker killed mid-slice on another worker, losing nothing', async () => {
    const first = await startSliceWorkerProcess(redis.url, { SLICE_LOCK_MS: '1000' });
    workers = [first];
    const events = new QueueEvents(sliceQueueName, { connection: connect() });
    await events.waitUntilReady();
    const taken = new Promise<void>((resolve) => events.once('active', () => resolve()));
    const input = forecastInputSchema.parse(
      inputWith(storyEvents, { runs: 40, horizonWeeks: 52 }, teamsOf(6)),
    );
    const result = engine.run(input, { pieces: 2 });
    await taken;
    await first.stop('SIGKILL');
    const second = await startSliceWorkerProcess(redis.url, { SLICE_LOCK_MS: '1000' });
    workers.push(second);
    expect(await result).toEqual(shapeResult(input, runForecast(input)));
    expect(await slicePids()).toEqual(new Set([second.process.pid]));
    await events.close();
  }, 180_000);
});
