import { describe, expect, it } from 'vitest';
import { formatNumber, tickLabel } from '../../web/format';

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

describe('formatNumber', () => {
  it.each([
    [1234567, 0, '1,234,567'],
    [1234.56, 1, '1,234.6'],
    [12.345, 2, '12.35'],
    [2, 1, '2'],
    [0.04, 1, '0'],
    [-3.25, 1, '-3.3'],
  ])('formats %d with at most %d decimals as %s', (value, digits, expected) => {
    expect(formatNumber(value, digits)).toBe(expected);
  });

  it('keeps each call to its own decimals when calls with different decimals alternate', () => {
    expect([formatNumber(1.26, 1), formatNumber(1.26), formatNumber(1.26, 2), formatNumber(1.26, 1)]).toEqual(
      ['1.3', '1', '1.26', '1.3'],
    );
  });
});
