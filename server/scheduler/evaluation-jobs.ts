import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNull, lte, or } from 'drizzle-orm';
import { alertEvaluationJobs, alertRules } from '../db/alerts-schema';
import type { Db } from '../db/client';
import { type Evaluation, evaluateRule } from './evaluate-rule';
import type { ForecastSource } from './forecast-source';
import { planDueRun } from './schedule';

type Job = typeof alertEvaluationJobs.$inferSelect;

export interface EvaluationJobsDeps {
  db: Db;
  clock: () => Date;
  forecastSource: ForecastSource;
  /** This process's identity in the jobs it claims. */
  holder: string;
  /** How long a claim on a job holds without a heartbeat, ms; a holder that dies frees it after this. */
  leaseMs: number;
}

/** Times a job is started before a job whose process keeps dying is failed instead. */
export const maxJobAttempts = 3;

/** The reason given a job failed for lost claims. */
export const abandonedError = `The process evaluating the rule stopped ${maxJobAttempts} times.`;

/**
 * Queues a job for the due slot of every active rule and moves the rule to its next slot (see
 * planDueRun), in one transaction per rule that only moves a rule still at that slot, so several
 * processes on one database queue each slot once. Runs no forecast; resolves with the jobs queued.
 */
export async function queueDueRules(deps: Pick<EvaluationJobsDeps, 'db' | 'clock'>): Promise<number> {
  const now = deps.clock();
  const due = await deps.db
    .select()
    .from(alertRules)
    .where(and(lte(alertRules.nextRunAt, now), isNull(alertRules.pausedAt)))
    .all();
  let queued = 0;
  for (const rule of due) {
    const plan = planDueRun(rule.schedule, rule.timezone, rule.nextRunAt, now);
    queued += await deps.db.transaction(async (tx) => {
      const moved = await tx
        .update(alertRules)
        .set({ nextRunAt: plan.nextRunAt })
        .where(
          and(
            eq(alertRules.id, rule.id),
            eq(alertRules.nextRunAt, rule.nextRunAt),
            isNull(alertRules.pausedAt),
          ),
        )
        .returning({ id: alertRules.id });
      if (moved.length === 0) return 0;
      const job = { id: randomUUID(), ruleId: rule.id, scheduledFor: rule.nextRunAt, trigger: plan.trigger };
      await tx
        .insert(alertEvaluationJobs)
        .values({ ...job, status: 'queued' })
        .onConflictDoNothing();
      return 1;
    });
  }
  return queued;
}

/** Jobs nobody runs: queued, or running under a claim that has expired (its process died). */
const claimable = (now: Date) =>
  or(
    eq(alertEvaluationJobs.status, 'queued'),
    and(eq(alertEvaluationJobs.status, 'running'), lte(alertEvaluationJobs.lockedUntil, now)),
  );

/**
 * Claims the oldest job nobody runs, for `holder` until now + leaseMs, in one conditional update
 * (one process wins when several claim at once). A job whose claim expired {@link maxJobAttempts}
 * times is failed instead. Resolves with the job claimed, or undefined when none is left.
 */
export async function claimJob(deps: EvaluationJobsDeps): Promise<Job | undefined> {
  const { db, clock, holder, leaseMs } = deps;
  for (;;) {
    const now = clock();
    const next = await db
      .select()
      .from(alertEvaluationJobs)
      .where(claimable(now))
      .orderBy(asc(alertEvaluationJobs.createdAt))
      .limit(1)
      .get();
    if (!next) return undefined;
    const spent = next.attempts >= maxJobAttempts;
    const [claimed] = await db
      .update(alertEvaluationJobs)
      .set(
        spent
          ? { status: 'failed', error: abandonedError, lockedUntil: null, finishedAt: now }
          : {
              status: 'running',
              holder,
              lockedUntil: new Date(now.getTime() + leaseMs),
              attempts: next.attempts + 1,
            },
      )
      .where(
        and(
          eq(alertEvaluationJobs.id, next.id),
          eq(alertEvaluationJobs.attempts, next.attempts),
          claimable(now),
        ),
      )
      .returning();
    if (claimed && !spent) return claimed;
  }
}

/** Thrown inside the evaluation's transaction when another process took the job over meanwhile. */
class ClaimLost extends Error {}

/**
 * Runs a claimed job: evaluates its rule (unless paused since: skipped) and marks the job done in
 * the evaluation's own transaction, so an evaluation is recorded, and its alerts and deliveries
 * written, exactly once per slot. The claim is renewed every third of leaseMs while the forecast
 * runs; if it was lost anyway (this process stalled past it and another took the job), the
 * transaction is rolled back and nothing is written. Other errors put the job back in the queue.
 */
export async function runJob(deps: EvaluationJobsDeps, job: Job): Promise<Evaluation | undefined> {
  const { db, clock, holder, leaseMs } = deps;
  const mine = and(eq(alertEvaluationJobs.id, job.id), eq(alertEvaluationJobs.holder, holder));
  const rule = await db.select().from(alertRules).where(eq(alertRules.id, job.ruleId)).get();
  if (!rule || rule.pausedAt) {
    await db
      .update(alertEvaluationJobs)
      .set({ status: 'skipped', lockedUntil: null, finishedAt: clock() })
      .where(mine);
    return undefined;
  }
  const renew = setInterval(() => {
    void db
      .update(alertEvaluationJobs)
      .set({ lockedUntil: new Date(clock().getTime() + leaseMs) })
      .where(and(mine, eq(alertEvaluationJobs.status, 'running')))
      .catch(() => undefined);
  }, leaseMs / 3);
  renew.unref();
  try {
    const now = clock();
    return await evaluateRule(
      deps,
      rule,
      { trigger: job.trigger, scheduledFor: job.scheduledFor, now },
      async (tx, evaluation) => {
        const done = await tx
          .update(alertEvaluationJobs)
          .set({ status: 'done', evaluationId: evaluation.id, lockedUntil: null, finishedAt: clock() })
          .where(and(mine, eq(alertEvaluationJobs.status, 'running')))
          .returning({ id: alertEvaluationJobs.id });
        if (done.length === 0) throw new ClaimLost(`alert evaluation job ${job.id} was taken over`);
      },
    );
  } catch (error) {
    if (error instanceof ClaimLost) return undefined;
    await db
      .update(alertEvaluationJobs)
      .set({
        status: 'queued',
        lockedUntil: null,
        error: error instanceof Error ? error.message : String(error),
      })
      .where(and(mine, eq(alertEvaluationJobs.status, 'running')));
    throw error;
  } finally {
    clearInterval(renew);
  }
}

/**
 * Runs up to `limit` jobs nobody runs, one after another: one scheduled forecast at a time per
 * process, and a bounded amount of work per scheduler tick, whatever the backlog.
 */
export async function runQueuedJobs(deps: EvaluationJobsDeps, limit: number): Promise<Evaluation[]> {
  const evaluations: Evaluation[] = [];
  for (let i = 0; i < limit; i += 1) {
    const job = await claimJob(deps);
    if (!job) break;
    const evaluation = await runJob(deps, job);
    if (evaluation) evaluations.push(evaluation);
  }
  return evaluations;
}
