/**
 * One forecast point: actual, the model's forecast, the naive forecast, and where the actual falls
 * in the Monte Carlo runs: `pit` = [share of runs below it, share at or below it].
 */
export interface ScoredPoint {
  actual: number;
  forecast: number;
  naive: number;
  pit: readonly [number, number];
}

/** The `pit` of `actual` among run values. */
export const pitOf = (runs: readonly number[], actual: number): [number, number] => {
  let below = 0;
  let atOrBelow = 0;
  for (const v of runs) {
    if (v < actual) below++;
    if (v <= actual) atOrBelow++;
  }
  return runs.length === 0 ? [0, 1] : [below / runs.length, atOrBelow / runs.length];
};

/** Inner band of the coverage: from P10 to P90. */
const BAND = [0.1, 0.9] as const;

/**
 * How much of a point is inside the P10-P90 band: the share of its PIT interval [F(a-), F(a)]
 * within [0.1, 0.9] (Czado, Gneiting and Held, Biometrics 65(4), 2009: the non-randomised PIT of
 * a count). A count the runs put at 0 in 30% of them and the actual 0 is inside for 0.2 / 0.3 of
 * it, not wholly, as a P10-P90 band of whole numbers ([0, 3] say) holds more than 80% of the
 * runs. Expected 0.8 for a calibrated forecast, counts or not; an interval of width 0 counts 1
 * inside the band (its ends included) and 0 outside.
 */
export const insideBand = ([low, high]: readonly [number, number]): number => {
  if (high <= low) return low >= BAND[0] && low <= BAND[1] ? 1 : 0;
  return Math.max(0, Math.min(high, BAND[1]) - Math.max(low, BAND[0])) / (high - low);
};

/** Forecast error over a set of points. */
export interface ErrorScore {
  /** Points scored. */
  points: number;
  /** Mean absolute percentage error (0-1 and up); sMAPE when any actual is 0 (see `mapeKind`). */
  mape: number | null;
  mapeKind: 'mape' | 'smape';
  /** The median of the same per-point errors as `mape` (half the points were off by less). */
  medianError: number | null;
  /** Mean absolute error over that of the naive forecast on the same points (below 1 beats naive). */
  mase: number | null;
  /** Share of actuals inside the P10-P90 band ({@link insideBand}, summed over points). */
  coverage: number | null;
}

const mean = (values: readonly number[]) =>
  values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;

const median = (values: readonly number[]) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * Scores points: MAPE = mean |f - a| / |a|, or sMAPE = mean 2|f - a| / (|a| + |f|) (0 when both
 * are 0) when an actual is 0, and the median of those errors; MASE = mean |f - a| / mean |naive - a| (null when the naive forecast
 * is exact everywhere); coverage = mean {@link insideBand}.
 */
export function scorePoints(points: readonly ScoredPoint[]): ErrorScore {
  const smape = points.some((p) => p.actual === 0);
  const pct = points.map(({ actual: a, forecast: f }) => {
    if (!smape) return Math.abs(f - a) / Math.abs(a);
    const scale = Math.abs(a) + Math.abs(f);
    return scale === 0 ? 0 : (2 * Math.abs(f - a)) / scale;
  });
  const modelError = mean(points.map((p) => Math.abs(p.forecast - p.actual)));
  const naiveError = mean(points.map((p) => Math.abs(p.naive - p.actual)));
  return {
    points: points.length,
    mape: mean(pct),
    mapeKind: smape ? 'smape' : 'mape',
    medianError: median(pct),
    mase: modelError === null || naiveError === null || naiveError === 0 ? null : modelError / naiveError,
    coverage: mean(points.map((p) => insideBand(p.pit))),
  };
}
