import {
  bandOf,
  type ForecastInputRaw,
  forecastInputSchema,
  metricKeys,
  type Parameters,
  Rng,
  runMeanPath,
  runSampleRange,
} from '../../../shared/index';
import { quantile } from './estimates';
import { adoptionFor, FIT_WEEKS, type Fit } from './fit';
import {
  type BacktestMetric,
  backtestMetrics,
  DEMAND,
  hoursOpen,
  type MetricForecast,
} from './history-metrics';
import { drawDelayWeeks, expectedOpen, originDelays, resampledDelays } from './signoff-delays';
import type { CalibrationWeek } from './team-history';

/** A metric's forecast and, per week ahead, its value in each Monte Carlo run. */
export type OriginForecast = MetricForecast & { runs: number[][] };

/** Options of a backtest forecast. */
export interface OriginOptions {
  horizonWeeks: number;
  runs: number;
  seed: number;
}

/**
 * Forecasts the weeks from `startWeek` for a team calibrated by `fit` (its override on the org
 * parameters `base`, its fitted ladder, today's `headcount`), with the AI-share trend continued as
 * a linear adoption ramp to the share the trend reaches at the horizon's end.
 * - signoffDemand: the engine's, a Monte Carlo run's weeks as bursty as the history's (the
 *   fitted arrivalDispersion in the team's override: gamma-mixed Poisson weeks).
 * - open and signoffsCompleted: each change is open from authored until its own sign-off delay
 *   ends (an M/G/infinity reading, signoff-delays.ts): the changes open at the origin (`history`'s
 *   last week's end) while their delay, given how long they have been open, lasts, and the
 *   forecast weeks' demand with delays drawn from the Kaplan-Meier survival of the last
 *   {@link FIT_WEEKS} weeks' delays as known at the origin. The engine moves a week's delays by its
 *   hours open over those of the same team held as it is (no events), relative to its first week
 *   (the history observed the level at the origin; a run's parameter draw moves only what follows).
 * - medianHoursToSignoff: the mean path is the fitted median scaled by that ratio; a run's is the
 *   median of its week's arrivals' drawn delays, as the history's is of the week's changes (so a
 *   week of one change is as spread as one delay, a busy week's median narrower); weeks with no
 *   arrivals give none.
 * `runs` gives each metric's run values per week for scoring (pitOf, scores.ts).
 */
export function forecastOrigin(
  fit: Fit,
  base: Parameters,
  headcount: Record<string, number>,
  history: readonly CalibrationWeek[],
  startWeek: string,
  options: OriginOptions,
): Record<BacktestMetric, OriginForecast> {
  const { horizonWeeks: W, runs: R, seed } = options;
  const share = fit.fitted.aiShare!.value + fit.fitted.aiShareSlope!.value * W;
  const target = adoptionFor(Math.min(1, Math.max(0, share)), base);
  const raw: ForecastInputRaw = {
    org: {
      levels: [...fit.levels],
      teams: [
        {
          id: 'team',
          name: 'team',
          headcount,
          changesPerWeek: fit.changesPerWeek,
          changesPerWeekRanges: fit.changesPerWeekRanges,
          parameters: fit.parameters,
        },
      ],
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
  const work = base.workHoursPerWeek;
  const weeks = Array.from({ length: W }, (_, w) => w);
  const meanPath = (events: typeof input.scenario.events) => {
    const series = runMeanPath({
      ...input,
      scenario: { ...input.scenario, events },
      options: { ...input.options, runs: 0 },
    }).teams[0]!.metrics;
    return (v: number, w: number) => bandOf(series, metricKeys[v]!).p50[w]!;
  };
  const meanAt = meanPath(input.scenario.events);
  const heldAt = meanPath([]);
  const held = weeks.map((w) => hoursOpen(heldAt, w, work));
  const ratio = (a: number, b: number) => (b > 0 ? a / b : 1);
  const delays = originDelays(history, FIT_WEEKS);
  const demand = weeks.map((w) => meanAt(DEMAND, w));
  const scale = weeks.map((w) => ratio(hoursOpen(meanAt, w, work), held[w]!));
  const open = expectedOpen(delays, demand, scale);
  const median = fit.fitted.medianHoursToSignoff?.value ?? 0;
  const mean: Record<BacktestMetric, number[]> = {
    signoffDemand: demand,
    open,
    signoffsCompleted: weeks.map(
      (w) =>
        demand[w]! +
        (w === 0 ? delays.open.reduce((sum, { size }) => sum + size, 0) : open[w - 1]!) -
        open[w]!,
    ),
    medianHoursToSignoff: scale.map((s) => median * s),
  };
  const samples = runSampleRange(input, { runStart: 0, runCount: R }).teams[0]!;
  const rng = new Rng(seed);
  const perRun = Array.from({ length: R }, (_, r) => {
    const at = (v: number, w: number) => samples[(v * W + w) * R + r]!;
    const runDemand = weeks.map((w) => at(DEMAND, w));
    const runHours = weeks.map((w) => hoursOpen(at, w, work));
    const runScale = weeks.map((w) => ratio(ratio(runHours[w]!, runHours[0]!), ratio(held[w]!, held[0]!)));
    return { demand: runDemand, ...drawDelayWeeks(resampledDelays(delays, rng), rng, runDemand, runScale) };
  });
  const runValues: Record<BacktestMetric, (run: (typeof perRun)[number], w: number) => number | null> = {
    signoffDemand: (run, w) => run.demand[w]!,
    open: (run, w) => run.open[w]!,
    signoffsCompleted: (run, w) => run.completed[w]!,
    medianHoursToSignoff: (run, w) => run.medianHours[w]!,
  };
  const result = {} as Record<BacktestMetric, OriginForecast>;
  for (const metric of backtestMetrics) {
    const runs = weeks.map((w) =>
      perRun.flatMap((run) => {
        const value = runValues[metric](run, w);
        return value === null ? [] : [value];
      }),
    );
    result[metric] = {
      mean: mean[metric],
      p10: runs.map((values) => quantile(values, 0.1) ?? 0),
      p90: runs.map((values) => quantile(values, 0.9) ?? 0),
      runs,
    };
  }
  return result;
}
