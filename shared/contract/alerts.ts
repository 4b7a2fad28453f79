import { z } from 'zod';
import { isTimeZone } from '../calendar/org-week';
import { scheduleProblem } from '../calendar/schedule-words';
import { alertMetricKeys } from '../engine/metrics';

export const alertComparators = ['>', '>=', '<', '<='] as const;
export type AlertComparator = (typeof alertComparators)[number];

export const alertPercentiles = ['P50', 'P90'] as const;
export type AlertPercentile = (typeof alertPercentiles)[number];

const webhookUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http or https URL' })
  .max(2000, { error: 'must be at most 2000 characters' });

const webhookSecret = z
  .string({ error: 'must be a string' })
  .min(16, { error: 'must be at least 16 characters' })
  .max(256, { error: 'must be at most 256 characters' });

/** The fields of an alert rule with their rules and messages, shared by the API and the browser form. */
export const alertRuleFields = {
  name: z.string({ error: 'must be a string' }).trim().min(1, { error: 'must not be empty' }).max(120),
  metric: z.enum(alertMetricKeys, { error: `must be one of ${alertMetricKeys.join(', ')}` }),
  comparator: z.enum(alertComparators, { error: 'must be one of >, >=, <, <=' }),
  threshold: z.number({ error: 'must be a number' }),
  lookaheadWeeks: z
    .number({ error: 'must be a number' })
    .int({ error: 'must be a whole number' })
    .min(1, { error: 'must be between 1 and 260' })
    .max(260, { error: 'must be between 1 and 260' }),
  schedule: z.string({ error: 'must be a cron expression' }).max(120).meta({
    example: '0 9 * * 1-5',
    description: 'Cron expression (5 fields, or 6 with seconds), croner syntax',
  }),
  timezone: z.string({ error: 'must be an IANA time zone' }).max(64).meta({ example: 'Europe/Rome' }),
  teams: z
    .array(z.string().min(1).max(64))
    .max(500)
    .nullable()
    .optional()
    .meta({ description: 'Team ids to watch; omitted, null or empty watches every team' }),
  percentile: z.enum(alertPercentiles, { error: 'must be P50 or P90' }),
  format: z.enum(['json', 'slack'], { error: 'must be json or slack' }),
  cooldownHours: z.number({ error: 'must be a number' }).min(0).max(8760),
  digest: z.boolean({ error: 'must be true or false' }).meta({
    description: 'One delivery per evaluation naming every team opened or resolved, instead of one per team',
  }),
  paused: z.boolean({ error: 'must be true or false' }).meta({
    description: 'A paused rule is not evaluated on schedule; resuming starts from the next slot after now',
  }),
};

/** Schedule and time zone are checked with croner and Intl; each problem names its field. */
function checkSchedule(
  value: { schedule?: string | undefined; timezone?: string | undefined },
  ctx: z.RefinementCtx,
) {
  const zoneOk = value.timezone === undefined || isTimeZone(value.timezone);
  if (!zoneOk)
    ctx.addIssue({
      code: 'custom',
      path: ['timezone'],
      message: 'must be an IANA time zone such as Europe/Rome',
    });
  if (value.schedule === undefined) return;
  const problem = scheduleProblem(value.schedule, zoneOk && value.timezone ? value.timezone : 'UTC');
  if (problem) ctx.addIssue({ code: 'custom', path: ['schedule'], message: problem });
}

/** A new rule: exactly these names, unknown keys rejected, schedule and zone checked. */
export const alertRuleInputSchema = z
  .strictObject({
    ...alertRuleFields,
    webhook: z.strictObject({ url: webhookUrl, secret: webhookSecret }),
    percentile: alertRuleFields.percentile.default('P90'),
    format: alertRuleFields.format.default('json'),
    cooldownHours: alertRuleFields.cooldownHours.default(0),
    digest: alertRuleFields.digest.default(false),
    paused: alertRuleFields.paused.default(false),
  })
  .superRefine(checkSchedule)
  .meta({ id: 'AlertRuleInput' });

/** A change to a rule: any subset; a webhook without `secret` keeps the current secret. */
export const alertRulePatchSchema = z
  .strictObject({
    ...alertRuleFields,
    webhook: z.strictObject({ url: webhookUrl, secret: webhookSecret.optional() }),
  })
  .partial()
  .superRefine(checkSchedule)
  .meta({ id: 'AlertRulePatch' });

