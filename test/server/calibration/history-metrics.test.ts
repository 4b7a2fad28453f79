import { describe, expect, it } from 'vitest';
import { historyMetrics } from '../../../server/services/calibration/history-metrics';
import { metricKeys } from '../../../shared/index';

/** A two-week engine series of one team: 4 reviewers, 10 arrivals and capacity for `capacity` a week. */
const series = (capacity: number) => {
  const values: Partial<Record<(typeof metricKeys)[number], number[]>> = {
    reviewers: [4, 4],
    signoffDemand: [10, 10],
    capacityChanges: [capacity, capacity],
    backlog: [1, 3],
    meanWaitHours: [2, 4],
  };
  return (metric: number, week: number) => values[metricKeys[metric]!]?.[week] ?? 0;
};

describe('history metrics from an engine series', () => {
  it('reads open as backlog + changes in review + changes outside the queue (hand-computed)', () => {
    const out = historyMetrics(series(20), {
      weeks: 2,
      workHoursPerWeek: 40,
      latencyHours: 16.8,
      openShare: 1,
    });
    // in review: 4 x min(1, 10/20) = 2; outside: 10 x 16.8 / 168 = 1; open 1 + 2 + 1, then 3 + 2 + 1
    expect(out.open).toEqual([4, 6]);
    // completed: 10 + 4 - 4 (the first week its own open before), then 10 + 4 - 6
    expect(out.signoffsCompleted).toEqual([10, 8]);
    // hours open: 168 x (2/40 + 4/20) = 42, 168 x (4/40 + 4/20) = 50.4
    expect(out.medianHoursToSignoff[0]).toBeCloseTo(42, 12);
    expect(out.medianHoursToSignoff[1]).toBeCloseTo(50.4, 12);
    expect(out.signoffDemand).toEqual([10, 10]);
  });

  it('has every reviewer busy in overload and lets a run draw its own count', () => {
    const reading = { weeks: 2, workHoursPerWeek: 40, latencyHours: 0, openShare: 1 };
    // capacity 5 < 10 arrivals: all 4 reviewers in review
    expect(historyMetrics(series(5), reading).open).toEqual([5, 7]);
    const drawn = historyMetrics(series(5), {
      ...reading,
      draw: (inReview, outside, reviewers) => inReview + outside + reviewers,
    });
    expect(drawn.open).toEqual([9, 11]);
  });

  it("scales open by the week's-end share", () => {
    const reading = { weeks: 2, workHoursPerWeek: 40, latencyHours: 16.8, openShare: 0.5 };
    // half of (1 + 2 + 1) and of (3 + 2 + 1)
    expect(historyMetrics(series(20), reading).open).toEqual([2, 3]);
  });
});
