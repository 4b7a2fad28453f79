import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { startSliceWorker } from '../slices/slice-worker';

/**
 * `npm run worker`: a forecast slice worker process. REDIS_URL (required) names the Redis the
 * servers queue slices on; FORECAST_THREADS engine threads (default: every core) take that many
 * slices at once; SLICE_LOCK_MS (default 30000) is how long a dead worker's slice stays locked
 * before another worker retries it. Stops on SIGTERM or SIGINT after its slices in hand.
 */
const env = z
  .object({
    REDIS_URL: z.string().regex(/^rediss?:\/\/\S+$/, { error: 'must be a redis:// or rediss:// URL' }),
    FORECAST_THREADS: z.coerce.number().int().min(1).max(256).default(availableParallelism()),
    SLICE_LOCK_MS: z.coerce.number().int().min(500).max(3_600_000).default(30_000),
  })
  .safeParse(process.env);
if (!env.success) {
  const issue = env.error.issues[0];
  process.stderr.write(`${String(issue?.path[0])}: ${issue?.message}\n`);
  process.exit(2);
}
const worker = startSliceWorker({
  redisUrl: env.data.REDIS_URL,
  threads: env.data.FORECAST_THREADS,
  lockMs: env.data.SLICE_LOCK_MS,
});
await worker.worker.waitUntilReady();
process.stdout.write(`slice worker ${process.pid} ready\n`);
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    void worker.close().then(() => process.exit(0));
  });
}
