import type { Band, Forecast, MetricBands } from './forecast';
import { BANDED_COUNT, bandedMetricKeys, bandedVectorIndex, type MetricKey } from './metrics';
import { writeQuantiles } from './percentiles';
import { toSignificant } from './significant';

/** One empty band per banded entry (banded metrics, then headcount by level), `weeks` long. */
export const bandList = (levels: number, weeks: number): Band[] =>
  Array.from({ length: BANDED_COUNT + levels }, () => ({
    p10: new Array(weeks),
    p50: new Array(weeks),
    p90: new Array(weeks),
  }));

/** Names a band list: bandedMetricKeys, then `headcount` by level id. */
export const toMetricBands = (levelIds: readonly string[], list: readonly Band[]): MetricBands => {
  const bands: Record<string, unknown> = {};
  // Assigned key by key (metric names, never '__proto__'), not spread from entries: a third of a mean path's bands time.
  for (let i = 0; i < BANDED_COUNT; i++) bands[bandedMetricKeys[i]!] = list[i]!;
  bands.headcount = Object.fromEntries(levelIds.map((id, l) => [id, list[BANDED_COUNT + l]!]));
  return bands as MetricBands;
};

/**
 * Writes week `w` of every band from samples laid out `[v * runs + r]`, first rounded to float32
 * as split runs keep them (above 400 runs selection may miss by a few ranks and picks by the
 * values' buckets, so both must select among the same values to give the same bytes).
 * Rounds and reorders the samples.
 */
export const writeWeekBands = (
  samples: Float64Array,
  runs: number,
  w: number,
  list: readonly Band[],
): void => {
  list.forEach((band, i) => {
    const at = bandedVectorIndex(i) * runs;
    for (let r = at; r < at + runs; r++) samples[r] = Math.fround(samples[r]!);
    writeQuantiles(samples, at, runs, w, band.p10, band.p50, band.p90);
  });
};

/**
 * The band of any metric, banded or not: fatigue is not kept, its band is burnoutRisk's over 100
 * (percentiles follow a rising linear map), computed when asked.
 */
export const bandOf = (bands: MetricBands, key: MetricKey): Band => {
  if (key !== 'fatigue') return bands[key];
  const { p10, p50, p90 } = bands.burnoutRisk;
  const scaled = (values: number[]) => values.map((v) => v / 100);
  return { p10: scaled(p10), p50: scaled(p50), p90: scaled(p90) };
};

/** Bands from one deterministic vector series laid out `[v * weeks + w]`: p10 = p50 = p90. */
export const meanBands = (series: Float64Array, weeks: number, levelIds: readonly string[]): MetricBands =>
  toMetricBands(
    levelIds,
    Array.from({ length: BANDED_COUNT + levelIds.length }, (_, i) => {
      const at = bandedVectorIndex(i) * weeks;
      const values: number[] = new Array(weeks);
      for (let w = 0; w < weeks; w++) values[w] = series[at + w]!;
      return { p10: values, p50: values, p90: values };
    }),
  );

/** Bands from float32 samples laid out `[(v * weeks + w) * runs + r]`. */
export const sampleBands = (
  samples: Float32Array,
  weeks: number,
  runs: number,
  levelIds: readonly string[],
): MetricBands => {
  const list = bandList(levelIds.length, weeks);
  const week = new Float64Array(runs);
  list.forEach((band, i) => {
    const v = bandedVectorIndex(i);
    for (let w = 0; w < weeks; w++) {
      const at = (v * weeks + w) * runs;
      week.set(samples.subarray(at, at + runs));
      writeQuantiles(week, 0, runs, w, band.p10, band.p50, band.p90);
    }
  });
  return toMetricBands(levelIds, list);
};

/** Mean-path bands with their one series rounded like Monte Carlo bands (see toSignificant), shared by p10, p50 and p90. */
export const roundedMeanBands = (bands: MetricBands): MetricBands => {
  const rounded = (band: Band): Band => {
    const values = band.p50.map(toSignificant);
    return { p10: values, p50: values, p90: values };
  };
  const metrics = Object.fromEntries(bandedMetricKeys.map((key) => [key, rounded(bands[key])]));
  const headcount = Object.fromEntries(
    Object.entries(bands.headcount).map(([id, band]) => [id, rounded(band)]),
  );
  return { ...metrics, headcount } as MetricBands;
};

/**
 * A mean-path forecast as it is stored and sent: every value to the significant digits Monte
 * Carlo bands carry, so its JSON is no longer than a Monte Carlo forecast's although p10, p50 and
 * p90 repeat the one series (17 digits, written three times, made it about twice the size).
 * A Monte Carlo forecast is returned as it is.
 */
export const roundedMeanForecast = (forecast: Forecast): Forecast =>
  forecast.mode !== 'mean'
    ? forecast
    : {
        ...forecast,
        teams: forecast.teams.map((team) => ({ ...team, metrics: roundedMeanBands(team.metrics) })),
        org: { ...forecast.org, metrics: roundedMeanBands(forecast.org.metrics) },
      };
