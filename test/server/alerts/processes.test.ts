import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  alertDeliveries,
  alertDeliveryAttempts,
  alertEvaluationJobs,
  alertEvaluations,
  alerts,
} from '../../../server/db/alerts-schema';
import { teams } from '../../../server/db/schema';
import { freePort } from '../../helpers/free-port';
import { type RunningServer, startServer } from '../../helpers/running-server';
import { planOfRecordDatabase, until } from './process-fixtures';
import { insertRule } from './rule-fixtures';
import { startReceiver, type WebhookReceiver } from './webhook-receiver';

/** Always true for any forecast: the watched team's P50 backlog is never negative. */
const alwaysBreached = { metric: 'backlogWeeks', percentile: 'P50', comparator: '>=', threshold: 0 } as const;

let fixture: Awaited<ReturnType<typeof planOfRecordDatabase>> | undefined;
let receiver: WebhookReceiver | undefined;
const servers: RunningServer[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop('SIGKILL')));
  await receiver?.close();
  receiver = undefined;
  fixture?.cleanup();
  fixture = undefined;
});

describe('alert scheduler in real server processes', () => {
  it('delivers an alert opened before a SIGKILL once, after the restart', async () => {
    fixture = await planOfRecordDatabase();
    const { db } = fixture.database;
    const port = await freePort();
    await insertRule(db, fixture.orgId, {
      ...alwaysBreached,
      teams: [fixture.teamId],
      webhookUrl: `http://127.0.0.1:${port}/hook`,
      nextRunAt: new Date(),
    });
    const env = { ...fixture.env, ALERT_TICK_MS: '100', ALERT_RETRY_BASE_MS: '4000' };
    const first = await startServer(env);
    servers.push(first);
    await until(
      'the first (refused) attempt',
      async () => (await db.select().from(alertDeliveryAttempts).all()).length === 1,
    );
    await first.stop('SIGKILL');
    expect(await db.select().from(alerts).all()).toMatchObject([{ teamId: fixture.teamId, state: 'open' }]);
    expect(await db.select().from(alertDeliveries).all()).toMatchObject([{ status: 'pending', attempts: 1 }]);

    receiver = await startReceiver([], port);
    servers.push(await startServer(env));
    await receiver.waitFor(1);
    await until('the delivery to be recorded', async () =>
      (await db.select().from(alertDeliveries).all()).every((d) => d.status === 'delivered'),
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(receiver.requests).toHaveLength(1);
    expect(JSON.parse(receiver.requests[0]?.body ?? '{}')).toMatchObject({ type: 'alert.opened' });
    expect(await db.select().from(alertDeliveries).all()).toMatchObject([
      { status: 'delivered', attempts: 2 },
    ]);
  }, 120_000);

  it('evaluates a slot whose server was killed mid-evaluation once, after the restart, and delivers once', async () => {
    fixture = await planOfRecordDatabase();
    const { db } = fixture.database;
    // 60 more teams: the plan of record's 500-run forecast then takes long enough to be killed in.
    await db.insert(teams).values(
      Array.from({ length: 60 }, (_, i) => ({
        id: randomUUID(),
        orgId: fixture!.orgId,
        name: `Team ${i}`,
        headcount: { junior: 3, mid: 4, senior: 2, principal: 0 },
      })),
    );
    receiver = await startReceiver();
    await insertRule(db, fixture.orgId, {
      ...alwaysBreached,
      teams: [fixture.teamId],
      lookaheadWeeks: 4,
      webhookUrl: receiver.url,
      nextRunAt: new Date(),
    });
    const env = { ...fixture.env, ALERT_TICK_MS: '50', ALERT_LEASE_MS: '1000' };
    const first = await startServer(env);
    servers.push(first);
    await until('the evaluation job to run', async () =>
      (await db.select().from(alertEvaluationJobs).all()).some((j) => j.status === 'running'),
    );
    await first.stop('SIGKILL');
    expect(await db.select().from(alertEvaluations).all()).toEqual([]);
    expect(await db.select().from(alertEvaluationJobs).all()).toMatchObject([
      { status: 'running', attempts: 1 },
    ]);

    servers.push(await startServer(env));
    await receiver.waitFor(1);
    await until('the job to be done', async () =>
      (await db.select().from(alertEvaluationJobs).all()).every((j) => j.status === 'done'),
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(receiver.requests).toHaveLength(1);
    expect(await db.select().from(alertEvaluationJobs).all()).toMatchObject([
      { status: 'done', attempts: 2 },
    ]);
    expect(await db.select().from(alertEvaluations).all()).toMatchObject([{ status: 'ok', opened: 1 }]);
  }, 180_000);

  it('fires each due slot once and delivers once with two scheduler processes on one database', async () => {
    fixture = await planOfRecordDatabase();
    const { db } = fixture.database;
    receiver = await startReceiver();
    await insertRule(db, fixture.orgId, {
      ...alwaysBreached,
      teams: [fixture.teamId],
      schedule: '* * * * * *',
      webhookUrl: receiver.url,
      nextRunAt: new Date(),
    });
    const env = { ...fixture.env, ALERT_TICK_MS: '50' };
    servers.push(...(await Promise.all([startServer(env), startServer(env)])));
    await receiver.waitFor(1);
    await until(
      'three scheduled evaluations',
      async () => (await db.select().from(alertEvaluations).all()).length >= 3,
    );
    await new Promise((r) => setTimeout(r, 500));

    const evaluations = await db.select().from(alertEvaluations).all();
    const slots = evaluations.map((e) => e.scheduledFor?.getTime());
    expect(new Set(slots).size).toBe(slots.length);
    expect(evaluations.every((e) => e.status === 'ok')).toBe(true);
    expect(receiver.requests).toHaveLength(1);
    expect(await db.select().from(alerts).all()).toHaveLength(1);
  }, 120_000);
});
