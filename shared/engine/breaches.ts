import type { Thresholds } from '../schemas/options';
import { type Breach, type Breaches, type BreachMetric, breachMetrics, type MetricBands } from './forecast';

/** Whether a value crosses the threshold: service level below it, the others above it. */
const crosses = (metric: BreachMetric, value: number, thresholds: Thresholds): boolean =>
  metric === 'serviceLevel' ? value < thresholds.serviceLevel : value > thresholds[metric];

/**
 * First breach week of each watched metric, read on the median (P50): the first week a breach is
 * more likely than not. The P10-P90 bands show how much earlier it may come; alert rules can
 * watch P90 for early warning. In the mean path all bands are the same path.
 */
export const firstBreaches = (
  bands: MetricBands,
  thresholds: Thresholds,
  weeks: readonly string[],
): Breaches => {
  const result = {} as Breaches;
  for (const metric of breachMetrics) {
    const series = bands[metric].p50;
    const week = series.findIndex((value) => crosses(metric, value, thresholds));
    result[metric] = week < 0 ? null : ({ week, date: weeks[week]! } satisfies Breach);
  }
  return result;
};

/** Whether any watched metric breaches anywhere in the horizon. */
export const anyBreach = (breaches: Breaches): boolean =>
  breachMetrics.some((metric) => breaches[metric] !== null);
