/** Sample rank of quantile q among n samples: nearest rank, round(q (n - 1)), 0-based. */
export const quantileRank = (q: number, n: number): number => Math.round(q * (n - 1));

const swap = (a: Float32Array, i: number, j: number): void => {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
};

/**
 * Floyd-Rivest selection: reorders `a[left..right]` (inclusive) so that a[k] holds its sorted
 * value, smaller-or-equal values before it and larger-or-equal after; returns a[k]. About
 * n + min(k, n - k) comparisons: large ranges first narrow to a sampled window around k.
 */
export const selectInPlace = (a: Float32Array, lo: number, hi: number, k: number): number => {
  let left = lo;
  let right = hi;
  while (right > left) {
    if (right - left > 600) {
      const n = right - left + 1;
      const i = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (i - n / 2 < 0 ? -1 : 1);
      const newLeft = Math.max(left, Math.floor(k - (i * s) / n + sd));
      const newRight = Math.min(right, Math.floor(k + ((n - i) * s) / n + sd));
      selectInPlace(a, newLeft, newRight, k);
    }
    const t = a[k]!;
    let i = left;
    let j = right;
    swap(a, left, k);
    if (a[right]! > t) swap(a, right, left);
    while (i < j) {
      swap(a, i, j);
      i++;
      j--;
      while (a[i]! < t) i++;
      while (a[j]! > t) j--;
    }
    if (a[left] === t) swap(a, left, j);
    else {
      j++;
      swap(a, j, right);
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
  return a[k]!;
};

/**
 * P10, P50 and P90 (nearest rank) of the `n` samples at `a[start..start+n)`, written to the
 * three arrays at index `w`. Reorders the samples. A constant series (common: headcount without
 * departures, zero backlog) is recognised in one pass.
 */
export const writeQuantiles = (
  a: Float32Array,
  start: number,
  n: number,
  w: number,
  p10: number[],
  p50: number[],
  p90: number[],
): void => {
  const end = start + n - 1;
  const first = a[start]!;
  let constant = true;
  for (let i = start + 1; i <= end && constant; i++) constant = a[i] === first;
  if (constant) {
    p10[w] = first;
    p50[w] = first;
    p90[w] = first;
    return;
  }
  const k50 = start + quantileRank(0.5, n);
  p50[w] = selectInPlace(a, start, end, k50);
  p10[w] = selectInPlace(a, start, k50, start + quantileRank(0.1, n));
  p90[w] = selectInPlace(a, k50, end, start + quantileRank(0.9, n));
};
