import { describe, expect, it } from 'vitest';
import {
  BANDED_COUNT,
  bandedMetricKeys,
  bandedVectorIndex,
  cappedRatio,
  M,
  MAX_BACKLOG_WEEKS,
  MAX_UTILIZATION,
  METRIC_COUNT,
  metricKeys,
} from '../../shared/engine/metrics';
import { alertMetricKeys, alertMetricSeries, MAX_WAIT_HOURS } from '../../shared/index';

/** The sample vector as the forecast API documents it: each metric at its index. */
const vector = (
  'reviewers signoffDemand aiSignoffDemand demandHours capacityHours capacityChanges utilization backlog ' +
  'backlogWeeks meanWaitHours p90WaitHours serviceLevel overtimeHoursPerReviewer fatigue burnoutRisk ' +
  'expectedAttrition sev2Incidents'
).split(' ');

describe('forecast metrics', () => {
  it('are the 17 series of the sample vector, each index in M its position', () => {
    expect(metricKeys).toEqual(vector);
    expect(METRIC_COUNT).toBe(17);
    expect(Object.entries(M)).toEqual(vector.map((key, i) => [key, i]));
  });

  it('are banded except fatigue, banded entries mapping onto the vector around it, then headcount', () => {
    expect(bandedMetricKeys).toEqual(vector.filter((key) => key !== 'fatigue'));
    expect(BANDED_COUNT).toBe(16);
    expect([0, 12, 13, 15, 16, 19].map(bandedVectorIndex)).toEqual([0, 12, 14, 16, 17, 20]);
  });

  it('name the series each alert metric reads', () => {
    expect(alertMetricKeys.join(' ')).toBe(
      'backlogWeeks p90WaitHours serviceLevel utilization burnoutRisk sev2PerWeek',
    );
    // Each reads the series of its own name but sev2PerWeek, which reads the weekly incidents.
    expect(Object.keys(alertMetricSeries)).toEqual([...alertMetricKeys]);
    expect(Object.entries(alertMetricSeries).filter(([alert, series]) => alert !== series)).toEqual([
      ['sev2PerWeek', 'sev2Incidents'],
    ]);
  });

  it('cap utilisation at 10, backlog at 260 weeks and waits at 10,400 hours (five years of 40 h)', () => {
    expect([MAX_UTILIZATION, MAX_BACKLOG_WEEKS, MAX_WAIT_HOURS]).toEqual([10, 260, 10_400]);
  });

  it.each([
    [5, 2, 10, 2.5],
    [50, 2, 10, 10],
    [20, 2, 10, 10],
    [0, 2, 10, 0],
    [1, 0, 10, 10],
    [0, 0, 10, 0],
    [1e-9, 0, 3, 3],
  ])('cap the ratio %s / %s at %s: %s', (num, den, cap, ratio) => {
    expect(cappedRatio(num, den, cap)).toBe(ratio);
  });
});
