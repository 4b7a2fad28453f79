/**
 * Nearest-rank percentile (`p` in (0, 1]) of ascending `sorted` values, rounded to 0.01; null
 * when there are none. Nearest rank: the smallest value with at least p of the values at or below it.
 */
export function nearestRank(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const value = sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
  return Math.round(value * 100) / 100;
}
