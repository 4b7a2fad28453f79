import { describe, expect, it } from 'vitest';
import { hoursOpen } from '../../../server/services/calibration/history-metrics';
import { metricKeys } from '../../../shared/index';

/** A two-week engine series of one team: 4 reviewers, capacity for 20 changes a week. */
const series = (metric: number, week: number) =>
  ({
    reviewers: [4, 4],
    capacityChanges: [20, 0],
    meanWaitHours: [2, 4],
  })[metricKeys[metric] as string]?.[week] ?? 0;

describe('hours open from an engine series', () => {
  it('adds the wait in calendar hours to the time in review (hand-computed)', () => {
    // 168 x (2/40 + 4/20) = 42
    expect(hoursOpen(series, 0, 40)).toBeCloseTo(42, 12);
    // no capacity: the wait alone, 168 x 4/40
    expect(hoursOpen(series, 1, 40)).toBeCloseTo(16.8, 12);
  });
});
