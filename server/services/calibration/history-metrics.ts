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
const DEMAND = index('signoffDemand');
const CAPACITY = index('capacityChanges');
const BACKLOG = index('backlog');
const WAIT = index('meanWaitHours');

/** Reads value `metric` (an index of metricKeys) of week `week` of one engine series. */
export type SeriesReader = (metric: number, week: number) => number;

/** The engine's week as the history sees it: changes in review and calendar hours open. */
export interface OpenWeek {
  /** Changes in review at once: every reviewer completes capacity / reviewers changes a week, so reviewers x min(1, demand / capacity) are busy. */
  inReview: number;
  /** Mean calendar hours a change is open: its wait (working hours, x 168 / workHoursPerWeek) plus its time in review (reviewers / capacity weeks). */
  hoursOpen: number;
}

/** {@link OpenWeek} of week `w` of an engine series. */
export function openWeek(at: SeriesReader, w: number, workHoursPerWeek: number): OpenWeek {
  const reviewers = at(REVIEWERS, w);
  const capacity = at(CAPACITY, w);
  const busy = capacity > 0 ? Math.min(1, at(DEMAND, w) / capacity) : 0;
  const review = capacity > 0 ? reviewers / capacity : 0;
  return {
    inReview: reviewers * busy,
    hoursOpen: HOURS_PER_WEEK * (at(WAIT, w) / workHoursPerWeek + review),
  };
}

/** How {@link historyMetrics} reads a series. */
export interface HistoryReading {
  weeks: number;
  workHoursPerWeek: number;
  /** Fitted calendar hours a change is open outside the reviewers' queue (see capacity-fit.ts). */
  latencyHours: number;
  /** Fitted open changes at a week's end over the average open (weekEndOpenShare, see estimates.ts). */
  openShare: number;
  /**
   * The changes a run shows open beyond its backlog, given the expected numbers in review and
   * outside the queue and the reviewers (the mean path: the expected numbers' sum).
   */
  draw?: (inReview: number, outside: number, reviewers: number) => number;
  /** A run's sign-off demand in week `w` from the engine's (the mean path: the engine's). */
  demandDraw?: (demand: number, w: number) => number;
}

/**
 * The history's metrics from the engine's weekly series of one team, for one run or the mean path:
 * - signoffDemand: the engine's sign-off demand (a run's: as `demandDraw` makes it).
 * - open: the engine's backlog (waiting) plus the changes in review ({@link openWeek}) plus those
 *   outside the queue (demand x latency by Little's law), since the history counts a change open
 *   from authored until signed off; times the week's-end share, as the history counts them at
 *   the week's end.
 * - signoffsCompleted: demand + last week's open - this week's open (changes are conserved; the
 *   first week takes its own open as the week before's, the queue starting at its steady state).
 * - medianHoursToSignoff: the engine's mean calendar hours open ({@link openWeek}), which
 *   forecast-origin.ts scales to the fitted median.
 */
export function historyMetrics(at: SeriesReader, reading: HistoryReading): Record<BacktestMetric, number[]> {
  const out: Record<BacktestMetric, number[]> = {
    signoffDemand: [],
    signoffsCompleted: [],
    open: [],
    medianHoursToSignoff: [],
  };
  for (let w = 0; w < reading.weeks; w++) {
    const demand = reading.demandDraw ? reading.demandDraw(at(DEMAND, w), w) : at(DEMAND, w);
    const week = openWeek(at, w, reading.workHoursPerWeek);
    const k = reading.openShare;
    const outside = (k * demand * reading.latencyHours) / HOURS_PER_WEEK;
    const inReview = k * week.inReview;
    const open =
      k * at(BACKLOG, w) +
      (reading.draw ? reading.draw(inReview, outside, at(REVIEWERS, w)) : inReview + outside);
    out.signoffDemand.push(demand);
    out.open.push(open);
    out.signoffsCompleted.push(Math.max(0, demand + (w === 0 ? open : out.open[w - 1]!) - open));
    out.medianHoursToSignoff.push(week.hoursOpen);
  }
  return out;
}
