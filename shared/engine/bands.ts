import type { Band, MetricBands } from './forecast';
import { METRIC_COUNT, metricKeys } from './metrics';
import { writeQuantiles } from './percentiles';

const assemble = (levelIds: readonly string[], band: (v: number) => Band): MetricBands => {
  const bands = Object.fromEntries(metricKeys.map((key, v) => [key, band(v)]));
  const headcount = Object.fromEntries(levelIds.map((id, l) => [id, band(METRIC_COUNT + l)]));
  return { ...bands, headcount } as MetricBands;
};

/** Bands from one deterministic vector series laid out `[v * weeks + w]`: p10 = p50 = p90. */
export const meanBands = (series: Float64Array, weeks: number, levelIds: readonly string[]): MetricBands =>
  assemble(levelIds, (v) => {
    const values: number[] = new Array(weeks);
    for (let w = 0; w < weeks; w++) values[w] = series[v * weeks + w]!;
    return { p10: values, p50: values, p90: values };
  });

/** Bands from samples laid out `[(v * weeks + w) * runs + r]`. Reorders the samples. */
export const sampleBands = (
  samples: Float32Array,
  weeks: number,
  runs: number,
  levelIds: readonly string[],
): MetricBands =>
  assemble(levelIds, (v) => {
    const band: Band = { p10: new Array(weeks), p50: new Array(weeks), p90: new Array(weeks) };
    for (let w = 0; w < weeks; w++)
      writeQuantiles(samples, (v * weeks + w) * runs, runs, w, band.p10, band.p50, band.p90);
    return band;
  });
