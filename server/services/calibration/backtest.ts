import { type Parameters, weekDates } from '../../../shared/index';
import { fitHistory } from './fit';
import { forecastOrigin } from './forecast-origin';
import { type BacktestMetric, backtestMetrics, type MetricForecast } from './history-metrics';
import { type ErrorScore, pitOf, type ScoredPoint, scorePoints } from './scores';
import type { CalibrationWeek, TeamHistory } from './team-history';

/** Backtest settings: origins over the last `originWeeks` weeks, `horizonWeeks` ahead each. */
export interface BacktestOptions {
  originWeeks: number;
  horizonWeeks: number;
  /** Monte Carlo runs per origin (bands). */
  runs: number;
  seed: number;
}

export const defaultBacktestOptions: BacktestOptions = {
  originWeeks: 26,
  horizonWeeks: 12,
  runs: 200,
  seed: 1,
};

/** Horizons (weeks ahead) reported one by one. */
export const reportedHorizons = [1, 4, 12] as const;

/** Fewest weeks a fit needs before an origin. */
export const MIN_FIT_WEEKS = 8;

/** Per metric: the score over every horizon and at each reported horizon. */
export type MetricScores = ErrorScore & { byHorizon: Record<string, ErrorScore> };

/** One origin's forecast beside what happened, for a fan chart: `weeks` from the origin on. */
export interface BacktestFan {
  origin: string;
  weeks: string[];
  metrics: Record<BacktestMetric, MetricForecast & { actual: (number | null)[] }>;
}

export interface Backtest {
  origins: number;
  horizonWeeks: number;
  metrics: Record<BacktestMetric, MetricScores>;
  /** The latest origin whose whole horizon has happened (null: none). */
  fan: BacktestFan | null;
  /** Every origin's fan, oldest first (actuals null for weeks not yet in the history). */
  fans: BacktestFan[];
}

/** The week's actual value of a metric (null: none that week). */
export const actualOf = (week: CalibrationWeek, metric: BacktestMetric): number | null => week[metric];

/** The naive forecast at an origin: the mean of the metric's last 4 weeks with a value before it. */
export const naiveForecast = (weeks: readonly CalibrationWeek[], metric: BacktestMetric): number | null => {
  const last = weeks.flatMap((w) => (actualOf(w, metric) === null ? [] : [actualOf(w, metric)!])).slice(-4);
  return last.length === 0 ? null : last.reduce((a, b) => a + b, 0) / last.length;
};

/**
 * Rolling-origin backtest: for each origin t among the last `originWeeks` weeks (with at least
 * {@link MIN_FIT_WEEKS} weeks before it), fit on weeks [0, t), forecast weeks t .. t + horizon - 1
 * (horizon h is week t + h - 1), and score every forecast week that has an actual.
 */
export function runBacktest(
  history: TeamHistory,
  base: Parameters,
  options: BacktestOptions = defaultBacktestOptions,
): Backtest {
  const { weeks } = history;
  const n = weeks.length;
  const H = options.horizonWeeks;
  const points = new Map<BacktestMetric, ScoredPoint[][]>(
    backtestMetrics.map((m) => [m, Array.from({ length: H }, () => [])]),
  );
  let origins = 0;
  const fans: BacktestFan[] = [];
  for (let t = Math.max(MIN_FIT_WEEKS, n - options.originWeeks); t < n; t++) {
    origins++;
    const before = weeks.slice(0, t);
    const fit = fitHistory({ ...history, weeks: before }, base, options.seed);
    const forecast = forecastOrigin(fit, base, { ...history.headcount }, before, weeks[t]!.week, {
      horizonWeeks: H,
      runs: options.runs,
      seed: options.seed,
    });
    const ahead = weeks.slice(t, t + H);
    fans.push({
      origin: weeks[t]!.week,
      weeks: weekDates(weeks[t]!.week, H),
      metrics: Object.fromEntries(
        backtestMetrics.map((m) => [
          m,
          {
            mean: forecast[m].mean,
            p10: forecast[m].p10,
            p90: forecast[m].p90,
            actual: Array.from({ length: H }, (_, h) => (ahead[h] ? actualOf(ahead[h], m) : null)),
          },
        ]),
      ) as BacktestFan['metrics'],
    });
    for (const metric of backtestMetrics) {
      const naive = naiveForecast(before, metric);
      for (let h = 0; h < H && t + h < n; h++) {
        const actual = actualOf(weeks[t + h]!, metric);
        if (actual === null || naive === null) continue;
        const f = forecast[metric];
        points.get(metric)![h]!.push({ actual, forecast: f.mean[h]!, naive, pit: pitOf(f.runs[h]!, actual) });
      }
    }
  }
  const metrics = {} as Record<BacktestMetric, MetricScores>;
  for (const metric of backtestMetrics) {
    const byStep = points.get(metric)!;
    metrics[metric] = {
      ...scorePoints(byStep.flat()),
      byHorizon: Object.fromEntries(
        reportedHorizons.filter((h) => h <= H).map((h) => [String(h), scorePoints(byStep[h - 1]!)]),
      ),
    };
  }
  const fan = fans.find((f) => f.origin === weeks[n - H]?.week) ?? null;
  return { origins, horizonWeeks: H, metrics, fan, fans };
}
