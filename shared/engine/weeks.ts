import { differenceInCalendarDays, parseISO, startOfISOWeek } from 'date-fns';

/** Monday of the ISO week containing `isoDate` (YYYY-MM-DD). */
const monday = (isoDate: string): Date => startOfISOWeek(parseISO(isoDate));

/**
 * ISO date (YYYY-MM-DD) of each forecast week's Monday, week 0 = the start week: calendar
 * days counted on the UTC calendar from the first Monday's date (one date-fns format per week
 * cost 6% of a mean path).
 */
export const weekDates = (startWeek: string, weeks: number): string[] => {
  const first = monday(startWeek);
  const y = first.getFullYear();
  const m = first.getMonth();
  const d = first.getDate();
  return Array.from({ length: weeks }, (_, w) =>
    new Date(Date.UTC(y, m, d + 7 * w)).toISOString().slice(0, 10),
  );
};

/** Week index (may be negative) of the week containing `date`, relative to the start week. */
export const weekIndexOf = (startWeek: string, date: string): number =>
  Math.floor(differenceInCalendarDays(parseISO(date), monday(startWeek)) / 7);
