import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config';
import { alertDeliveries } from '../../../server/db/alerts-schema';
import { createAlertScheduler } from '../../../server/scheduler/create-alert-scheduler';
import { evaluateRule } from '../../../server/scheduler/evaluate-rule';
import { ForecastPool } from '../../../server/services/forecast-pool';
import { captureLog } from '../../helpers/captured-log';
import { createTempDb, type TempDatabase } from '../../helpers/temp-db';
import { forecastFixture } from './forecast-fixture';
import { insertOrg, insertRule } from './rule-fixtures';
import { startReceiver, type WebhookReceiver } from './webhook-receiver';

const breaching = async () => ({
  forecast: forecastFixture(2, { t1: { backlogWeeks: { p10: [3, 3], p50: [3, 3], p90: [3, 3] } } }),
  source: {},
});

let database: TempDatabase;
let receiver: WebhookReceiver;
/** Never asked for a forecast here: deliveries only send what the outbox holds. Starts no thread until used. */
let pool: ForecastPool;
let now: Date;

beforeEach(async () => {
  database = await createTempDb();
  pool = new ForecastPool({ threads: 1, maxQueue: 0, timeoutMs: 10_000 });
  now = new Date('2026-05-04T10:00:00Z');
});
afterEach(async () => {
  await receiver.close();
  await pool.close();
  database.cleanup();
});

describe('createAlertScheduler', () => {
  it('sends as Reviewload/<version> (+webhook), retries after ALERT_RETRY_BASE_MS with jitter and gives up after ALERT_MAX_ATTEMPTS', async () => {
    receiver = await startReceiver([500, 500, 500]);
    const config = loadConfig({ ALERT_RETRY_BASE_MS: '20000', ALERT_MAX_ATTEMPTS: '2' }, '9.8.7');
    const rule = await insertRule(database.db, await insertOrg(database.db), { webhookUrl: receiver.url });
    await evaluateRule({ db: database.db, forecastSource: breaching }, rule, {
      trigger: 'manual',
      scheduledFor: null,
      now,
    });
    const scheduler = createAlertScheduler({
      db: database.db,
      clock: () => now,
      config,
      forecastPool: pool,
      logger: captureLog('error').logger,
    });

    expect(await scheduler.deliver()).toBe(1);
    expect(receiver.requests[0]?.headers['user-agent']).toBe('Reviewload/9.8.7 (+webhook)');
    const [pending] = await database.db.select().from(alertDeliveries).all();
    expect(pending).toMatchObject({ status: 'pending', attempts: 1 });
    // Equal jitter on a 20 s base: half fixed, half drawn, so 10 s to 20 s.
    const wait = (pending?.nextAttemptAt.getTime() ?? 0) - now.getTime();
    expect(wait).toBeGreaterThanOrEqual(10_000);
    expect(wait).toBeLessThanOrEqual(20_000);

    now = new Date(now.getTime() + wait);
    expect(await scheduler.deliver()).toBe(1);
    const [failed] = await database.db.select().from(alertDeliveries).all();
    expect(failed).toMatchObject({ status: 'failed', attempts: 2 });
    expect(receiver.requests).toHaveLength(2);
  });
});
