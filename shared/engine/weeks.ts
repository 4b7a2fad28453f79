import { addWeeks, differenceInCalendarDays, format, parseISO, startOfISOWeek } from 'date-fns';

/** Monday of the ISO week containing `isoDate` (YYYY-MM-DD). */
const monday = (isoDate: string): Date => startOfISOWeek(parseISO(isoDate));

/** ISO date (YYYY-MM-DD) of each forecast week's Monday, week 0 = the start week. */
export const weekDates = (startWeek: string, weeks: number): string[] => {
  const first = monday(startWeek);
  return Array.from({ length: weeks }, (_, w) => format(addWeeks(first, w), 'yyyy-MM-dd'));
};

/** Week index (may be negative) of the week containing `date`, relative to the start week. */
export const weekIndexOf = (startWeek: string, date: string): number =>
  Math.floor(differenceInCalendarDays(parseISO(date), monday(startWeek)) / 7);
