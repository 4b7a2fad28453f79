/** One forecast point: actual, the model's forecast, the naive forecast and the model's P10-P90 band. */
export interface ScoredPoint {
  actual: number;
  forecast: number;
  naive: number;
  p10: number;
  p90: number;
}

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
  /** Share of actuals inside [P10, P90]. */
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
 * is exact everywhere); coverage = share with P10 <= a <= P90.
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
    coverage: mean(points.map((p) => (p.actual >= p.p10 && p.actual <= p.p90 ? 1 : 0))),
  };
}
