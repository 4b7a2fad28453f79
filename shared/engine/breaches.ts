import type { Thresholds } from '../schemas/options';
import { type Breach, type Breaches, type BreachMetric, breachMetrics, type MetricBands } from './forecast';

/** Index of the first value of `series` that crosses the threshold (service level below it, the others above it), or -1. */
const firstCrossing = (metric: BreachMetric, series: readonly number[], thresholds: Thresholds): number => {
  const threshold = thresholds[metric];
  const below = metric === 'serviceLevel';
  for (let w = 0; w < series.length; w++)
    if (below ? series[w]! < threshold : series[w]! > threshold) return w;
  return -1;
};

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
    const week = firstCrossing(metric, bands[metric].p50, thresholds);
    result[metric] = week < 0 ? null : ({ week, date: weeks[week]! } satisfies Breach);
  }
  return result;
};

/** Whether any watched metric breaches anywhere in the horizon. */
export const anyBreach = (breaches: Breaches): boolean =>
  breachMetrics.some((metric) => breaches[metric] !== null);
