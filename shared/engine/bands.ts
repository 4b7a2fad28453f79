import type { Band, MetricBands } from './forecast';
import { METRIC_COUNT, metricKeys } from './metrics';
import { writeQuantiles } from './percentiles';

/** One empty band per vector entry (metrics, then headcount by level), `weeks` long. */
export const bandList = (vector: number, weeks: number): Band[] =>
  Array.from({ length: vector }, () => ({
    p10: new Array(weeks),
    p50: new Array(weeks),
    p90: new Array(weeks),
  }));

/** Names a band list: metricKeys, then `headcount` by level id. */
export const toMetricBands = (levelIds: readonly string[], list: readonly Band[]): MetricBands => {
  const bands = Object.fromEntries(metricKeys.map((key, v) => [key, list[v]!]));
  const headcount = Object.fromEntries(levelIds.map((id, l) => [id, list[METRIC_COUNT + l]!]));
  return { ...bands, headcount } as MetricBands;
};

/** Writes week `w` of every band from samples laid out `[v * runs + r]`. Reorders the samples. */
export const writeWeekBands = (
  samples: Float64Array,
  runs: number,
  w: number,
  list: readonly Band[],
): void => {
  list.forEach((band, v) => {
    writeQuantiles(samples, v * runs, runs, w, band.p10, band.p50, band.p90);
  });
};

/** Bands from one deterministic vector series laid out `[v * weeks + w]`: p10 = p50 = p90. */
export const meanBands = (series: Float64Array, weeks: number, levelIds: readonly string[]): MetricBands =>
  toMetricBands(
    levelIds,
    Array.from({ length: METRIC_COUNT + levelIds.length }, (_, v) => {
      const values: number[] = new Array(weeks);
      for (let w = 0; w < weeks; w++) values[w] = series[v * weeks + w]!;
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
  const list = bandList(METRIC_COUNT + levelIds.length, weeks);
  const week = new Float64Array(runs);
  list.forEach((band, v) => {
    for (let w = 0; w < weeks; w++) {
      const at = (v * weeks + w) * runs;
      week.set(samples.subarray(at, at + runs));
      writeQuantiles(week, 0, runs, w, band.p10, band.p50, band.p90);
    }
  });
  return toMetricBands(levelIds, list);
};
