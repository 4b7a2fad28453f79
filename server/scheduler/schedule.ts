import { Cron } from 'croner';

export { scheduleProblem } from '../../shared/index';

/**
 * The first instant strictly after `from` that `pattern` matches in `timezone` (wall-clock time
 * there, so daylight-saving changes move the UTC instant). Throws when it never fires again.
 */
export function nextRunAfter(pattern: string, timezone: string, from: Date): Date {
  // Stryker disable next-line BooleanLiteral: a Cron without a function to call schedules nothing, paused or not
  const next = new Cron(pattern, { timezone, paused: true }).nextRun(from);
  if (!next) throw new Error(`schedule "${pattern}" never fires after ${from.toISOString()}`);
  return next;
}

/**
 * What to do with a rule whose slot `scheduledFor` is due at `now`: run once, as a catch-up when
 * at least one later slot was also missed, and move to the first slot after `now`, so a long
 * downtime costs one evaluation rather than one per missed tick.
 */
export function planDueRun(
  pattern: string,
  timezone: string,
  scheduledFor: Date,
  now: Date,
): { trigger: 'schedule' | 'catch-up'; nextRunAt: Date } {
  const following = nextRunAfter(pattern, timezone, scheduledFor);
  return {
    trigger: following.getTime() <= now.getTime() ? 'catch-up' : 'schedule',
    nextRunAt: nextRunAfter(pattern, timezone, now),
  };
}
