import { randomUUID } from 'node:crypto';
import { Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import type { ForecastInput } from '../../shared/index';
import { ProblemError } from '../errors';
import type { RunsPart } from '../services/engine-tasks';
import type { EngineResult, ForecastEngine, ForecastPool, RunControl } from '../services/forecast-pool';
import { ShapedMerger } from '../services/shaped-merger';
import {
  decodePart,
  inputKey,
  keyTtlSeconds,
  partKey,
  redisConnection,
  type SliceJobData,
  sliceQueueName,
} from './slice-queue';

/** Slices a Monte Carlo input splits into over Redis when the caller does not say. */
const defaultPieces = 10;

/**
 * Runs forecasts as slices on BullMQ over Redis: the input goes to Redis once, each slice of its
 * plan (planSlices) becomes a job that any worker process takes (startSliceWorker), and the parts
 * come back through Redis to be merged into the bytes one thread gives (a run split's raw parts on
 * this process's pool; shaped team parts here, each folded in as it arrives, see ShapedMerger).
 * A slice whose worker dies is retried by another (BullMQ's stalled-job check); one that fails
 * three times fails the forecast. The mean path runs on the local pool.
 */
export class RedisSliceEngine implements ForecastEngine {
  private readonly redis: Redis;
  private readonly queue: Queue<SliceJobData>;
  private readonly events: QueueEvents;

  private readonly connections: Redis[];

  constructor(
    redisUrl: string,
    private readonly pool: ForecastPool,
  ) {
    this.connections = [1, 2, 3].map(() => redisConnection(redisUrl));
    const [redis, queue, events] = this.connections as [Redis, Redis, Redis];
    this.redis = redis;
    this.queue = new Queue<SliceJobData>(sliceQueueName, { connection: queue });
    this.events = new QueueEvents(sliceQueueName, { connection: events });
  }

  async run(input: ForecastInput, control: RunControl = {}): Promise<EngineResult> {
    if (input.options.runs === 0) return this.pool.run(input, control);
    const slices = this.pool.plan(input, control.pieces ?? defaultPieces);
    const forecastId = randomUUID();
    await this.events.waitUntilReady();
    await this.redis.set(inputKey(forecastId), JSON.stringify(input), 'EX', keyTtlSeconds);
    const jobs = await this.queue.addBulk(
      slices.map((slice, index) => ({
        name: 'slice',
        data: { forecastId, index, slice },
        opts: {
          attempts: 3,
          backoff: { type: 'exponential', delay: 1_000 },
          removeOnComplete: 1_000,
          removeOnFail: 1_000,
        },
      })),
    );
    const ttl = control.timeoutMs;
    let done = 0;
    control.onProgress?.(0, slices.length);
    // Run parts are merged on the pool once all are in; shaped team parts are folded in as they come.
    const runParts: RunsPart[] = [];
    const merger = new ShapedMerger(input);
    try {
      await Promise.all(
        jobs.map(async (job, index) => {
          await job.waitUntilFinished(this.events, ttl);
          const bytes = await this.redis.getBuffer(partKey(forecastId, index));
          if (!bytes) throw new Error(`slice ${index} finished without its part in Redis`);
          const part = decodePart(bytes);
          if ('kind' in part) runParts.push(part);
          else merger.add(part);
          control.onProgress?.(++done, slices.length);
        }),
      );
      return runParts.length > 0 ? await this.pool.merge(input, runParts, control.signal) : merger.finish();
    } catch (error) {
      if (error instanceof ProblemError) throw error;
      throw new ProblemError(503, 'Service Unavailable', `The forecast's slices failed: ${String(error)}`);
    } finally {
      await this.redis.del(inputKey(forecastId), ...slices.map((_, index) => partKey(forecastId, index)));
    }
  }

  /** Disconnects from Redis (slices already queued stay for the workers). */
  async close(): Promise<void> {
    await this.events.close();
    await this.queue.close();
    for (const connection of this.connections) connection.disconnect();
  }
}
