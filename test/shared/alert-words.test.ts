import { describe, expect, it } from 'vitest';
import {
  type AlertConditionWords,
  describeAlertCondition,
  describeSchedule,
  zonedTimeLabel,
} from '../../shared/index';

const names = new Map([
  ['r', 'Reviews'],
  ['p', 'Payments'],
  ['c', 'Checkout'],
]);
const rule = (overrides: Partial<AlertConditionWords>): AlertConditionWords => ({
  metric: 'p90WaitHours',
  comparator: '>',
  threshold: 24,
  lookaheadWeeks: 8,
  percentile: 'P90',
  teams: ['r'],
  ...overrides,
});

describe('describeAlertCondition', () => {
  it.each([
    [
      {},
      "Alert when Reviews team's p90 wait exceeds 24 h in any of the next 8 weeks (P90 forecast, pessimistic)",
    ],
    [
      { metric: 'serviceLevel', comparator: '<', threshold: 0.9, teams: null, percentile: 'P50' },
      "Alert when any team's service level falls below 90% in any of the next 8 weeks (P50 forecast, median)",
    ],
    [
      { metric: 'backlogWeeks', comparator: '>=', threshold: 1, lookaheadWeeks: 1, teams: ['r', 'p', 'c'] },
      "Alert when Reviews, Payments or Checkout team's backlog reaches 1 week of capacity this week (P90 forecast, pessimistic)",
    ],
    [
      { metric: 'burnoutRisk', comparator: '>=', threshold: 70, teams: ['r', 'p', 'c', 'x'] },
      "Alert when any of 4 teams' burnout risk reaches 70 of 100 in any of the next 8 weeks (P90 forecast, pessimistic)",
    ],
    [
      { metric: 'sev2PerWeek', comparator: '<=', threshold: 0.5, teams: ['gone'] },
      "Alert when unknown team's severity-2 incidents falls to 0.5 per week in any of the next 8 weeks (P90 forecast, pessimistic)",
    ],
  ] as const)('words %j', (overrides, expected) => {
    expect(describeAlertCondition(rule(overrides as Partial<AlertConditionWords>), names)).toBe(expected);
  });
});

describe('describeSchedule', () => {
  it.each([
    ['0 8 * * 1', 'Europe/Rome', 'Mondays at 08:00 Europe/Rome'],
    ['0 9 * * 1-5', 'UTC', 'Weekdays at 09:00 UTC'],
    ['30 7 * * MON,THU', 'UTC', 'Mondays and Thursdays at 07:30 UTC'],
    ['0 9,17 * * *', 'Asia/Tokyo', 'Every day at 09:00 and 17:00 Asia/Tokyo'],
    ['0 0 9 * * 0', 'UTC', 'Sundays at 09:00 UTC'],
    ['0 6 1 * *', 'UTC', 'Day 1 of every month at 06:00 UTC'],
    ['*/15 * * * *', 'UTC', 'On the cron schedule "*/15 * * * *" in UTC'],
  ])('words %s in %s', (pattern, zone, expected) => {
    expect(describeSchedule(pattern, zone)).toBe(expected);
  });
});

describe('zonedTimeLabel', () => {
  it('shows the wall-clock time in the zone, 24-hour and day first', () => {
    expect(zonedTimeLabel(new Date('2026-04-06T06:00:00Z'), 'Europe/Rome')).toBe('Mon 6 Apr 2026, 08:00');
    expect(zonedTimeLabel(new Date('2026-12-07T23:30:00Z'), 'America/New_York')).toBe(
      'Mon 7 Dec 2026, 18:30',
    );
  });
});
