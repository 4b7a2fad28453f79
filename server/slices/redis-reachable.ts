import { Redis } from 'ioredis';

/**
 * How long start-up waits for Redis to answer a PING (ms): a Redis on the same network answers in
 * milliseconds; an unreachable host otherwise holds every background job until its timeout.
 */
export const redisStartupTimeoutMs = 5_000;

/**
 * Resolves once the Redis at `url` answers PING; rejects with the reason (refused, unknown host,
 * wrong password, no answer within `timeoutMs`) after one attempt, without retrying, so a bad
 * REDIS_URL stops the server at start-up instead of leaving jobs waiting on a reconnect loop.
 */
export async function checkRedisReachable(url: string, timeoutMs = redisStartupTimeoutMs): Promise<void> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  let cause: Error | undefined;
  redis.on('error', (error: Error) => {
    cause = error;
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([redis.connect().then(() => redis.ping()), timeout]);
  } catch (error) {
    const reason = (cause ?? (error as Error)).message;
    throw new Error(`no Redis answered at ${redactedUrl(url)} (${reason})`);
  } finally {
    clearTimeout(timer);
    redis.disconnect();
  }
}

/** `url` without its password, for messages. */
const redactedUrl = (url: string): string => url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
