import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isTimeZone, localDate, orgWeek } from '../../shared/index';

/**
 * Hand-computed weeks. 2026-11-30 is a Monday. Offsets: Pacific/Auckland NZDT +13 (summer),
 * America/Los_Angeles PST -8 / PDT -7 (DST from Sunday 2027-03-14 02:00), Europe/Berlin CEST +2 /
 * CET +1 (DST ends Sunday 2026-10-25 03:00), Asia/Kolkata +5:30 all year.
 */
const cases: { zone: string; at: string; monday: string; startsAt: string }[] = [
  { zone: 'UTC', at: '2026-11-30T00:00:00Z', monday: '2026-11-30', startsAt: '2026-11-30T00:00:00.000Z' },
  { zone: 'UTC', at: '2026-11-29T23:59:59Z', monday: '2026-11-23', startsAt: '2026-11-23T00:00:00.000Z' },
  // East of UTC: the local week starts on the Sunday in UTC.
  {
    zone: 'Pacific/Auckland',
    at: '2026-11-29T11:00:00Z',
    monday: '2026-11-30',
    startsAt: '2026-11-29T11:00:00.000Z',
  },
  {
    zone: 'Pacific/Auckland',
    at: '2026-11-29T10:59:00Z',
    monday: '2026-11-23',
    startsAt: '2026-11-22T11:00:00.000Z',
  },
  {
    zone: 'Asia/Kolkata',
    at: '2026-11-29T18:30:00Z',
    monday: '2026-11-30',
    startsAt: '2026-11-29T18:30:00.000Z',
  },
  {
    zone: 'Asia/Kolkata',
    at: '2026-11-29T18:29:00Z',
    monday: '2026-11-23',
    startsAt: '2026-11-22T18:30:00.000Z',
  },
  // West of UTC: the local week starts at 08:00 UTC on the Monday.
  {
    zone: 'America/Los_Angeles',
    at: '2026-11-30T07:59:00Z',
    monday: '2026-11-23',
    startsAt: '2026-11-23T08:00:00.000Z',
  },
  {
    zone: 'America/Los_Angeles',
    at: '2026-11-30T08:00:00Z',
    monday: '2026-11-30',
    startsAt: '2026-11-30T08:00:00.000Z',
  },
  // Across the spring-forward Sunday: the week of 8 March starts in PST, the next one in PDT (167 h).
  {
    zone: 'America/Los_Angeles',
    at: '2027-03-15T06:59:00Z',
    monday: '2027-03-08',
    startsAt: '2027-03-08T08:00:00.000Z',
  },
  {
    zone: 'America/Los_Angeles',
    at: '2027-03-15T07:00:00Z',
    monday: '2027-03-15',
    startsAt: '2027-03-15T07:00:00.000Z',
  },
  // Across the fall-back Sunday: the week of 19 October starts in CEST, the next one in CET (169 h).
  {
    zone: 'Europe/Berlin',
    at: '2026-10-25T22:59:00Z',
    monday: '2026-10-19',
    startsAt: '2026-10-18T22:00:00.000Z',
  },
  {
    zone: 'Europe/Berlin',
    at: '2026-10-25T23:00:00Z',
    monday: '2026-10-26',
    startsAt: '2026-10-25T23:00:00.000Z',
  },
];

describe('org weeks start at the local Monday 00:00 of the org time zone', () => {
  it.each(cases)('$at in $zone is in the week of $monday', ({ zone, at, monday, startsAt }) => {
    const week = orgWeek(new Date(at), zone);
    expect(week.monday).toBe(monday);
    expect(week.startsAt.toISOString()).toBe(startsAt);
  });

  it('makes a week across a daylight saving change 167 or 169 hours long', () => {
    const hours = (zone: string, a: string, b: string) =>
      (orgWeek(new Date(b), zone).startsAt.getTime() - orgWeek(new Date(a), zone).startsAt.getTime()) /
      3_600_000;
    expect(hours('America/Los_Angeles', '2027-03-10T12:00:00Z', '2027-03-17T12:00:00Z')).toBe(167);
    expect(hours('Europe/Berlin', '2026-10-21T12:00:00Z', '2026-10-28T12:00:00Z')).toBe(169);
  });

  it('gives the local calendar date', () => {
    expect(localDate(new Date('2026-11-29T11:30:00Z'), 'Pacific/Auckland')).toBe('2026-11-30');
    expect(localDate(new Date('2026-11-30T07:30:00Z'), 'America/Los_Angeles')).toBe('2026-11-29');
  });

  it('puts every instant in a week that started at most 169 hours before it on a Monday', () => {
    const zones = ['UTC', 'Pacific/Auckland', 'America/Los_Angeles', 'Europe/Berlin', 'Asia/Kolkata'];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.parse('2020-01-01T00:00:00Z'), max: Date.parse('2030-01-01T00:00:00Z') }),
        (zone, ms) => {
          const week = orgWeek(new Date(ms), zone);
          expect(new Date(`${week.monday}T00:00:00Z`).getUTCDay()).toBe(1);
          expect(localDate(week.startsAt, zone)).toBe(week.monday);
          expect(week.startsAt.getTime()).toBeLessThanOrEqual(ms);
          expect(ms - week.startsAt.getTime()).toBeLessThan(169 * 3_600_000);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('knows IANA zone names and rejects others', () => {
    expect(isTimeZone('Europe/Rome')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});
