import { formatNumber } from '../format';

/** Most decimals a value axis shows: uPlot's finest split step on a flat series is about 1e-4 of the value. */
const maxDigits = 6;

/** Whether `step` is a whole number of units of the `digits`-th decimal place. */
const whole = (step: number, digits: number) => {
  const scaled = step * 10 ** digits;
  return Math.abs(scaled - Math.round(scaled)) < 1e-6 * Math.max(1, scaled);
};

/**
 * Labels for a value axis's splits with at least `digits` decimals, and more when the split step
 * needs them, all with the same count: a nearly flat series (incidents at 11.88-11.92 a week) gets
 * "11.88, 11.90, 11.92" instead of "11.9" three times.
 */
export function valueTickLabels(splits: readonly number[], digits: number): string[] {
  let step = Number.POSITIVE_INFINITY;
  for (let i = 1; i < splits.length; i++) {
    const gap = Math.abs((splits[i] ?? 0) - (splits[i - 1] ?? 0));
    if (gap > 0) step = Math.min(step, gap);
  }
  let shown = digits;
  while (Number.isFinite(step) && shown < maxDigits && !whole(step, shown)) shown++;
  return splits.map((v) => formatNumber(v, shown, shown > digits ? shown : 0));
}
