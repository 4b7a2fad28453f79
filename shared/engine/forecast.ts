import type { BandedMetricKey } from './metrics';

/**
 * One metric over the forecast weeks: arrays of length `weeks.length`. Monte Carlo gives the
 * 10th, 50th and 90th percentiles across runs (nearest rank); the mean path gives its single
 * deterministic value in all three (the same array).
 */
export interface Band {
  p10: number[];
  p50: number[];
  p90: number[];
}

/** Every metric of {@link bandedMetricKeys} as a band, plus headcount by level id (people). */
export type MetricBands = { [K in BandedMetricKey]: Band } & { headcount: Record<string, Band> };

/** The metrics the first-breach answers watch. */
export const breachMetrics = [
  'serviceLevel',
  'p90WaitHours',
  'backlogWeeks',
  'utilization',
  'burnoutRisk',
] as const;
export type BreachMetric = (typeof breachMetrics)[number];

/** First week a threshold is crossed: week index (0 = start week) and that week's Monday. */
export interface Breach {
  week: number;
  date: string;
}

/** First breach per watched metric, or null when it holds over the whole horizon. */
export type Breaches = Record<BreachMetric, Breach | null>;

export interface TeamForecast {
  id: string;
  name: string;
  metrics: MetricBands;
  breaches: Breaches;
}

/**
 * Output of {@link runForecast}. `weeks` are ISO dates (Mondays) of the forecast weeks; every
 * series is indexed like it. `org` aggregates the teams (see org-aggregate for the rules).
 */
export interface Forecast {
  engineVersion: string;
  mode: 'mean' | 'monte-carlo';
  /** Monte Carlo runs (0 for the mean path). */
  runs: number;
  seed: number;
  weeks: string[];
  /** Level ids, in ladder order (keys of `headcount`). */
  levels: string[];
  teams: TeamForecast[];
  org: { metrics: MetricBands; breaches: Breaches };
}
