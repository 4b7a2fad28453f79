import { TZDate } from '@date-fns/tz';
import { format, startOfISOWeek } from 'date-fns';

/** The time zone of an org that has not chosen one. */
export const defaultTimeZone = 'UTC';

/** True when `zone` is an IANA zone name this runtime knows (e.g. `Europe/Rome`, `UTC`). */
export function isTimeZone(zone: string): boolean {
  if (zone.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The calendar date (YYYY-MM-DD) it is in `zone` at `instant`. */
export const localDate = (instant: Date, zone: string): string =>
  format(new TZDate(instant.getTime(), zone), 'yyyy-MM-dd');

/**
 * The week holding `instant` in `zone`: weeks start at the zone's local Monday 00:00 (ISO weeks).
 * `monday` is that Monday's date, `startsAt` the instant it began (a week across a daylight
 * saving change lasts 167 or 169 hours).
 */
export function orgWeek(instant: Date, zone: string): { monday: string; startsAt: Date } {
  const start = startOfISOWeek(new TZDate(instant.getTime(), zone));
  return { monday: format(start, 'yyyy-MM-dd'), startsAt: new Date(start.getTime()) };
}
