import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  alertDeliveries,
  alertEvaluationJobs,
  alertEvaluations,
  alertRules,
  alerts,
} from '../../../server/db/alerts-schema';
import { AlertScheduler } from '../../../server/scheduler/alert-scheduler';
import {
  abandonedError,
  claimJob,
  queueDueRules,
  runJob,
  runQueuedJobs,
} from '../../../server/scheduler/evaluation-jobs';
import type { ForecastSource } from '../../../server/scheduler/forecast-source';
import { createTempDb, type TempDatabase } from '../../helpers/temp-db';
import { forecastFixture } from './forecast-fixture';
import { insertOrg, insertRule } from './rule-fixtures';
import { startReceiver, type WebhookReceiver } from './webhook-receiver';

/** Team t1's P90 backlog is 3 weeks: above the fixture rule's threshold of 2. */
const breaching: ForecastSource = async () => ({
  forecast: forecastFixture(2, { t1: { backlogWeeks: { p10: [3, 3], p50: [3, 3], p90: [3, 3] } } }),
  source: {},
});
const leaseMs = 60_000;
const slot = new Date('2026-05-04T10:00:00Z');

let database: TempDatabase;
let receiver: WebhookReceiver;
let now: Date;

beforeEach(async () => {
  database = await createTempDb();
  receiver = await startReceiver();
  now = slot;
});
afterEach(async () => {
  await receiver.close();
  database.cleanup();
});

const deps = (holder: string, forecastSource = breaching) => ({
  db: database.db,
  clock: () => now,
  forecastSource,
  holder,
  leaseMs,
});
const scheduler = () =>
  new AlertScheduler({
    db: database.db,
    clock: () => now,
    forecastSource: breaching,
    config: {
      tickMs: 1_000,
      leaseMs,
      timeoutMs: 2_000,
      retry: { maxAttempts: 3, baseMs: 1_000, maxDelayMs: 60_000 },
      userAgent: 'Reviewload/jobs-test',
    },
    random: () => 0.5,
  });
const jobs = () => database.db.select().from(alertEvaluationJobs).all();
const count = async (table: typeof alerts | typeof alertEvaluations | typeof alertDeliveries) =>
  (await database.db.select().from(table).all()).length;

describe('scheduled alert evaluations as jobs', () => {
  it('run a job a dead process left running once its claim expires, and deliver its alert once', async () => {
    await insertRule(database.db, await insertOrg(database.db), { webhookUrl: receiver.url });
    await queueDueRules({ db: database.db, clock: () => now });
    // The dead process claimed the job and never finished it.
    expect(await claimJob(deps('dead'))).toMatchObject({ status: 'running', attempts: 1 });

    const restarted = scheduler();
    now = new Date(slot.getTime() + leaseMs - 1);
    await restarted.tick();
    expect(receiver.requests).toHaveLength(0);
    expect(await jobs()).toMatchObject([{ status: 'running', holder: 'dead' }]);

    now = new Date(slot.getTime() + leaseMs);
    await restarted.tick();
    await restarted.tick();
    expect(receiver.requests).toHaveLength(1);
    expect(JSON.parse(receiver.requests[0]?.body ?? '{}')).toMatchObject({ type: 'alert.opened' });
    const [job] = await jobs();
    const [evaluation] = await database.db.select().from(alertEvaluations).all();
    expect(job).toMatchObject({ status: 'done', holder: restarted.holder, attempts: 2 });
    expect(job?.evaluationId).toBe(evaluation?.id);
    expect(evaluation).toMatchObject({ trigger: 'schedule', scheduledFor: slot, status: 'ok', opened: 1 });
  });

  it('write nothing for a process that stalled past its claim and finished after another process ran the job', async () => {
    await insertRule(database.db, await insertOrg(database.db), { webhookUrl: receiver.url });
    await queueDueRules({ db: database.db, clock: () => now });
    let release = () => {};
    const stalled: ForecastSource = async (orgId, options) => {
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      return breaching(orgId, options);
    };
    const slow = deps('slow', stalled);
    const job = await claimJob(slow);
    if (!job) throw new Error('no job to claim');
    const slowRun = runJob(slow, job);

    now = new Date(slot.getTime() + leaseMs);
    expect(await runQueuedJobs(deps('fast'), 4)).toHaveLength(1);
    release();
    expect(await slowRun).toBeUndefined();

    await scheduler().deliver();
    expect(await count(alertEvaluations)).toBe(1);
    expect(await count(alerts)).toBe(1);
    expect(await count(alertDeliveries)).toBe(1);
    expect(receiver.requests).toHaveLength(1);
    expect(await jobs()).toMatchObject([{ status: 'done', holder: 'fast', attempts: 2 }]);
  });

  it('fail a job whose process died three times instead of starting it a fourth time', async () => {
    await insertRule(database.db, await insertOrg(database.db), { webhookUrl: receiver.url });
    await queueDueRules({ db: database.db, clock: () => now });
    for (const holder of ['dead-1', 'dead-2', 'dead-3']) {
      expect(await claimJob(deps(holder))).toMatchObject({ holder });
      now = new Date(now.getTime() + leaseMs);
    }
    expect(await runQueuedJobs(deps('p4'), 4)).toEqual([]);
    expect(await jobs()).toMatchObject([{ status: 'failed', attempts: 3, error: abandonedError }]);
    expect(await count(alertEvaluations)).toBe(0);
    expect(receiver.requests).toHaveLength(0);
  });

  it('run at most the pass limit, one after another, leaving the rest queued for the next pass', async () => {
    const org = await insertOrg(database.db);
    for (let i = 0; i < 3; i += 1) await insertRule(database.db, org);
    expect(await queueDueRules({ db: database.db, clock: () => now })).toBe(3);
    let running = 0;
    let most = 0;
    const counting: ForecastSource = async (orgId, options) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 5));
      running -= 1;
      return breaching(orgId, options);
    };
    expect(await runQueuedJobs(deps('p1', counting), 2)).toHaveLength(2);
    expect((await jobs()).map((j) => j.status).sort()).toEqual(['done', 'done', 'queued']);
    expect(await runQueuedJobs(deps('p1', counting), 2)).toHaveLength(1);
    expect(most).toBe(1);
  });

  it('skip the queued slot of a rule paused before its job ran', async () => {
    const rule = await insertRule(database.db, await insertOrg(database.db), { webhookUrl: receiver.url });
    await queueDueRules({ db: database.db, clock: () => now });
    await database.db.update(alertRules).set({ pausedAt: now });
    expect(await runQueuedJobs(deps('p1'), 4)).toEqual([]);
    expect(await jobs()).toMatchObject([{ ruleId: rule.id, status: 'skipped' }]);
    expect(await count(alertEvaluations)).toBe(0);
  });
});