export const alertRuleSchema = z
  .object({
    id: z.string(),
    ...alertRuleFields,
    teams: z.array(z.string()).nullable(),
    webhook: z.object({ url: z.string(), secretHint: z.string().meta({ example: '…c0de' }) }),
    pausedAt: z.string().nullable(),
    description: z.string().meta({
      example:
        "Alert when Reviews team's p90 wait exceeds 24 h in any of the next 8 weeks (P90 forecast, pessimistic)",
    }),
    scheduleText: z.string().meta({ example: 'Mondays at 08:00 Europe/Rome' }),
    nextRunAt: z.string(),
    nextRuns: z.array(z.string()).meta({
      description: 'The next five scheduled instants (ISO, UTC); empty while paused',
    }),
    createdAt: z.string(),
  })
  .meta({ id: 'AlertRule' });

export const alertSchema = z
  .object({
    id: z.string(),
    ruleId: z.string(),
    teamId: z.string(),
    teamName: z.string(),
    state: z.enum(['open', 'resolved']),
    openedAt: z.string(),
    resolvedAt: z.string().nullable(),
    breachWeek: z.number().int(),
    breachDate: z.string(),
    value: z.number(),
    acknowledgedAt: z.string().nullable(),
    acknowledgedBy: z.string().nullable(),
  })
  .meta({ id: 'Alert' });

export const alertFindingSchema = z
  .object({
    teamId: z.string(),
    teamName: z.string(),
    breached: z.boolean(),
    week: z.number().int().nullable(),
    date: z.string().nullable(),
    value: z.number().nullable(),
    worst: z.number(),
  })
  .meta({ id: 'AlertFinding' });

export const alertEvaluationSchema = z
  .object({
    id: z.string(),
    trigger: z.literal('manual'),
    evaluatedAt: z.string(),
    status: z.enum(['ok', 'error']),
    error: z.string().nullable(),
    source: z.record(z.string(), z.unknown()).nullable(),
    findings: z.array(alertFindingSchema),
    opened: z.array(alertSchema),
    resolved: z.array(alertSchema),
  })
  .meta({ id: 'AlertEvaluation' });

/** POST /orgs/{org}/alert-rules/{id}/dry-run: what an evaluation would open and resolve now; nothing stored or sent. */
export const alertDryRunSchema = z
  .object({
    dryRun: z.literal(true),
    evaluatedAt: z.string(),
    source: z.record(z.string(), z.unknown()),
    findings: z.array(alertFindingSchema),
    wouldOpen: z.array(alertSchema),
    wouldResolve: z.array(alertSchema),
  })
  .meta({ id: 'AlertDryRun' });

export const alertDeliverySchema = z
  .object({
    id: z.string(),
    alertId: z.string().meta({ description: 'The alert; in a digest, the first of its alerts' }),
    event: z.enum(['opened', 'resolved', 'digest']),
    teams: z.array(z.object({ id: z.string(), name: z.string() })).meta({
      description: 'The teams the delivery names (several in a digest)',
    }),
    url: z.string(),
    status: z.enum(['pending', 'delivered', 'failed']),
    attempts: z.array(
      z.object({
        attempt: z.number().int(),
        startedAt: z.string(),
        statusCode: z.number().int().nullable(),
        error: z.string().nullable(),
        latencyMs: z.number().int(),
      }),
    ),
    nextAttemptAt: z.string().nullable(),
    createdAt: z.string(),
    completedAt: z.string().nullable(),
  })
  .meta({ id: 'AlertDelivery' });

export type AlertRuleInput = z.input<typeof alertRuleInputSchema>;
export type AlertRulePatch = z.input<typeof alertRulePatchSchema>;
export type AlertRule = z.infer<typeof alertRuleSchema>;
export type Alert = z.infer<typeof alertSchema>;
export type AlertFinding = z.infer<typeof alertFindingSchema>;
export type AlertEvaluation = z.infer<typeof alertEvaluationSchema>;
export type AlertDryRun = z.infer<typeof alertDryRunSchema>;
export type AlertDelivery = z.infer<typeof alertDeliverySchema>;
