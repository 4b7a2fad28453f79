import { orgWeek } from '../../shared/calendar/org-week';

const dayMs = 86_400_000;

/**
 * The UTC ISO week (weeks start Monday) holding `ms`, as the epoch day number of its Monday.
 * 1970-01-01 was a Thursday, so Monday 1969-12-29 is day -3.
 */
export const weekOf = (ms: number): number => Math.floor((Math.floor(ms / dayMs) + 3) / 7) * 7 - 3;

/** A week's Monday as YYYY-MM-DD. */
export const weekLabel = (week: number): string => new Date(week * dayMs).toISOString().slice(0, 10);

/** The week holding a YYYY-MM-DD date. */
export const weekOfDate = (date: string): number => weekOf(Date.parse(`${date}T00:00:00Z`));

/** A UTC date as YYYY-MM-DD. */
export const dayLabel = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The week holding an instant (epoch ms), as the epoch day number of its Monday's date. */
export type WeekOf = (ms: number) => number;

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / dayMs;

/**
 * Weeks of time zone `zone` (see {@link orgWeek}: they start at the zone's local Monday 00:00),
 * each named by the day number of its local Monday. UTC weeks are plain arithmetic; other zones
 * ask date-fns once per week met and then find a week's start by binary search, so bucketing
 * 100,000 instants costs a few hundred date-fns calls.
 */
export function weeksIn(zone: string): WeekOf {
  if (zone === 'UTC') return weekOf;
  const weekAt = (ms: number) => {
    const { monday, startsAt } = orgWeek(new Date(ms), zone);
    return { start: startsAt.getTime(), day: dayNumber(monday) };
  };
  const after = (week: { start: number }) => weekAt(week.start + 8 * dayMs);
  /** The weeks from the one holding `from` to the last one starting before `until`. */
  const run = (from: number, until: number) => {
    const found = [weekAt(from)];
    for (let next = after(found[0]!); next.start < until; next = after(next)) found.push(next);
    return found;
  };
  /** Consecutive weeks from the earliest instant met; `end` is when the last one ends. */
  let weeks: { start: number; day: number }[] = [];
  let end = Number.NEGATIVE_INFINITY;
  return (ms) => {
    if (weeks.length > 0 && ms < weeks[0]!.start) weeks = [...run(ms, weeks[0]!.start), ...weeks];
    if (ms >= end) {
      weeks = [...weeks.slice(0, -1), ...run(weeks.at(-1)?.start ?? ms, ms + 1)];
      end = after(weeks.at(-1)!).start;
    }
    let low = 0;
    let high = weeks.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (weeks[middle]!.start <= ms) low = middle;
      else high = middle - 1;
    }
    return weeks[low]!.day;
  };
}
