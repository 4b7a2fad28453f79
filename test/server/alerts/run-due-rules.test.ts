import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alertEvaluationJobs, alertEvaluations, alertRules } from '../../../server/db/alerts-schema';
import { claimJob, queueDueRules } from '../../../server/scheduler/evaluation-jobs';
import type { ForecastSource } from '../../../server/scheduler/forecast-source';
import { acquireLease, releaseLease } from '../../../server/scheduler/lease';
import { runDueRules } from '../../../server/scheduler/run-due-rules';
import { createTempDb, type TempDatabase } from '../../helpers/temp-db';
import { forecastFixture } from './forecast-fixture';
import { insertOrg, insertRule } from './rule-fixtures';

const forecastSource: ForecastSource = async () => ({ forecast: forecastFixture(2, { a: {} }), source: {} });

let database: TempDatabase;
let now: Date;
beforeEach(async () => {
  database = await createTempDb();
});
afterEach(() => database.cleanup());

const run = (holder: string) =>
  runDueRules({ db: database.db, clock: () => now, forecastSource, holder, leaseMs: 60_000 });

describe('runDueRules', () => {
  it('skips a rule that is not due yet', async () => {
    await insertRule(database.db, await insertOrg(database.db), {
      nextRunAt: new Date('2026-05-04T10:00:00Z'),
    });
    now = new Date('2026-05-04T09:59:59Z');
    expect(await run('p1')).toEqual([]);
  });

  it('catches up a day of missed hourly runs with one evaluation, then waits for the next slot', async () => {
    const rule = await insertRule(database.db, await insertOrg(database.db));
    now = new Date('2026-05-05T10:30:00Z');
    const [evaluation, ...rest] = await run('p1');
    expect(rest).toEqual([]);
    expect(evaluation).toMatchObject({ trigger: 'catch-up', scheduledFor: new Date('2026-05-04T10:00:00Z') });
    expect(await run('p1')).toEqual([]);
    const stored = await database.db.select().from(alertRules).where(eq(alertRules.id, rule.id)).get();
    expect(stored?.nextRunAt).toEqual(new Date('2026-05-05T11:00:00Z'));
    now = new Date('2026-05-05T11:00:00Z');
    expect(await run('p1')).toMatchObject([{ trigger: 'schedule' }]);
    expect(await database.db.select().from(alertEvaluations).all()).toHaveLength(2);
  });

  it('leaves a job another process is running until its claim expires, then runs it', async () => {
    await insertRule(database.db, await insertOrg(database.db));
    now = new Date('2026-05-04T10:00:00Z');
    expect(await queueDueRules({ db: database.db, clock: () => now })).toBe(1);
    const deps = { db: database.db, clock: () => now, forecastSource, holder: 'p2', leaseMs: 60_000 };
    expect(await claimJob(deps)).toMatchObject({ holder: 'p2', attempts: 1 });
    expect(await run('p1')).toEqual([]);
    now = new Date('2026-05-04T10:01:00Z');
    expect(await run('p1')).toHaveLength(1);
    expect(await database.db.select().from(alertEvaluationJobs).all()).toMatchObject([
      { status: 'done', holder: 'p1', attempts: 2 },
    ]);
  });

  it('lets another process take the next slot at once after evaluating', async () => {
    await insertRule(database.db, await insertOrg(database.db));
    const hourly = (holder: string) =>
      runDueRules({ db: database.db, clock: () => now, forecastSource, holder, leaseMs: 2 * 3_600_000 });
    now = new Date('2026-05-04T10:00:00Z');
    expect(await hourly('p1')).toHaveLength(1);
    now = new Date('2026-05-04T11:00:00Z');
    expect(await hourly('p2')).toHaveLength(1);
  });

  it('queues each due slot once however many processes look, and drops the job of a rule deleted before it ran', async () => {
    const org = await insertOrg(database.db);
    const first = await insertRule(database.db, org);
    const second = await insertRule(database.db, org);
    const deleted = await insertRule(database.db, org);
    now = new Date('2026-05-04T10:00:00Z');
    expect(await queueDueRules({ db: database.db, clock: () => now })).toBe(3);
    expect(await queueDueRules({ db: database.db, clock: () => now })).toBe(0);
    const sources: string[] = [];
    const racing: ForecastSource = async (orgId, options) => {
      sources.push(orgId);
      await database.db.delete(alertRules).where(eq(alertRules.id, deleted.id));
      return forecastSource(orgId, options);
    };
    const evaluations = await runDueRules({
      db: database.db,
      clock: () => now,
      forecastSource: racing,
      holder: 'p1',
      leaseMs: 60_000,
    });
    expect(evaluations.map((e) => e.ruleId).sort()).toEqual([first.id, second.id].sort());
    expect(sources).toHaveLength(2);
    expect(await database.db.select().from(alertEvaluationJobs).all()).toHaveLength(2);
  });
});

describe('leases', () => {
  it('go to one holder until they expire or are released', async () => {
    const t0 = new Date('2026-05-04T10:00:00Z');
    const later = (ms: number) => new Date(t0.getTime() + ms);
    expect(await acquireLease(database.db, 'x', 'p1', t0, 1_000)).toBe(true);
    expect(await acquireLease(database.db, 'x', 'p2', later(999), 1_000)).toBe(false);
    expect(await acquireLease(database.db, 'x', 'p1', later(999), 1_000)).toBe(true);
    expect(await acquireLease(database.db, 'x', 'p2', later(1_999), 1_000)).toBe(true);
    await releaseLease(database.db, 'x', 'p1');
    expect(await acquireLease(database.db, 'x', 'p1', later(2_000), 1_000)).toBe(false);
    await releaseLease(database.db, 'x', 'p2');
    expect(await acquireLease(database.db, 'x', 'p1', later(2_000), 1_000)).toBe(true);
  });
});

describe('a Monday 09:00 Europe/Rome rule across the spring daylight-saving change', () => {
  it('runs at 08:00 UTC before it and is next due at 07:00 UTC after it', async () => {
    const rule = await insertRule(database.db, await insertOrg(database.db), {
      schedule: '0 9 * * 1',
      timezone: 'Europe/Rome',
      nextRunAt: new Date('2026-03-23T08:00:00Z'),
    });
    now = new Date('2026-03-23T07:59:59Z');
    expect(await run('p1')).toEqual([]);
    now = new Date('2026-03-23T08:00:00Z');
    expect(await run('p1')).toMatchObject([{ trigger: 'schedule' }]);
    const stored = await database.db.select().from(alertRules).where(eq(alertRules.id, rule.id)).get();
    expect(stored?.nextRunAt.toISOString()).toBe('2026-03-30T07:00:00.000Z');
  });
});
