import { randomUUID } from 'node:crypto';
import { and, desc, eq, gt } from 'drizzle-orm';
import type { AlertFinding } from '../../shared/contract/alerts';
import { alertDeliveries, type alertRules, alerts } from '../db/alerts-schema';
import type { Db } from '../db/client';
import { alertEvent, deliveryBody, digestEvent } from './payload';

type Rule = typeof alertRules.$inferSelect;
type Alert = typeof alerts.$inferSelect;
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

type Names = ReadonlyMap<string, string>;

const teamsOf = (list: Alert[]) => list.map((a) => ({ id: a.teamId, name: a.teamName }));

async function enqueue(tx: Tx, rule: Rule, alert: Alert, now: Date, names: Names): Promise<void> {
  const id = randomUUID();
  await tx.insert(alertDeliveries).values({
    id,
    ruleId: rule.id,
    alertId: alert.id,
    event: alert.state === 'open' ? 'opened' : 'resolved',
    teams: teamsOf([alert]),
    url: rule.webhookUrl,
    body: deliveryBody(alertEvent(id, rule, alert, now, names), rule.format),
    status: 'pending',
    nextAttemptAt: now,
  });
}

/** One outbox row for all of an evaluation's changes (a digest rule); none when nothing changed. */
async function enqueueDigest(
  tx: Tx,
  rule: Rule,
  changes: { opened: Alert[]; resolved: Alert[] },
  now: Date,
  names: Names,
): Promise<void> {
  const all = [...changes.opened, ...changes.resolved];
  const first = all[0];
  if (!first) return;
  const id = randomUUID();
  await tx.insert(alertDeliveries).values({
    id,
    ruleId: rule.id,
    alertId: first.id,
    event: 'digest',
    teams: teamsOf(all),
    url: rule.webhookUrl,
    body: deliveryBody(digestEvent(id, rule, changes, now, names), rule.format),
    status: 'pending',
    nextAttemptAt: now,
  });
}

async function inCooldown(tx: Tx, rule: Rule, teamId: string, now: Date): Promise<boolean> {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: with 0 h the query asks for alerts resolved after now, and alerts resolve at their evaluation's now, so the early return only saves a query
  if (rule.cooldownHours <= 0) return false;
  const since = new Date(now.getTime() - rule.cooldownHours * 3_600_000);
  const recent = await tx
    .select({ id: alerts.id })
    .from(alerts)
    .where(and(eq(alerts.ruleId, rule.id), eq(alerts.teamId, teamId), gt(alerts.resolvedAt, since)))
    .orderBy(desc(alerts.resolvedAt))
    .get();
  return recent !== undefined;
}

/**
 * Applies `findings` to the rule's alert state inside `tx`: opens an alert for each breaching
 * team without one (unless it resolved within the cooldown), resolves open alerts whose team no
 * longer breaches, and writes one outbox row per change (a digest rule: one row for all of them)
 * in the same transaction. Conditional writes make a concurrent evaluation of the same rule
 * change nothing twice.
 */
export async function applyFindings(tx: Tx, rule: Rule, findings: AlertFinding[], now: Date) {
  const names: Names = new Map(findings.map((f) => [f.teamId, f.teamName]));
  const open = await tx
    .select()
    .from(alerts)
    .where(and(eq(alerts.ruleId, rule.id), eq(alerts.state, 'open')))
    .all();
  // Stryker disable next-line ArrowFunction: without it the insert for an already open team is a no-op anyway (unique index alerts_one_open, onConflictDoNothing)
  const openTeams = new Set(open.map((a) => a.teamId));
  const breaching = new Set(findings.filter((f) => f.breached).map((f) => f.teamId));
  const opened: Alert[] = [];
  const resolved: Alert[] = [];

  for (const f of findings) {
    if (!f.breached || openTeams.has(f.teamId) || (await inCooldown(tx, rule, f.teamId, now))) continue;
    const [alert] = await tx
      .insert(alerts)
      .values({
        id: randomUUID(),
        ruleId: rule.id,
        teamId: f.teamId,
        teamName: f.teamName,
        state: 'open',
        openedAt: now,
        breachWeek: f.week ?? 0,
        // Stryker disable next-line StringLiteral: a breached finding always has its week's date (the series is cut to the forecast's weeks)
        breachDate: f.date ?? '',
        value: f.value ?? f.worst,
      })
      .onConflictDoNothing()
      .returning();
    if (!alert) continue;
    if (!rule.digest) await enqueue(tx, rule, alert, now, names);
    opened.push(alert);
  }

  for (const a of open) {
    if (breaching.has(a.teamId)) continue;
    const [alert] = await tx
      .update(alerts)
      .set({ state: 'resolved', resolvedAt: now })
      .where(and(eq(alerts.id, a.id), eq(alerts.state, 'open')))
      .returning();
    if (!alert) continue;
    if (!rule.digest) await enqueue(tx, rule, alert, now, names);
    resolved.push(alert);
  }
  if (rule.digest) await enqueueDigest(tx, rule, { opened, resolved }, now, names);
  return { opened, resolved };
}
