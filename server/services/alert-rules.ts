import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { AlertRule, alertRuleInputSchema, alertRulePatchSchema } from '../../shared/contract/alerts';
import { describeAlertCondition, describeSchedule, nextScheduleTimes } from '../../shared/index';
import { alertRules } from '../db/alerts-schema';
import type { Db } from '../db/client';
import { teams } from '../db/schema';
import { notFound, ProblemError } from '../errors';
import { nextRunAfter } from '../scheduler/schedule';
import { type Actor, recordAudit, type Tx } from './audit';

type Rule = typeof alertRules.$inferSelect;

/** How many upcoming slots a rule view lists. */
const previewSlots = 5;

/** A new rule as the API parsed it (defaults filled in). */
export type AlertRuleInput = z.output<typeof alertRuleInputSchema>;

/** Patch input: any field of the create input; `webhook.secret` may be left out to keep the current one. */
export type AlertRulePatch = z.output<typeof alertRulePatchSchema>;

/**
 * A rule as the API shows it, with its condition and schedule in words (`names` maps team ids
 * to names) and its next slots after its next run.
 */
export const ruleView = (r: Rule, names: ReadonlyMap<string, string>): AlertRule => ({
  id: r.id,
  name: r.name,
  metric: r.metric,
  percentile: r.percentile,
  comparator: r.comparator,
  threshold: r.threshold,
  lookaheadWeeks: r.lookaheadWeeks,
  teams: r.teams ?? null,
  schedule: r.schedule,
  timezone: r.timezone,
  webhook: { url: r.webhookUrl, secretHint: `…${r.webhookSecret.slice(-4)}` },
  format: r.format,
  cooldownHours: r.cooldownHours,
  digest: r.digest,
  paused: r.pausedAt !== null,
  pausedAt: r.pausedAt?.toISOString() ?? null,
  description: describeAlertCondition(r, names),
  scheduleText: describeSchedule(r.schedule, r.timezone),
  nextRunAt: r.nextRunAt.toISOString(),
  nextRuns: r.pausedAt
    ? []
    : [r.nextRunAt, ...nextScheduleTimes(r.schedule, r.timezone, r.nextRunAt, previewSlots - 1)].map((d) =>
        d.toISOString(),
      ),
  createdAt: r.createdAt.toISOString(),
});

/** Team id to name for every team of the org. */
export async function teamNames(db: Tx, orgId: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(eq(teams.orgId, orgId))
    .all();
  return new Map(rows.map((t) => [t.id, t.name]));
}

/** One rule of the org as the API shows it, or 404. */
export async function readRule(db: Db, orgId: string, id: string): Promise<AlertRule> {
  return ruleView(await findRule(db, orgId, id), await teamNames(db, orgId));
}

/** 422 naming `teams[i]` unless every id is a team of the org. */
async function checkTeams(db: Db, orgId: string, ids: string[] | null | undefined): Promise<void> {
  if (!ids?.length) return;
  const found = await db
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.orgId, orgId), inArray(teams.id, ids)))
    .all();
  const known = new Set(found.map((t) => t.id));
  const missing = ids.findIndex((id) => !known.has(id));
  if (missing >= 0) {
    const path = `teams[${missing}]`;
    throw new ProblemError(422, 'Unprocessable Content', `${path}: no such team in this org`, [
      { path, message: 'no such team in this org' },
    ]);
  }
}

/** A rule of the org, or 404 (also for another org's rule). */
export async function findRule(db: Db, orgId: string, id: string): Promise<Rule> {
  const row = await db
    .select()
    .from(alertRules)
    .where(and(eq(alertRules.id, id), eq(alertRules.orgId, orgId)))
    .get();
  if (!row) throw notFound('alert rule');
  return row;
}

export async function listRules(db: Db, orgId: string): Promise<AlertRule[]> {
  const rows = await db
    .select()
    .from(alertRules)
    .where(eq(alertRules.orgId, orgId))
    .orderBy(asc(alertRules.name), asc(alertRules.id))
    .all();
  const names = await teamNames(db, orgId);
  return rows.map((r) => ruleView(r, names));
}

/** Creates a rule; its first run is the schedule's first slot after `now`. */
export async function createRule(db: Db, orgId: string, input: AlertRuleInput, actor: Actor, now: Date) {
  await checkTeams(db, orgId, input.teams);
  const { webhook, teams: watched, paused, ...fields } = input;
  const names = await teamNames(db, orgId);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(alertRules)
      .values({
        id: randomUUID(),
        orgId,
        ...fields,
        teams: watched?.length ? watched : null,
        webhookUrl: webhook.url,
        webhookSecret: webhook.secret,
        pausedAt: paused ? now : null,
        nextRunAt: nextRunAfter(input.schedule, input.timezone, now),
      })
      .returning();
    if (!row) throw new Error('alert rule insert returned nothing');
    const view = ruleView(row, names);
    await recordAudit(tx, actor, {
      orgId,
      action: 'create',
      entity: 'alert_rule',
      entityId: row.id,
      after: view,
    });
    return view;
  });
}

/**
 * Changes a rule. A new schedule or time zone, or a resume, moves the next run to the first slot
 * after `now` (slots missed while paused are not caught up); pausing keeps the rule's settings.
 */
export async function updateRule(
  db: Db,
  orgId: string,
  id: string,
  patch: AlertRulePatch,
  actor: Actor,
  now: Date,
) {
  const current = await findRule(db, orgId, id);
  await checkTeams(db, orgId, patch.teams);
  const { webhook, teams: watched, paused, ...fields } = patch;
  const schedule = patch.schedule ?? current.schedule;
  const timezone = patch.timezone ?? current.timezone;
  const wasPaused = current.pausedAt !== null;
  const resumed = paused === false && wasPaused;
  const rescheduled = schedule !== current.schedule || timezone !== current.timezone || resumed;
  const changes = {
    ...fields,
    ...(paused !== undefined && paused !== wasPaused ? { pausedAt: paused ? now : null } : {}),
    ...(watched !== undefined ? { teams: watched?.length ? watched : null } : {}),
    ...(webhook ? { webhookUrl: webhook.url, webhookSecret: webhook.secret ?? current.webhookSecret } : {}),
    ...(rescheduled ? { nextRunAt: nextRunAfter(schedule, timezone, now) } : {}),
  };
  const names = await teamNames(db, orgId);
  if (Object.keys(changes).length === 0) return ruleView(current, names);
  return db.transaction(async (tx) => {
    const [row] = await tx.update(alertRules).set(changes).where(eq(alertRules.id, id)).returning();
    if (!row) throw notFound('alert rule');
    const view = ruleView(row, names);
    await recordAudit(tx, actor, {
      orgId,
      action: paused === undefined || paused === wasPaused ? 'update' : paused ? 'pause' : 'resume',
      entity: 'alert_rule',
      entityId: id,
      before: ruleView(current, names),
      after: view,
    });
    return view;
  });
}

/** Deletes a rule with its evaluations, alerts and deliveries. */
export async function deleteRule(db: Db, orgId: string, id: string, actor: Actor): Promise<void> {
  const current = await findRule(db, orgId, id);
  await db.transaction(async (tx) => {
    await tx.delete(alertRules).where(eq(alertRules.id, id));
    await recordAudit(tx, actor, {
      orgId,
      action: 'delete',
      entity: 'alert_rule',
      entityId: id,
      before: ruleView(current, await teamNames(tx, orgId)),
    });
  });
}
