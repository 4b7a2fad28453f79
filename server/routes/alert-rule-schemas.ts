import type { z } from '@hono/zod-openapi';
import { alertRuleInputSchema, alertRulePatchShape, isTimeZone } from '../../shared/index';
import { scheduleProblem } from '../scheduler/schedule';

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

/** POST body: the shared AlertRuleInput, with schedule and zone checked by croner and Intl. */
export const createRuleSchema = alertRuleInputSchema
  .superRefine(checkSchedule)
  .meta({ id: 'AlertRuleInput' });

/** PATCH body: any subset; a webhook without `secret` keeps the current secret. */
export const patchRuleSchema = alertRulePatchShape.superRefine(checkSchedule).meta({ id: 'AlertRulePatch' });
