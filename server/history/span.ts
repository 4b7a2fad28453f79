import { dayLabel, weekOf } from './weeks';

/**
 * The days the history covers: from its first landed change (or first authored, when none landed)
 * to its last event, and the ISO weeks between them. A git log `--since` a date lands changes
 * from that date on, however long before some were authored.
 */
export function historySpan(changes: readonly { authoredAt: number; signedOffAt: number | null }[]) {
  if (changes.length === 0) return { weeks: 0, from: null, to: null };
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const c of changes) {
    first = Math.min(first, c.signedOffAt ?? c.authoredAt);
    last = Math.max(last, c.signedOffAt ?? c.authoredAt, c.authoredAt);
  }
  return { weeks: (weekOf(last) - weekOf(first)) / 7 + 1, from: dayLabel(first), to: dayLabel(last) };
}
