import { beforeAll, describe, expect, it } from 'vitest';
import { meanBands } from '../../shared/engine/bands';
import type { Band, Forecast, MetricBands } from '../../shared/engine/forecast';
import { bandedMetricKeys } from '../../shared/engine/metrics';
import { bandOf, roundedMeanForecast } from '../../shared/index';
import { noBreaches } from './fixtures';

const band = (values: number[]): Band => ({ p10: values, p50: values, p90: values });
/** Bands whose every banded series is `series`, headcount of one level `people`. */
const bands = (series: number[], people: number[]): MetricBands =>
  ({
    ...Object.fromEntries(bandedMetricKeys.map((key): [string, Band] => [key, band(series)])),
    headcount: { senior: band(people) } as Record<string, Band>,
  }) as MetricBands;
/** A two-week forecast of one team. */
const forecast = (mode: Forecast['mode']): Forecast => ({
  engineVersion: 'test',
  mode,
  runs: mode === 'mean' ? 0 : 100,
  seed: 7,
  weeks: ['2026-01-05', '2026-01-12'],
  levels: ['senior'],
  teams: [
    {
      id: 'a',
      name: 'Alpha',
      metrics: bands([1.23456789, 1234567.89], [2.0000004, 3]),
      breaches: noBreaches,
    },
  ],
  org: { metrics: bands([0.000123456789, 98.7654321], [2.0000004, 3]), breaches: noBreaches },
});

it('names a mean path’s bands by the 16 banded metrics, in order, then headcount, and nothing else', () => {
  const weeks = 2;
  const series = new Float64Array(32 * weeks);
  expect(Object.keys(meanBands(series, weeks, ['senior']))).toEqual([
    'reviewers',
    'signoffDemand',
    'aiSignoffDemand',
    'demandHours',
    'capacityHours',
    'capacityChanges',
    'utilization',
    'backlog',
    'backlogWeeks',
    'meanWaitHours',
    'p90WaitHours',
    'serviceLevel',
    'overtimeHoursPerReviewer',
    'burnoutRisk',
    'expectedAttrition',
    'sev2Incidents',
    'headcount',
  ]);
});

describe('a mean-path forecast as stored and sent', () => {
  // Rounded in beforeAll, not while collecting: a throw there fails the tests instead of hiding them.
  let rounded: Forecast;
  beforeAll(() => {
    rounded = roundedMeanForecast(forecast('mean'));
  });

  it('rounds every team series, headcount included, to 6 significant digits in p10, p50 and p90', () => {
    const team = rounded.teams[0]!.metrics;
    for (const key of bandedMetricKeys) {
      expect(team[key]).toEqual({
        p10: [1.23457, 1234570],
        p50: [1.23457, 1234570],
        p90: [1.23457, 1234570],
      });
    }
    expect(team.headcount).toEqual({ senior: { p10: [2, 3], p50: [2, 3], p90: [2, 3] } });
  });

  it('rounds the org series the same way and keeps everything else', () => {
    for (const key of bandedMetricKeys) expect(rounded.org.metrics[key].p90).toEqual([0.000123457, 98.7654]);
    expect(rounded.org.metrics.headcount.senior!.p10).toEqual([2, 3]);
    const { teams, org, ...rest } = rounded;
    const { teams: _, org: __, ...given } = forecast('mean');
    expect(rest).toEqual(given);
    expect([teams[0]!.id, teams[0]!.name, teams[0]!.breaches]).toEqual(['a', 'Alpha', noBreaches]);
    expect(org.breaches).toEqual(noBreaches);
  });

  it('returns a Monte Carlo forecast as it is', () => {
    const monteCarlo = forecast('monte-carlo');
    expect(roundedMeanForecast(monteCarlo)).toBe(monteCarlo);
  });
});

describe('the band of a metric', () => {
  const metrics = bands([12, 40], [2, 3]);

  it('is the stored band for every banded metric', () => {
    for (const key of bandedMetricKeys) expect(bandOf(metrics, key)).toBe(metrics[key]);
  });

  it('is burnout risk over 100 for fatigue, which is not stored', () => {
    expect(bandOf(metrics, 'fatigue')).toEqual({ p10: [0.12, 0.4], p50: [0.12, 0.4], p90: [0.12, 0.4] });
  });
});

describe('mean-path bands', () => {
  it('name vector v of the series (value 100 v + week) by metric, skipping fatigue, then headcount by level', () => {
    // 17 metrics then 2 levels, 2 weeks: series[v * 2 + w] = 100 v + w.
    const series = Float64Array.from({ length: 19 * 2 }, (_, i) => 100 * Math.floor(i / 2) + (i % 2));
    const bands = meanBands(series, 2, ['junior', 'senior']);
    expect(bands.reviewers).toEqual({ p10: [0, 1], p50: [0, 1], p90: [0, 1] });
    expect([bands.burnoutRisk.p50, bands.expectedAttrition.p10, bands.sev2Incidents.p90]).toEqual([
      [1400, 1401],
      [1500, 1501],
      [1600, 1601],
    ]);
    expect(bands.headcount).toEqual({
      junior: { p10: [1700, 1701], p50: [1700, 1701], p90: [1700, 1701] },
      senior: { p10: [1800, 1801], p50: [1800, 1801], p90: [1800, 1801] },
    });
  });
});
