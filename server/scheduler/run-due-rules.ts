import { and, eq, isNull, lte } from 'drizzle-orm';
import { alertRules } from '../db/alerts-schema';
import type { Db } from '../db/client';
import { type Evaluation, evaluateRule } from './evaluate-rule';
import type { ForecastSource } from './forecast-source';
import { acquireLease, releaseLease } from './lease';
import { planDueRun } from './schedule';

export interface DueRulesDeps {
  db: Db;
  clock: () => Date;
  forecastSource: ForecastSource;
  /** This process's identity in lease rows. */
  holder: string;
  /** How long a lease protects an evaluation, ms; a holder that dies frees it after this. */
  leaseMs: number;
}

/**
 * Evaluates every active (not paused) rule whose next run is due. Each rule is evaluated under the lease
 * `alert-rule:<id>`, and only if its next run is still due once the lease is held, so several
 * processes on one database evaluate each due slot once. The next run moves past now after the
 * evaluation (see planDueRun), so missed slots are caught up once; a holder that crashes
 * mid-evaluation leaves the slot due for whoever takes the expired lease.
 */
export async function runDueRules(deps: DueRulesDeps): Promise<Evaluation[]> {
  const due = await deps.db
    .select({ id: alertRules.id })
    .from(alertRules)
    .where(and(lte(alertRules.nextRunAt, deps.clock()), isNull(alertRules.pausedAt)))
    .all();
  const evaluations: Evaluation[] = [];
  for (const { id } of due) {
    const lease = `alert-rule:${id}`;
    if (!(await acquireLease(deps.db, lease, deps.holder, deps.clock(), deps.leaseMs))) continue;
    try {
      const now = deps.clock();
      const rule = await deps.db.select().from(alertRules).where(eq(alertRules.id, id)).get();
      if (!rule || rule.pausedAt || rule.nextRunAt.getTime() > now.getTime()) continue;
      const plan = planDueRun(rule.schedule, rule.timezone, rule.nextRunAt, now);
      evaluations.push(
        await evaluateRule(deps, rule, { trigger: plan.trigger, scheduledFor: rule.nextRunAt, now }),
      );
      await deps.db.update(alertRules).set({ nextRunAt: plan.nextRunAt }).where(eq(alertRules.id, id));
    } finally {
      await releaseLease(deps.db, lease, deps.holder);
    }
  }
  return evaluations;
}
