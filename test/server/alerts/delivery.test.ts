import { createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alertDeliveries, alertDeliveryAttempts } from '../../../server/db/alerts-schema';
import { deliverDue } from '../../../server/scheduler/delivery-worker';
import { evaluateRule } from '../../../server/scheduler/evaluate-rule';
import { createTempDb, type TempDatabase } from '../../helpers/temp-db';
import { startHoldingReceiver } from '../hardening/holding-receiver';
import { forecastFixture } from './forecast-fixture';
import { insertOrg, insertRule } from './rule-fixtures';
import { startReceiver, type WebhookReceiver } from './webhook-receiver';

const rising = { p10: [3, 3], p50: [3, 3], p90: [3, 3] };
const forecastSource = async () => ({
  forecast: forecastFixture(2, { t1: { backlogWeeks: rising } }),
  source: {},
});
const secret = 'whsec-0123456789abcdef';

let database: TempDatabase;
let receiver: WebhookReceiver | undefined;
let now: Date;
const clock = () => now;

beforeEach(async () => {
  database = await createTempDb();
  now = new Date('2026-05-04T10:00:00Z');
});
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
  database.cleanup();
});

async function openAlert(url: string, format: 'json' | 'slack' = 'json') {
  const rule = await insertRule(database.db, await insertOrg(database.db), {
    webhookUrl: url,
    webhookSecret: secret,
    format,
  });
  await evaluateRule({ db: database.db, forecastSource }, rule, {
    trigger: 'manual',
    scheduledFor: null,
    now,
  });
}

const deliver = () =>
  deliverDue({
    db: database.db,
    clock,
    policy: { maxAttempts: 3, baseMs: 1_000, maxDelayMs: 60_000 },
    timeoutMs: 2_000,
    random: () => 0.5,
    userAgent: 'Reviewload/test',
  });

const attempts = () =>
  database.db.select().from(alertDeliveryAttempts).orderBy(alertDeliveryAttempts.attempt).all();
const onlyDelivery = async () => (await database.db.select().from(alertDeliveries).all())[0];

describe('webhook delivery', () => {
  it('signs the raw body with the rule secret and names the delivery', async () => {
    receiver = await startReceiver();
    await openAlert(receiver.url);
    expect(await deliver()).toBe(1);
    const [request] = receiver.requests;
    const expected = `sha256=${createHmac('sha256', secret)
      .update(request?.body ?? '')
      .digest('hex')}`;
    expect(request?.headers['x-reviewload-signature']).toBe(expected);
    expect(request?.headers['x-reviewload-timestamp']).toBe(String(now.getTime() / 1000));
    const body = JSON.parse(request?.body ?? '{}');
    expect(request?.headers['x-reviewload-delivery']).toBe(body.id);
    expect(body).toMatchObject({ type: 'alert.opened', alert: { teamId: 't1', breachWeek: 0, value: 3 } });
    expect(await onlyDelivery()).toMatchObject({ status: 'delivered', attempts: 1 });
  });

  it('retries a 500 after the back-off and sends the same body again: exactly two attempts', async () => {
    receiver = await startReceiver([500]);
    await openAlert(receiver.url);
    expect(await deliver()).toBe(1);
    expect(await onlyDelivery()).toMatchObject({
      status: 'pending',
      nextAttemptAt: new Date(now.getTime() + 750),
      completedAt: null,
    });
    expect(await deliver()).toBe(0);
    now = new Date(now.getTime() + 750);
    expect(await deliver()).toBe(1);
    expect(await deliver()).toBe(0);
    const [first, second] = receiver.requests;
    expect(receiver.requests).toHaveLength(2);
    expect(second?.body).toBe(first?.body);
    expect(second?.headers['x-reviewload-delivery']).toBe(first?.headers['x-reviewload-delivery']);
    expect((await attempts()).map((a) => a.statusCode)).toEqual([500, 200]);
    expect(await onlyDelivery()).toMatchObject({ status: 'delivered', attempts: 2 });
  });

  it('does not retry a 4xx', async () => {
    receiver = await startReceiver([410]);
    await openAlert(receiver.url);
    await deliver();
    now = new Date(now.getTime() + 3_600_000);
    expect(await deliver()).toBe(0);
    expect(receiver.requests).toHaveLength(1);
    expect(await onlyDelivery()).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('retries network errors up to the attempt limit, then marks the delivery failed', async () => {
    receiver = await startReceiver();
    const url = receiver.url;
    await receiver.close();
    receiver = undefined;
    await openAlert(url);
    const started = performance.now();
    for (let i = 0; i < 4; i++) {
      await deliver();
      now = new Date(now.getTime() + 3_600_000);
    }
    const elapsed = performance.now() - started;
    const log = await attempts();
    expect(log.map((a) => [a.statusCode, a.error !== null])).toEqual([
      [null, true],
      [null, true],
      [null, true],
    ]);
    expect(log.every((a) => a.latencyMs >= 0 && a.latencyMs <= elapsed + 1)).toBe(true);
    expect(log[0]?.error).toMatch(/^Error: connect ECONNREFUSED 127\.0\.0\.1:\d+$/);
    expect(await onlyDelivery()).toMatchObject({ status: 'failed', attempts: 3 });
  });

  it('sends a Slack-compatible message when the rule asks for it', async () => {
    receiver = await startReceiver();
    await openAlert(receiver.url, 'slack');
    await deliver();
    const body = JSON.parse(receiver.requests[0]?.body ?? '{}');
    expect(body.text).toMatch(/Backlog above two weeks: Team t1: backlog exceeds 2 weeks of capacity/);
    expect(body.blocks[0]).toMatchObject({ type: 'section', text: { type: 'mrkdwn' } });
  });

  it('leaves a delivery claimed by a live worker alone', async () => {
    receiver = await startReceiver();
    await openAlert(receiver.url);
    const row = await onlyDelivery();
    await database.db
      .update(alertDeliveries)
      .set({ lockedUntil: new Date(now.getTime() + 10_000) })
      .where(eq(alertDeliveries.id, row?.id ?? ''));
    expect(await deliver()).toBe(0);
    now = new Date(now.getTime() + 10_000);
    expect(await deliver()).toBe(1);
    expect(receiver.requests).toHaveLength(1);
  });
});

describe('delivery outcome', () => {
  it('counts a bodiless 204 as delivered, sends JSON and records when it completed', async () => {
    receiver = await startReceiver([204]);
    await openAlert(receiver.url);
    const started = performance.now();
    await deliver();
    const elapsed = performance.now() - started;
    expect(receiver.requests[0]?.headers['content-type']).toBe('application/json');
    expect(await onlyDelivery()).toMatchObject({ status: 'delivered', attempts: 1, completedAt: now });
    const [attempt] = await attempts();
    expect(attempt?.latencyMs).toBeGreaterThanOrEqual(0);
    expect(attempt?.latencyMs).toBeLessThanOrEqual(elapsed + 1);
  });

  it.each([300, 302])('fails a %i at once: only 2xx is delivered', async (status) => {
    receiver = await startReceiver([status]);
    await openAlert(receiver.url);
    await deliver();
    expect(await onlyDelivery()).toMatchObject({ status: 'failed', attempts: 1, completedAt: now });
  });

  it('keeps a delivery in flight locked, so a second worker sends nothing meanwhile', async () => {
    const holding = await startHoldingReceiver(500);
    try {
      await openAlert(holding.url);
      const first = deliver();
      await holding.nextNewDelivery(new Set());
      expect(await deliver()).toBe(0);
      expect(await first).toBe(1);
      expect(holding.requests).toHaveLength(1);
    } finally {
      await holding.close();
    }
  });
});
