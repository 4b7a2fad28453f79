import { type Band, type Breaches, breachMetrics, type Forecast, type MetricBands } from '../../shared';

/**
 * A forecast as numbers for postMessage: every distinct series once in `values` (arrays shared
 * between bands, as P10 = P50 = P90 on the mean path, once), where each band's series start in
 * `offsets`, and each first breach as a week index in `breaches`. Structured-cloning the forecast
 * object itself (about 1,850 objects for the demo org) cost the page 5-10 ms a message; these are
 * three transferred buffers and a few dozen strings.
 */
export interface PackedForecast {
  engineVersion: string;
  mode: Forecast['mode'];
  runs: number;
  seed: number;
  weeks: string[];
  levels: string[];
  teams: { id: string; name: string }[];
  /** The banded metric keys of every metrics object, in order (headcount follows, by `levels`). */
  metricKeys: string[];
  values: Float64Array;
  /** Start in `values` of P10, P50 and P90 of each band: teams then the org, metric keys then levels. */
  offsets: Int32Array;
  /** Week of each first breach (-1: holds): teams then the org, in breachMetrics order. */
  breaches: Int32Array;
}

/** The metrics objects of a forecast in packing order: the teams', then the org's. */
const metricsOf = (forecast: Forecast) => [
  ...forecast.teams.map((team) => team.metrics),
  forecast.org.metrics,
];
const breachesOf = (forecast: Forecast) => [
  ...forecast.teams.map((team) => team.breaches),
  forecast.org.breaches,
];

/** Packs a forecast (see {@link PackedForecast}); `transfer` lists its buffers for postMessage. */
export function packForecast(forecast: Forecast): { packed: PackedForecast; transfer: ArrayBuffer[] } {
  const all = metricsOf(forecast);
  const metricKeys = Object.keys(all[0] ?? {}).filter((key) => key !== 'headcount');
  const bandsOf = (metrics: MetricBands): Band[] => [
    ...metricKeys.map((key) => metrics[key as keyof Omit<MetricBands, 'headcount'>]),
    ...forecast.levels.map((level) => metrics.headcount[level]!),
  ];
  const weeks = forecast.weeks.length;
  const perEntry = metricKeys.length + forecast.levels.length;
  const offsets = new Int32Array(all.length * perEntry * 3);
  const placed = new Map<number[], number>();
  let length = 0;
  all.forEach((metrics, entry) => {
    bandsOf(metrics).forEach((band, b) => {
      [band.p10, band.p50, band.p90].forEach((series, p) => {
        let at = placed.get(series);
        if (at === undefined) {
          at = length;
          placed.set(series, at);
          length += weeks;
        }
        offsets[(entry * perEntry + b) * 3 + p] = at;
      });
    });
  });
  const values = new Float64Array(length);
  for (const [series, at] of placed) values.set(series, at);
  const breaches = new Int32Array(
    breachesOf(forecast).flatMap((b) => breachMetrics.map((m) => b[m]?.week ?? -1)),
  );
  const { engineVersion, mode, runs, seed, levels } = forecast;
  return {
    packed: {
      engineVersion,
      mode,
      runs,
      seed,
      weeks: forecast.weeks,
      levels,
      teams: forecast.teams.map((team) => ({ id: team.id, name: team.name })),
      metricKeys,
      values,
      offsets,
      breaches,
    },
    transfer: [values.buffer, offsets.buffer, breaches.buffer],
  };
}

/**
 * The forecast again, each series a view of `values` (bands that shared an array share a view).
 * Readers only index, iterate and reduce the series, which typed arrays support; the Forecast type
 * is kept for them.
 */
export function unpackForecast(packed: PackedForecast): Forecast {
  const { weeks, levels, metricKeys, values, offsets } = packed;
  const perEntry = metricKeys.length + levels.length;
  const view = (at: number) => values.subarray(at, at + weeks.length) as unknown as number[];
  const metricsAt = (entry: number): MetricBands => {
    const bands = Array.from({ length: perEntry }, (_, b): Band => {
      const i = (entry * perEntry + b) * 3;
      const p50 = view(offsets[i + 1]!);
      const other = (at: number) => (at === offsets[i + 1] ? p50 : view(at));
      return { p10: other(offsets[i]!), p50, p90: other(offsets[i + 2]!) };
    });
    const metrics: Record<string, unknown> = {};
    metricKeys.forEach((key, b) => {
      metrics[key] = bands[b];
    });
    metrics.headcount = Object.fromEntries(levels.map((level, l) => [level, bands[metricKeys.length + l]]));
    return metrics as MetricBands;
  };
  const breachesAt = (entry: number): Breaches => {
    const found: Record<string, { week: number; date: string } | null> = {};
    breachMetrics.forEach((metric, m) => {
      const week = packed.breaches[entry * breachMetrics.length + m]!;
      found[metric] = week < 0 ? null : { week, date: weeks[week]! };
    });
    return found as Breaches;
  };
  const { engineVersion, mode, runs, seed } = packed;
  const org = packed.teams.length;
  return {
    engineVersion,
    mode,
    runs,
    seed,
    weeks,
    levels,
    teams: packed.teams.map((team, t) => ({ ...team, metrics: metricsAt(t), breaches: breachesAt(t) })),
    org: { metrics: metricsAt(org), breaches: breachesAt(org) },
  };
}
