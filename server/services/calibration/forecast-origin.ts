import {
  bandOf,
  binomial,
  type ForecastInputRaw,
  forecastInputSchema,
  metricKeys,
  type Parameters,
  poisson,
  Rng,
  runMeanPath,
  runSampleRange,
} from '../../../shared/index';
import { quantile } from './estimates';
import { adoptionFor, FIT_WEEKS, type Fit } from './fit';
import { burstyCount } from './gamma';
import {
  type BacktestMetric,
  backtestMetrics,
  historyMetrics,
  type MetricForecast,
  openWeek,
} from './history-metrics';
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
 * a linear adoption ramp to the share the trend reaches at the horizon's end. The history's
 * metrics are read from the engine's by {@link historyMetrics}; a Monte Carlo run's changes in
 * review are a binomial draw over its reviewers (a Poisson count when few are busy, as in a
 * lightly loaded queue; all of them in overload), those outside the queue a Poisson draw (an
 * infinite-server queue), and its sign-off demand made as bursty as the history's weekly counts
 * (the fitted demandDispersion, {@link burstyCount}; the engine draws Poisson counts).
 * Hours to sign-off: the fitted median scaled by the engine's hours open over those of the same
 * team held as it is (no events), so only what the forecast changes moves it (the engine's own
 * step from its first week, capacity lost to incidents from week 1 on, moved a 5.6 h median by
 * 0.7 h on git's history), and scaled rather than shifted, as the engine's hours are the mean
 * hours open (38 h there), of which a change of 2% is 2% of the median, not 13%. A run's is the
 * median scaled by its own change since the origin (the history observed the level at the
 * origin, so a run's parameter draw moves only what follows) over the held team's, plus a week's
 * deviation of a fitted week's median from the fitted median, drawn from the last
 * {@link FIT_WEEKS} weeks of `history` (the noise of one week's median): a sum of draws,
 * not of quantiles, which overstated the band. `runs` gives each metric's run values per week
 * for scoring (pitOf, scores.ts).
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
  const hours = history
    .slice(-FIT_WEEKS)
    .flatMap((w) => (w.medianHoursToSignoff === null ? [] : [w.medianHoursToSignoff]));
  const median = fit.fitted.medianHoursToSignoff?.value ?? 0;
  const work = base.workHoursPerWeek;
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
  const held = Array.from({ length: W }, (_, w) => openWeek(heldAt, w, work).hoursOpen);
  const reading = {
    weeks: W,
    workHoursPerWeek: work,
    latencyHours: fit.fitted.latencyHours?.value ?? 0,
    openShare: fit.fitted.weekEndOpenShare?.value ?? 1,
  };
  const mean = historyMetrics(meanAt, reading);
  const samples = runSampleRange(input, { runStart: 0, runCount: R }).teams[0]!;
  const rng = new Rng(seed);
  const draw = (inReview: number, outside: number, reviewers: number) => {
    const servers = Math.max(1, Math.round(reviewers));
    return binomial(rng, servers, Math.min(1, inReview / servers)) + poisson(rng, outside);
  };
  const dispersion = fit.fitted.demandDispersion?.value ?? 0;
  const demandDraw = (demand: number, w: number) =>
    burstyCount(rng, demand, meanAt(metricKeys.indexOf('signoffDemand'), w), dispersion);
  const perRun = Array.from({ length: R }, (_, r) =>
    historyMetrics((v, w) => samples[(v * W + w) * R + r]!, { ...reading, draw, demandDraw }),
  );
  const residuals = hours.map((h) => h - median);
  const ratio = (a: number, b: number) => (b > 0 ? a / b : 1);
  const hoursMean = mean.medianHoursToSignoff.map((open, w) => median * ratio(open, held[w]!));
  const hoursRuns = perRun.map(({ medianHoursToSignoff: run }) =>
    run.map((open, w) => {
      const noise = residuals.length === 0 ? 0 : residuals[Math.floor(rng.next() * residuals.length)]!;
      return Math.max(0, median * ratio(ratio(open, run[0]!), ratio(held[w]!, held[0]!)) + noise);
    }),
  );
  const result = {} as Record<BacktestMetric, OriginForecast>;
  for (const metric of backtestMetrics) {
    const runs = Array.from({ length: W }, (_, w) =>
      (metric === 'medianHoursToSignoff' ? hoursRuns : perRun.map((run) => run[metric])).map(
        (run) => run[w]!,
      ),
    );
    result[metric] = {
      mean: metric === 'medianHoursToSignoff' ? hoursMean : mean[metric],
      p10: runs.map((values) => quantile(values, 0.1) ?? 0),
      p90: runs.map((values) => quantile(values, 0.9) ?? 0),
      runs,
    };
  }
  return result;
}
