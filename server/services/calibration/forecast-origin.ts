import {
  type ForecastInputRaw,
  forecastInputSchema,
  metricKeys,
  type Parameters,
  runMeanPath,
  runSampleRange,
} from '../../../shared/index';
import { quantile } from './estimates';
import { adoptionFor, type Fit } from './fit';
import type { CalibrationWeek } from './team-history';

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

const hoursPerWeek = 168;
const index = (key: (typeof metricKeys)[number]) => metricKeys.indexOf(key);

/**
 * The history's metrics from the engine's weekly series of one team (each `(metric, week)` read
 * by `at`), for one run or the mean path:
 * - signoffDemand: the engine's sign-off demand.
 * - signoffsCompleted: arrivals + last week's backlog - this week's backlog (the engine conserves changes).
 * - open: the engine's backlog plus the changes in flight by Little's law (demand x the fitted
 *   median calendar hours to sign-off / 168), since the history counts a change open until signed.
 * - medianHoursToSignoff: the fitted median calendar hours plus the engine's mean wait in working
 *   hours turned into calendar hours (x 168 / workHoursPerWeek).
 */
export function historyMetrics(
  at: (metric: number, week: number) => number,
  weeks: number,
  inFlightHours: number,
  baseHours: number,
  workHoursPerWeek: number,
): Record<BacktestMetric, number[]> {
  const out: Record<BacktestMetric, number[]> = {
    signoffDemand: [],
    signoffsCompleted: [],
    open: [],
    medianHoursToSignoff: [],
  };
  for (let w = 0; w < weeks; w++) {
    const demand = at(index('signoffDemand'), w);
    const backlog = at(index('backlog'), w);
    const before = w === 0 ? 0 : at(index('backlog'), w - 1);
    out.signoffDemand.push(demand);
    out.signoffsCompleted.push(Math.max(0, demand + before - backlog));
    out.open.push(backlog + (demand * inFlightHours) / hoursPerWeek);
    out.medianHoursToSignoff.push(
      baseHours + (at(index('meanWaitHours'), w) * hoursPerWeek) / workHoursPerWeek,
    );
  }
  return out;
}

/** Options of a backtest forecast. */
export interface OriginOptions {
  horizonWeeks: number;
  runs: number;
  seed: number;
}

/**
 * Forecasts the weeks from `startWeek` for a team calibrated by `fit` (its override on the org
 * parameters `base`, its fitted ladder, today's `headcount`), with the AI-share trend continued as
 * a linear adoption ramp to the share the trend reaches at the horizon's end. Hours to sign-off: P10/P90 are those of the fitted
 * weeks' medians (`history`), the centre the fitted median.
 */
export function forecastOrigin(
  fit: Fit,
  base: Parameters,
  headcount: Record<string, number>,
  history: readonly CalibrationWeek[],
  startWeek: string,
  options: OriginOptions,
): Record<BacktestMetric, MetricForecast> {
  const { horizonWeeks: W, runs: R, seed } = options;
  const share = fit.fitted.aiShare!.value + fit.fitted.aiShareSlope!.value * W;
  const target = adoptionFor(Math.min(1, Math.max(0, share)), base);
  const raw: ForecastInputRaw = {
    org: {
      levels: fit.levels,
      teams: [{ id: 'team', name: 'team', headcount, parameters: fit.parameters }],
    },
    parameters: base,
    scenario: {
      name: 'backtest',
      events: [
        { type: 'ai-adoption', date: startWeek, targetPercent: target * 100, rampWeeks: W, shape: 'linear' },
      ],
    },
    options: { startWeek, horizonWeeks: W, runs: R, seed },
  };
  const input = forecastInputSchema.parse(raw);
  const hours = history.flatMap((w) => (w.medianHoursToSignoff === null ? [] : [w.medianHoursToSignoff]));
  const median = fit.fitted.medianHoursToSignoff?.value ?? 0;
  const work = base.workHoursPerWeek;
  const meanSeries = runMeanPath({ ...input, options: { ...input.options, runs: 0 } }).teams[0]!.metrics;
  const mean = historyMetrics((v, w) => meanSeries[metricKeys[v]!].p50[w]!, W, median, median, work);
  const samples = runSampleRange(input, { runStart: 0, runCount: R }).teams[0]!;
  const perRun = Array.from({ length: R }, (_, r) =>
    historyMetrics((v, w) => samples[(v * W + w) * R + r]!, W, median, median, work),
  );
  const band = (metric: BacktestMetric, p: number, shift: number) =>
    Array.from(
      { length: W },
      (_, w) =>
        (quantile(
          perRun.map((run) => run[metric][w]!),
          p,
        ) ?? 0) + shift,
    );
  const result = {} as Record<BacktestMetric, MetricForecast>;
  for (const metric of backtestMetrics) {
    const hoursMetric = metric === 'medianHoursToSignoff';
    result[metric] = {
      mean: mean[metric],
      p10: band(metric, 0.1, hoursMetric ? (quantile(hours, 0.1) ?? median) - median : 0),
      p90: band(metric, 0.9, hoursMetric ? (quantile(hours, 0.9) ?? median) - median : 0),
    };
  }
  return result;
}
