import { describe, expect, it } from 'vitest';
import { alertRuleInputSchema, alertRulePatchSchema } from '../../shared/contract/alerts';

const rule = {
  name: 'Checkout backlog',
  metric: 'backlogWeeks',
  comparator: '>=',
  threshold: 2,
  lookaheadWeeks: 4,
  schedule: '0 9 * * 1',
  timezone: 'Europe/Rome',
  webhook: { url: 'https://hooks.example.test/alerts', secret: 'a-long-enough-webhook-secret' },
};

const problems = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => (result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]);

/** The alert rule schemas the API and the browser form share check schedule and zone in both places. */
describe('alert rule contract', () => {
  it('accepts a rule with a cron schedule and an IANA zone, filling in the defaults', () => {
    expect(alertRuleInputSchema.parse(rule)).toMatchObject({
      percentile: 'P90',
      format: 'json',
      cooldownHours: 0,
      digest: false,
      paused: false,
    });
  });

  it('names schedule and timezone when the cron expression or the zone is not one', () => {
    expect(problems(alertRuleInputSchema.safeParse({ ...rule, schedule: '61 9 * * 1' }))).toEqual([
      ['schedule', expect.stringContaining('minute')],
    ]);
    expect(problems(alertRuleInputSchema.safeParse({ ...rule, timezone: 'Mars/Olympus' }))).toEqual([
      ['timezone', 'must be an IANA time zone such as Europe/Rome'],
    ]);
  });

  it('checks a patch the same way, and a patch of other fields needs neither', () => {
    expect(problems(alertRulePatchSchema.safeParse({ schedule: 'every monday' }))).toEqual([
      ['schedule', expect.any(String)],
    ]);
    expect(alertRulePatchSchema.safeParse({ threshold: 3 }).success).toBe(true);
  });
});
