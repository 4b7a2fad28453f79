import { and, desc, eq, inArray } from 'drizzle-orm';
import {
  alertDeliveries,
  alertDeliveryAttempts,
  alertEvaluations,
  alertRules,
  alerts,
} from '../db/alerts-schema';
import type { Db } from '../db/client';
import { notFound } from '../errors';
import type { Evaluation } from '../scheduler/evaluate-rule';
import { type Actor, recordAudit } from './audit';

type AlertRow = typeof alerts.$inferSelect;

export const alertView = (a: AlertRow) => ({
  id: a.id,
  ruleId: a.ruleId,
  teamId: a.teamId,
  teamName: a.teamName,
  state: a.state,
  openedAt: a.openedAt.toISOString(),
  resolvedAt: a.resolvedAt?.toISOString() ?? null,
  breachWeek: a.breachWeek,
  breachDate: a.breachDate,
  value: a.value,
  acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null,
  acknowledgedBy: a.acknowledgedBy,
});

export type AlertView = ReturnType<typeof alertView>;

/** What POST .../evaluate answers: the evaluation with the alerts it opened and resolved. */
export const evaluationView = (e: Evaluation) => ({
  id: e.id,
  trigger: e.trigger,
  evaluatedAt: e.evaluatedAt.toISOString(),
  status: e.status,
  error: e.error,
  source: e.source,
  findings: e.findings,
  opened: e.opened.map(alertView),
  resolved: e.resolved.map(alertView),
});

/** Alerts of a rule, newest first, optionally for one team or state. */
export async function listAlerts(
  db: Db,
  ruleId: string,
  filter: { team?: string | undefined; state?: AlertRow['state'] | undefined; limit: number },
) {
  const rows = await db
    .select()
    .from(alerts)
    .where(
      and(
        eq(alerts.ruleId, ruleId),
        filter.team ? eq(alerts.teamId, filter.team) : undefined,
        filter.state ? eq(alerts.state, filter.state) : undefined,
      ),
    )
    .orderBy(desc(alerts.openedAt))
    .limit(filter.limit)
    .all();
  return rows.map(alertView);
}

/** Marks an alert of the rule acknowledged by `actor` (the first acknowledgement stands). */
export async function acknowledgeAlert(db: Db, ruleId: string, alertId: string, actor: Actor, now: Date) {
  const row = await db
    .select()
    .from(alerts)
    .where(and(eq(alerts.id, alertId), eq(alerts.ruleId, ruleId)))
    .get();
  if (!row) throw notFound('alert');
  if (row.acknowledgedAt) return alertView(row);
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(alerts)
      .set({ acknowledgedAt: now, acknowledgedBy: actor.label })
      .where(eq(alerts.id, alertId))
      .returning();
    const after = alertView(updated ?? row);
    const rule = await tx
      .select({ orgId: alertRules.orgId })
      .from(alertRules)
      .where(eq(alertRules.id, ruleId))
      .get();
    await recordAudit(tx, actor, {
      orgId: rule?.orgId ?? null,
      action: 'acknowledge',
      entity: 'alert',
      entityId: alertId,
      before: alertView(row),
      after,
    });
    return after;
  });
}

/** Evaluations of a rule, newest first. */
export async function listEvaluations(db: Db, ruleId: string, limit: number) {
  const rows = await db
    .select()
    .from(alertEvaluations)
    .where(eq(alertEvaluations.ruleId, ruleId))
    .orderBy(desc(alertEvaluations.evaluatedAt))
    .limit(limit)
    .all();
  return rows.map((e) => ({
    id: e.id,
    trigger: e.trigger,
    scheduledFor: e.scheduledFor?.toISOString() ?? null,
    evaluatedAt: e.evaluatedAt.toISOString(),
    status: e.status,
    error: e.error,
    source: e.source,
    findings: e.findings,
    openedCount: e.opened,
    resolvedCount: e.resolved,
  }));
}

/** The delivery log of a rule, newest first: each delivery with every attempt's status code and latency. */
export async function listDeliveries(db: Db, ruleId: string, limit: number) {
  const rows = await db
    .select()
    .from(alertDeliveries)
    .where(eq(alertDeliveries.ruleId, ruleId))
    .orderBy(desc(alertDeliveries.createdAt))
    .limit(limit)
    .all();
  const ids = rows.map((d) => d.id);
  const attempts = ids.length
    ? await db
        .select()
        .from(alertDeliveryAttempts)
        .where(inArray(alertDeliveryAttempts.deliveryId, ids))
        .orderBy(alertDeliveryAttempts.attempt)
        .all()
    : [];
  return rows.map((d) => ({
    id: d.id,
    alertId: d.alertId,
    event: d.event,
    teams: d.teams,
    url: d.url,
    status: d.status,
    attempts: attempts
      .filter((a) => a.deliveryId === d.id)
      .map((a) => ({
        attempt: a.attempt,
        startedAt: a.startedAt.toISOString(),
        statusCode: a.statusCode,
        error: a.error,
        latencyMs: a.latencyMs,
      })),
    nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt.toISOString() : null,
    createdAt: d.createdAt.toISOString(),
    completedAt: d.completedAt?.toISOString() ?? null,
  }));
}
