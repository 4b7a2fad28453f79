import { randomUUID } from 'node:crypto';
import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
import { alertDeliveries, alertDeliveryAttempts, alertRules } from '../db/alerts-schema';
import type { Db } from '../db/client';
import { isRetryable, type RetryPolicy, retryDelayMs } from './backoff';
import { signBody } from './signature';

type Delivery = typeof alertDeliveries.$inferSelect;

export interface DeliveryDeps {
  db: Db;
  clock: () => Date;
  policy: RetryPolicy;
  /** Per-attempt HTTP timeout, ms; a timeout counts as a network error and is retried. */
  timeoutMs: number;
  /** Source of jitter in [0, 1). */
  random: () => number;
  userAgent: string;
}

/** Atomically claims one due pending delivery for `lockMs`, or returns undefined when none is due. */
async function claimDue(db: Db, now: Date, lockMs: number): Promise<Delivery | undefined> {
  const free = or(isNull(alertDeliveries.lockedUntil), lte(alertDeliveries.lockedUntil, now));
  const due = db
    .select({ id: alertDeliveries.id })
    .from(alertDeliveries)
    .where(and(eq(alertDeliveries.status, 'pending'), lte(alertDeliveries.nextAttemptAt, now), free))
    .orderBy(alertDeliveries.nextAttemptAt)
    .limit(1);
  const [claimed] = await db
    .update(alertDeliveries)
    .set({ lockedUntil: new Date(now.getTime() + lockMs) })
    .where(and(sql`${alertDeliveries.id} = (${due})`, eq(alertDeliveries.status, 'pending'), free))
    .returning();
  return claimed;
}

async function post(deps: DeliveryDeps, delivery: Delivery, secret: string) {
  const startedAt = deps.clock();
  const started = performance.now();
  try {
    const response = await fetch(delivery.url, {
      method: 'POST',
      body: delivery.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(deps.timeoutMs),
      headers: {
        'content-type': 'application/json',
        'user-agent': deps.userAgent,
        'x-reviewload-signature': signBody(delivery.body, secret),
        'x-reviewload-timestamp': String(Math.floor(startedAt.getTime() / 1000)),
        'x-reviewload-delivery': delivery.id,
      },
    });
    await response.body?.cancel();
    return { startedAt, statusCode: response.status, error: null, latencyMs: performance.now() - started };
  } catch (error) {
    const cause = error instanceof Error ? (error.cause instanceof Error ? error.cause : error) : null;
    const message = cause ? `${cause.name}: ${cause.message}` : String(error);
    return { startedAt, statusCode: null, error: message, latencyMs: performance.now() - started };
  }
}

/**
 * Sends one claimed delivery and records the attempt with the delivery's new state in one
 * transaction: delivered on 2xx; retried after {@link retryDelayMs} on network errors, timeouts
 * and 5xx until `policy.maxAttempts`; failed at once on any other status.
 */
async function attempt(deps: DeliveryDeps, delivery: Delivery): Promise<void> {
  const rule = await deps.db
    .select({ secret: alertRules.webhookSecret })
    .from(alertRules)
    .where(eq(alertRules.id, delivery.ruleId))
    .get();
  if (!rule) return;
  const result = await post(deps, delivery, rule.secret);
  const number = delivery.attempts + 1;
  const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
  const retry = !ok && isRetryable(result.statusCode) && number < deps.policy.maxAttempts;
  const now = deps.clock();
  await deps.db.transaction(async (tx) => {
    await tx.insert(alertDeliveryAttempts).values({
      id: randomUUID(),
      deliveryId: delivery.id,
      attempt: number,
      startedAt: result.startedAt,
      statusCode: result.statusCode,
      error: result.error,
      latencyMs: Math.round(result.latencyMs),
    });
    await tx
      .update(alertDeliveries)
      .set({
        attempts: number,
        status: ok ? 'delivered' : retry ? 'pending' : 'failed',
        lockedUntil: null,
        nextAttemptAt: retry
          ? new Date(now.getTime() + retryDelayMs(number, deps.policy, deps.random))
          : delivery.nextAttemptAt,
        completedAt: ok || !retry ? now : null,
      })
      .where(eq(alertDeliveries.id, delivery.id));
  });
}

/**
 * Sends every delivery that is due now, one at a time, until none is left; returns how many
 * attempts it made. Safe to run in several processes at once: each row is claimed atomically.
 */
export async function deliverDue(deps: DeliveryDeps): Promise<number> {
  const lockMs = deps.timeoutMs + 30_000;
  let count = 0;
  for (;;) {
    const delivery = await claimDue(deps.db, deps.clock(), lockMs);
    if (!delivery) return count;
    await attempt(deps, delivery);
    count += 1;
  }
}
