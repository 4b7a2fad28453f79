import { describe, expect, it } from 'vitest';
import { tickLabel } from '../../web/format';

/** Seconds since the epoch of a UTC midnight. */
const at = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 1000;

describe('chart axis labels', () => {
  it.each([
    ['a year-long axis names month and year, never a day', '2026-12-28', 364, 'Dec 2026'],
    ['a year-long axis in spring', '2027-03-01', 364, 'Mar 2027'],
    ['a span of 200 days or less names day and month', '2026-12-28', 120, '28 Dec'],
  ])('%s', (_, iso, spanDays, expected) => {
    expect(tickLabel(at(iso) + 12 * 3600, spanDays)).toBe(expected);
  });
});
