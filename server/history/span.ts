import { localDate } from '../../shared/calendar/org-week';
import { weeksIn } from './weeks';

type Timed = { authoredAt: number; signedOffAt: number | null };

/**
 * The instants the history covers: from its first landed change (or first authored, when none
 * landed) to its last event. A git log `--since` a date lands changes from that date on, however
 * long before some were authored.
 */
export function spanInstants(changes: readonly Timed[]): { first: number; last: number } {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const c of changes) {
    first = Math.min(first, c.signedOffAt ?? c.authoredAt);
    last = Math.max(last, c.signedOffAt ?? c.authoredAt, c.authoredAt);
  }
  return { first, last };
}

/**
 * The days of {@link spanInstants} (dates in time zone `zone`) and the org weeks of `zone` (see
 * {@link weeksIn}) between them, both ends included.
 */
export function historySpan(changes: readonly Timed[], zone = 'UTC') {
  if (changes.length === 0) return { weeks: 0, from: null, to: null };
  const { first, last } = spanInstants(changes);
  const weekIn = weeksIn(zone);
  return {
    weeks: (weekIn(last) - weekIn(first)) / 7 + 1,
    from: localDate(new Date(first), zone),
    to: localDate(new Date(last), zone),
  };
}
