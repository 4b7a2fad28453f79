import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alertDeliveries, alertDeliveryAttempts } from '../../../server/db/alerts-schema';
import { deliverDue } from '../../../server/scheduler/delivery-worker';
import { evaluateRule } from '../../../server/scheduler/evaluate-rule';
import { createTempDb, type TempDatabase } from '../../helpers/temp-db';
import { forecastFixture } from './forecast-fixture';
import { insertOrg, insertRule } from './rule-fixtures';
import { startReceiver } from './webhook-receiver';

const forecastSource = async () => ({
  forecast: forecastFixture(2, { t1: { backlogWeeks: { p10: [3, 3], p50: [3, 3], p90: [3, 3] } } }),
  source: {},
});
const now = new Date('2026-05-04T10:00:00Z');
let database: TempDatabase;

beforeEach(async () => {
  database = await createTempDb();
});
afterEach(() => database.cleanup());

describe('webhook delivery to a closed port', () => {
  it('records the network error without a status and retries after half to all of the base delay', async () => {
    const gone = await startReceiver();
    const url = gone.url;
    await gone.close();
    const rule = await insertRule(database.db, await insertOrg(database.db), { webhookUrl: url });
    await evaluateRule({ db: database.db, forecastSource }, rule, {
      trigger: 'manual',
      scheduledFor: null,
      now,
    });

    await deliverDue({
      db: database.db,
      clock: () => now,
      policy: { maxAttempts: 3, baseMs: 1_000, maxDelayMs: 60_000 },
      timeoutMs: 2_000,
      random: () => 0.5,
      userAgent: 'Reviewload/test',
    });

    const [attempt] = await database.db.select().from(alertDeliveryAttempts).all();
    expect(attempt).toMatchObject({ attempt: 1, statusCode: null, error: expect.stringMatching(/.+/) });
    const [delivery] = await database.db.select().from(alertDeliveries).all();
    expect(delivery).toMatchObject({ status: 'pending', attempts: 1, completedAt: null });
    // Equal jitter with random 0.5: 500 ms fixed + 250 ms drawn.
    expect(delivery!.nextAttemptAt.getTime() - now.getTime()).toBe(750);
  });
});
