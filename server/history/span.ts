import { dayLabel, weekOf } from './weeks';

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

/** The days of {@link spanInstants} (UTC dates) and the UTC ISO weeks between them. */
export function historySpan(changes: readonly Timed[]) {
  if (changes.length === 0) return { weeks: 0, from: null, to: null };
  const { first, last } = spanInstants(changes);
  return { weeks: (weekOf(last) - weekOf(first)) / 7 + 1, from: dayLabel(first), to: dayLabel(last) };
}
