import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { alertDeliveries } from '../../../server/db/alerts-schema';
import type { Logger } from '../../../server/logger';
import { AlertScheduler } from '../../../server/scheduler/alert-scheduler';
import type { ForecastSource } from '../../../server/scheduler/forecast-source';
import { captureLog } from '../../helpers/captured-log';
import { createTempDb, type TempDatabase } from '../../helpers/temp-db';
import { forecastFixture } from './forecast-fixture';
import { insertOrg, insertRule } from './rule-fixtures';
import { startReceiver, type WebhookReceiver } from './webhook-receiver';

const breaching: ForecastSource = async () => ({
  forecast: forecastFixture(2, { t1: { backlogWeeks: { p10: [3, 3], p50: [3, 3], p90: [3, 3] } } }),
  source: {},
});
const tickMs = 1_000;

let database: TempDatabase;
let receiver: WebhookReceiver;
const now = new Date('2026-05-04T10:00:00Z');

beforeEach(async () => {
  database = await createTempDb();
  receiver = await startReceiver();
});
afterEach(async () => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  await receiver.close();
  database.cleanup();
});

const scheduler = (forecastSource = breaching, random?: () => number, logger?: Logger) =>
  new AlertScheduler({
    db: database.db,
    clock: () => now,
    forecastSource,
    config: {
      tickMs,
      leaseMs: 60_000,
      timeoutMs: 2_000,
      retry: { maxAttempts: 3, baseMs: 1_000, maxDelayMs: 60_000 },
      userAgent: 'Reviewload/scheduler-test',
    },
    ...(random ? { random } : {}),
    logger,
  });

describe('AlertScheduler', () => {
  it('evaluates a due rule and sends its alert in one tick, with the configured user agent', async () => {
    await insertRule(database.db, await insertOrg(database.db), { webhookUrl: receiver.url });
    await scheduler().tick();
    expect(receiver.requests).toHaveLength(1);
    expect(receiver.requests[0]?.headers['user-agent']).toBe('Reviewload/scheduler-test');
  });

  it('logs a tick that fails, with its message and stack, instead of throwing', async () => {
    const log = captureLog('error');
    database.close();
    await scheduler(breaching, undefined, log.logger).tick();
    expect(log.lines()).toEqual([
      expect.objectContaining({
        level: 50,
        msg: 'alert scheduler tick failed',
        err: expect.objectContaining({
          message: expect.stringMatching(/.+/),
          stack: expect.stringContaining('    at '),
        }),
      }),
    ]);
  });

  it('retries a failed delivery after a jittered back-off when no random source is given', async () => {
    await receiver.close();
    receiver = await startReceiver([500]);
    await insertRule(database.db, await insertOrg(database.db), { webhookUrl: receiver.url });
    await scheduler().tick();
    const [delivery] = await database.db.select().from(alertDeliveries).all();
    expect(delivery?.status).toBe('pending');
    const wait = (delivery?.nextAttemptAt.getTime() ?? 0) - now.getTime();
    expect(wait).toBeGreaterThanOrEqual(500);
    expect(wait).toBeLessThanOrEqual(1_000);
  });

  it('runs one tick for wakes that arrive while one is already waiting, and ticks again on a later wake', async () => {
    const s = scheduler();
    const tick = vi.spyOn(s, 'tick').mockResolvedValue(undefined);
    s.wake();
    s.wake();
    await s.stop();
    expect(tick).toHaveBeenCalledTimes(1);
    s.wake();
    await s.stop();
    expect(tick).toHaveBeenCalledTimes(2);
  });

  it('ticks at start and then every tickMs until stopped, however often it is started', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const s = scheduler();
    const tick = vi.spyOn(s, 'tick').mockResolvedValue(undefined);
    s.start();
    s.start();
    await vi.advanceTimersByTimeAsync(3 * tickMs);
    await s.stop();
    expect(tick).toHaveBeenCalledTimes(4);
    await vi.advanceTimersByTimeAsync(3 * tickMs);
    expect(tick).toHaveBeenCalledTimes(4);
  });
});
