import { metricKeys } from '../../../shared/index';
import { HOURS_PER_WEEK } from './estimates';

/** The backtested metrics, named as in the calibration JSON. */
export const backtestMetrics = [
  'signoffDemand',
  'signoffsCompleted',
  'open',
  'medianHoursToSignoff',
] as const;
export type BacktestMetric = (typeof backtestMetrics)[number];

/** One metric's forecast for each week ahead: the mean path and the Monte Carlo P10 and P90. */
export interface MetricForecast {
  mean: number[];
  p10: number[];
  p90: number[];
}

const index = (key: (typeof metricKeys)[number]) => metricKeys.indexOf(key);
const REVIEWERS = index('reviewers');
/** Index of the engine's weekly sign-off demand in metricKeys. */
export const DEMAND = index('signoffDemand');
const CAPACITY = index('capacityChanges');
const WAIT = index('meanWaitHours');

/** Reads value `metric` (an index of metricKeys) of week `week` of one engine series. */
export type SeriesReader = (metric: number, week: number) => number;

/**
 * The engine's mean calendar hours a change is open in week `w` of a series: its wait (working
 * hours, x 168 / workHoursPerWeek) plus its time in review (every reviewer completes capacity /
 * reviewers changes a week, so reviewers / capacity weeks each).
 */
export function hoursOpen(at: SeriesReader, w: number, workHoursPerWeek: number): number {
  const capacity = at(CAPACITY, w);
  const review = capacity > 0 ? at(REVIEWERS, w) / capacity : 0;
  return HOURS_PER_WEEK * (at(WAIT, w) / workHoursPerWeek + review);
}
