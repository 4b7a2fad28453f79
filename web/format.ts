import { differenceInCalendarWeeks, format, parseISO } from 'date-fns';

/** `2027-03-29` as `29 Mar 2027`. */
export const formatDate = (iso: string): string => format(parseISO(iso), 'd MMM yyyy');

/** Seconds since the epoch (uPlot's time unit) of an ISO date. */
export const toSeconds = (iso: string): number => parseISO(iso).getTime() / 1000;

/** Axis tick label for seconds since the epoch: `Mar 2027` (month and year, never read as a day), or `29 Mar` for short spans. */
export const tickLabel = (seconds: number, spanDays: number): string =>
  format(new Date(seconds * 1000), spanDays > 200 ? 'MMM yyyy' : 'd MMM');

/** Whole weeks from `fromIso` to `toIso`. */
export const weeksBetween = (fromIso: string, toIso: string): number =>
  differenceInCalendarWeeks(parseISO(toIso), parseISO(fromIso), { weekStartsOn: 1 });

/**
 * Number formats by most decimals, made once: `toLocaleString` with options builds a new format
 * at each call, the largest page-side cost of a chart redraw (its axis labels) in a Chromium profile.
 */
const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number with thousands separators, at most `digits` decimals and at least `minDigits`. */
export function formatNumber(value: number, digits = 0, minDigits = 0): string {
  const key = `${digits}/${minDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat('en-GB', {
      maximumFractionDigits: digits,
      minimumFractionDigits: minDigits,
    });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

/** A number with thousands separators and exactly `decimals` decimals, so a column's figures line up. */
export const formatFixed = (value: number, decimals: number): string =>
  formatNumber(value, decimals, decimals);
