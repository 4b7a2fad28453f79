import { describe, expect, it } from 'vitest';
import { mondayOf } from '../../server/services/week-memo';

describe('mondayOf', () => {
  it('gives the local Monday of each instant asked in turn, across a daylight saving change and back', () => {
    // New York: Sunday 2026-03-08 is the first day of daylight saving time (UTC-5 -> UTC-4).
    const asked: [string, string][] = [
      ['2026-03-08T12:00:00Z', '2026-03-02'],
      ['2026-03-02T04:59:59Z', '2026-02-23'],
      ['2026-03-02T05:00:00Z', '2026-03-02'],
      ['2026-03-09T03:59:59Z', '2026-03-02'],
      ['2026-03-09T04:00:00Z', '2026-03-09'],
      ['2026-03-15T12:00:00Z', '2026-03-09'],
      ['2026-03-01T12:00:00Z', '2026-02-23'],
    ];
    for (const [instant, monday] of asked) {
      expect(mondayOf(new Date(instant), 'America/New_York'), instant).toBe(monday);
    }
  });

  it('keeps each time zone apart', () => {
    const instant = new Date('2026-03-09T02:00:00Z');
    expect(mondayOf(instant, 'America/New_York')).toBe('2026-03-02');
    expect(mondayOf(instant, 'UTC')).toBe('2026-03-09');
    expect(mondayOf(instant, 'America/New_York')).toBe('2026-03-02');
  });
});
