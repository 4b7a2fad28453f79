import { z } from '@hono/zod-openapi';
import { alertMetricKeys } from '../../shared/index';
import { comparators, percentiles } from '../scheduler/conditions';
import { isTimeZone, scheduleProblem } from '../scheduler/schedule';

const webhookUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http or https URL' })
  .max(2000, { error: 'must be at most 2000 characters' });

const secret = z
  .string({ error: 'must be a string' })
  .min(16, { error: 'must be at least 16 characters' })
  .max(256, { error: 'must be at most 256 characters' });

const fields = {
  name: z.string({ error: 'must be a string' }).trim().min(1, { error: 'must not be empty' }).max(120),
  metric: z.enum(alertMetricKeys, { error: `must be one of ${alertMetricKeys.join(', ')}` }),
  comparator: z.enum(comparators, { error: 'must be one of >, >=, <, <=' }),
  threshold: z.number({ error: 'must be a number' }),
  lookaheadWeeks: z
    .number({ error: 'must be a number' })
    .int({ error: 'must be a whole number' })
    .min(1, { error: 'must be between 1 and 260' })
    .max(260, { error: 'must be between 1 and 260' }),
  schedule: z.string({ error: 'must be a cron expression' }).max(120).openapi({
    example: '0 9 * * 1-5',
    description: 'Cron expression (5 fields, or 6 with seconds), croner syntax',
  }),
  timezone: z.string({ error: 'must be an IANA time zone' }).max(64).openapi({ example: 'Europe/Rome' }),
  teams: z
    .array(z.string().min(1).max(64))
    .max(500)
    .nullable()
    .optional()
    .openapi({ description: 'Team ids to watch; omitted, null or empty watches every team' }),
  percentile: z.enum(percentiles, { error: 'must be P50 or P90' }),
  format: z.enum(['json', 'slack'], { error: 'must be json or slack' }),
  cooldownHours: z.number({ error: 'must be a number' }).min(0).max(8760),
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

/** POST body: exactly these names; unknown keys are rejected. */
export const createRuleSchema = z
  .strictObject({
    ...fields,
    webhook: z.strictObject({ url: webhookUrl, secret }),
    percentile: fields.percentile.default('P90'),
    format: fields.format.default('json'),
    cooldownHours: fields.cooldownHours.default(0),
  })
  .superRefine(checkSchedule)
  .openapi('AlertRuleInput');

/** PATCH body: any subset; a webhook without `secret` keeps the current secret. */
export const patchRuleSchema = z
  .strictObject({ ...fields, webhook: z.strictObject({ url: webhookUrl, secret: secret.optional() }) })
  .partial()
  .superRefine(checkSchedule)
  .openapi('AlertRulePatch');

export const ruleSchema = z
  .object({
    id: z.string(),
    ...fields,
    teams: z.array(z.string()).nullable(),
    webhook: z.object({ url: z.string(), secretHint: z.string().openapi({ example: '…c0de' }) }),
    nextRunAt: z.string(),
    createdAt: z.string(),
  })
  .openapi('AlertRule');

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
  .openapi('Alert');

export const findingSchema = z
  .object({
    teamId: z.string(),
    teamName: z.string(),
    breached: z.boolean(),
    week: z.number().int().nullable(),
    date: z.string().nullable(),
    value: z.number().nullable(),
    worst: z.number(),
  })
  .openapi('AlertFinding');
