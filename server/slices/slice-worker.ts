import { Worker } from 'bullmq';
import type { ForecastInput } from '../../shared/index';
import { ForecastPool } from '../services/forecast-pool';
import {
  encodePart,
  inputKey,
  keyTtlSeconds,
  partKey,
  redisConnection,
  type SliceJobData,
  sliceQueueName,
} from './slice-queue';

export interface SliceWorkerOptions {
  redisUrl: string;
  /** Engine threads of this process; it takes as many slices at once. */
  threads: number;
  /** How long a taken slice stays locked without a renewal; a dead worker's slice is retried after it (ms). */
  lockMs: number;
}

/**
 * A worker process's side of split forecasts: takes slice jobs from the BullMQ queue, runs each
 * on its own engine threads (so the event loop stays free to renew the job's lock), and leaves
 * the part in Redis for the process that merges. A worker that dies mid-slice holds its lock no
 * longer than `lockMs`; then another worker finds the slice stalled and runs it again.
 */
export function startSliceWorker(options: SliceWorkerOptions) {
  const redis = redisConnection(options.redisUrl);
  const queueConnection = redisConnection(options.redisUrl);
  const pool = new ForecastPool({ threads: options.threads, maxQueue: 1_000_000, timeoutMs: 86_400_000 });
  const inputs = new Map<string, Promise<ForecastInput>>();
  const inputOf = (forecastId: string) => {
    let input = inputs.get(forecastId);
    if (!input) {
      input = redis.get(inputKey(forecastId)).then((json) => {
        if (json === null) throw new Error(`forecast ${forecastId}: its input is gone from Redis`);
        return JSON.parse(json) as ForecastInput;
      });
      inputs.set(forecastId, input);
      if (inputs.size > 8) inputs.delete(inputs.keys().next().value!);
    }
    return input;
  };
  const worker = new Worker<SliceJobData, { pid: number }>(
    sliceQueueName,
    async (job) => {
      const { forecastId, index, slice } = job.data;
      const input = await inputOf(forecastId);
      const part = await pool.slice(input, slice);
      await redis.set(partKey(forecastId, index), encodePart(part), 'EX', keyTtlSeconds);
      return { pid: process.pid };
    },
    {
      connection: queueConnection,
      concurrency: options.threads,
      lockDuration: options.lockMs,
      stalledInterval: Math.max(500, Math.floor(options.lockMs / 2)),
      maxStalledCount: 5,
    },
  );
  return {
    worker,
    async close() {
      await worker.close();
      await pool.close();
      redis.disconnect();
      queueConnection.disconnect();
    },
  };
}
