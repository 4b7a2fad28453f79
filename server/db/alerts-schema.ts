import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { AlertFinding } from '../../shared/contract/alerts';
import { alertMetricKeys } from '../../shared/index';
import { orgs } from './org-schema';

/** A team named in a delivery. */
export interface DeliveryTeam {
  id: string;
  name: string;
}

const timestamp = (name: string) => integer(name, { mode: 'timestamp_ms' });
const createdAt = () => timestamp('created_at').notNull().default(sql`(unixepoch('subsec') * 1000)`);

/** A scheduled alert rule: a metric condition on the plan of record's forecast, a cron schedule and a webhook. */
export const alertRules = sqliteTable(
  'alert_rules',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    metric: text('metric', { enum: alertMetricKeys }).notNull(),
    percentile: text('percentile', { enum: ['P50', 'P90'] }).notNull(),
    comparator: text('comparator', { enum: ['>', '>=', '<', '<='] }).notNull(),
    threshold: real('threshold').notNull(),
    lookaheadWeeks: integer('lookahead_weeks').notNull(),
    /** Team ids the rule watches; null watches every team of the org. */
    teams: text('teams', { mode: 'json' }).$type<string[]>(),
    schedule: text('schedule').notNull(),
    timezone: text('timezone').notNull(),
    webhookUrl: text('webhook_url').notNull(),
    webhookSecret: text('webhook_secret').notNull(),
    format: text('format', { enum: ['json', 'slack'] }).notNull(),
    cooldownHours: real('cooldown_hours').notNull(),
    /** One delivery per evaluation listing every team opened or resolved, instead of one per team. */
    digest: integer('digest', { mode: 'boolean' }).notNull().default(false),
    /** When the rule was paused; a paused rule is not evaluated on schedule (null = active). */
    pausedAt: timestamp('paused_at'),
    /** The next scheduled instant; a missed one is caught up once, then moved past now. */
    nextRunAt: timestamp('next_run_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('alert_rules_org').on(t.orgId), index('alert_rules_next_run').on(t.nextRunAt)],
);

/** Every evaluation of a rule, scheduled or manual, with what it found. */
export const alertEvaluations = sqliteTable(
  'alert_evaluations',
  {
    id: text('id').primaryKey(),
    ruleId: text('rule_id')
      .notNull()
      .references(() => alertRules.id, { onDelete: 'cascade' }),
    trigger: text('trigger', { enum: ['schedule', 'catch-up', 'manual'] }).notNull(),
    /** The schedule slot this evaluation served (null for manual runs). */
    scheduledFor: timestamp('scheduled_for'),
    evaluatedAt: timestamp('evaluated_at').notNull(),
    status: text('status', { enum: ['ok', 'error'] }).notNull(),
    error: text('error'),
    /** Which forecast was read: scenario id, version and run. */
    source: text('source', { mode: 'json' }).$type<Record<string, unknown>>(),
    findings: text('findings', { mode: 'json' }).$type<AlertFinding[]>().notNull(),
    opened: integer('opened').notNull(),
    resolved: integer('resolved').notNull(),
  },
  (t) => [index('alert_evaluations_rule').on(t.ruleId, t.evaluatedAt)],
);

/** Alert state per rule and team: at most one open row per pair; resolved rows are history. */
export const alerts = sqliteTable(
  'alerts',
  {
    id: text('id').primaryKey(),
    ruleId: text('rule_id')
      .notNull()
      .references(() => alertRules.id, { onDelete: 'cascade' }),
    teamId: text('team_id').notNull(),
    teamName: text('team_name').notNull(),
    state: text('state', { enum: ['open', 'resolved'] }).notNull(),
    openedAt: timestamp('opened_at').notNull(),
    resolvedAt: timestamp('resolved_at'),
    /** First forecast week (0 = start week) that crossed the threshold, its Monday and value. */
    breachWeek: integer('breach_week').notNull(),
    breachDate: text('breach_date').notNull(),
    value: real('value').notNull(),
    acknowledgedAt: timestamp('acknowledged_at'),
    acknowledgedBy: text('acknowledged_by'),
  },
  (t) => [
    uniqueIndex('alerts_one_open').on(t.ruleId, t.teamId).where(sql`state = 'open'`),
    index('alerts_rule_team').on(t.ruleId, t.teamId, t.openedAt),
  ],
);

/** The outbox: one row per alert state change to deliver, written in the same transaction. */
export const alertDeliveries = sqliteTable(
  'alert_deliveries',
  {
    /** Also the X-Reviewload-Delivery idempotency id. */
    id: text('id').primaryKey(),
    ruleId: text('rule_id')
      .notNull()
      .references(() => alertRules.id, { onDelete: 'cascade' }),
    /** The alert (in a digest, the first of its alerts). */
    alertId: text('alert_id')
      .notNull()
      .references(() => alerts.id, { onDelete: 'cascade' }),
    event: text('event', { enum: ['opened', 'resolved', 'digest'] }).notNull(),
    /** The teams the delivery tells about (one, or several in a digest). */
    teams: text('teams', { mode: 'json' }).$type<DeliveryTeam[]>().notNull().default(sql`'[]'`),
    url: text('url').notNull(),
    /** The exact raw body sent on every attempt. */
    body: text('body').notNull(),
    status: text('status', { enum: ['pending', 'delivered', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at').notNull(),
    /** A worker's claim on the row; an expired claim (crashed worker) may be taken over. */
    lockedUntil: timestamp('locked_until'),
    createdAt: createdAt(),
    completedAt: timestamp('completed_at'),
  },
  (t) => [
    index('alert_deliveries_due').on(t.status, t.nextAttemptAt),
    index('alert_deliveries_rule').on(t.ruleId, t.createdAt),
  ],
);

/** One HTTP attempt of a delivery: status code or network error, and latency. */
export const alertDeliveryAttempts = sqliteTable(
  'alert_delivery_attempts',
  {
    id: text('id').primaryKey(),
    deliveryId: text('delivery_id')
      .notNull()
      .references(() => alertDeliveries.id, { onDelete: 'cascade' }),
    attempt: integer('attempt').notNull(),
    startedAt: timestamp('started_at').notNull(),
    statusCode: integer('status_code'),
    error: text('error'),
    latencyMs: integer('latency_ms').notNull(),
  },
  (t) => [uniqueIndex('alert_delivery_attempts_number').on(t.deliveryId, t.attempt)],
);

/** Named leases with expiry, so that among several processes on one database only the holder acts. */
export const schedulerLeases = sqliteTable('scheduler_leases', {
  name: text('name').primaryKey(),
  holder: text('holder').notNull(),
  expiresAt: timestamp('expires_at').notNull(),
});

export const alertJobStatuses = ['queued', 'running', 'done', 'skipped', 'failed'] as const;

/**
 * Scheduled evaluations as durable jobs: one row per rule and due slot, written when the slot
 * falls due (with the rule's next slot, in one transaction), claimed by one process at a time
 * (`lockedUntil`, extended while it runs) and finished in the evaluation's own transaction. A
 * process that dies mid-evaluation leaves the row running with an expiring claim, so another
 * process (or the restarted one) runs it again.
 */
export const alertEvaluationJobs = sqliteTable(
  'alert_evaluation_jobs',
  {
    id: text('id').primaryKey(),
    ruleId: text('rule_id')
      .notNull()
      .references(() => alertRules.id, { onDelete: 'cascade' }),
    trigger: text('trigger', { enum: ['schedule', 'catch-up'] }).notNull(),
    /** The schedule slot the job serves: a slot is queued once. */
    scheduledFor: timestamp('scheduled_for').notNull(),
    status: text('status', { enum: alertJobStatuses }).notNull(),
    /** Times a process started the job. */
    attempts: integer('attempts').notNull().default(0),
    /** The process running the job and until when its claim holds. */
    holder: text('holder'),
    lockedUntil: timestamp('locked_until'),
    /** The evaluation the job recorded (done). */
    evaluationId: text('evaluation_id'),
    error: text('error'),
    createdAt: createdAt(),
    finishedAt: timestamp('finished_at'),
  },
  (t) => [
    uniqueIndex('alert_evaluation_jobs_slot').on(t.ruleId, t.scheduledFor),
    index('alert_evaluation_jobs_status').on(t.status, t.createdAt),
  ],
);
