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
 * Writes to `out` the values at three 0-based `ranks` of the `n` samples at `a[start..]`, the
 * smallest being `low`; `size` is the picker's own measure of their spread.
 */
type RankPicker = (
  a: Float32Array,
  start: number,
  n: number,
  low: number,
  size: number,
  ranks: readonly [number, number, number],
  out: [number, number, number],
) => void;

/** Widest range of whole-number samples that counting handles (bins reused across calls). */
const COUNTING_RANGE = 4096;
const bins = new Int32Array(COUNTING_RANGE);

/** The value at each of the three ranks, by counting whole-number samples in [low, low + range). */
const countingQuantiles: RankPicker = (a, start, n, low, range, ranks, out) => {
  bins.fill(0, 0, range);
  for (let i = start; i < start + n; i++) bins[a[i]! - low]!++;
  let seen = 0;
  let q = 0;
  for (let b = 0; b < range && q < 3; b++) {
    seen += bins[b]!;
    while (q < 3 && ranks[q]! < seen) out[q++] = low + b;
  }
};

/** Buckets of the one-pass histogram that narrows continuous samples before selection. */
const BUCKETS = 256;
const counts = new Int32Array(BUCKETS);
const target = new Int32Array(3);
const offset = new Int32Array(3);
const sizes = new Int32Array(3);
let tags = new Uint8Array(1024);
let pools = [new Float32Array(1024), new Float32Array(1024), new Float32Array(1024)] as const;

/**
 * The value at each rank of samples spanning [low, high]: a histogram of 256 equal buckets
 * (monotone in value) finds each rank's bucket, whose members alone go to selection.
 */
const bucketQuantiles: RankPicker = (a, start, n, low, scale, ranks, out) => {
  if (tags.length < n) {
    tags = new Uint8Array(n);
    pools = [new Float32Array(n), new Float32Array(n), new Float32Array(n)];
  }
  counts.fill(0);
  for (let i = 0; i < n; i++) {
    const b = Math.min(BUCKETS - 1, ((a[start + i]! - low) * scale) | 0);
    tags[i] = b;
    counts[b]!++;
  }
  let below = 0;
  let b = 0;
  for (let q = 0; q < 3; q++) {
    while (below + counts[b]! <= ranks[q]!) below += counts[b++]!;
    target[q] = b;
    offset[q] = ranks[q]! - below;
  }
  sizes.fill(0);
  const [first, second, third] = pools;
  const t0 = target[0]!;
  const t1 = target[1]!;
  const t2 = target[2]!;
  for (let i = 0; i < n; i++) {
    const t = tags[i]!;
    if (t === t0) first[sizes[0]!++] = a[start + i]!;
    else if (t === t1) second[sizes[1]!++] = a[start + i]!;
    else if (t === t2) third[sizes[2]!++] = a[start + i]!;
  }
  for (let q = 0; q < 3; q++) {
    const pool = target[q] === t0 ? 0 : target[q] === t1 ? 1 : 2;
    out[q] = selectInPlace(pools[pool], 0, sizes[pool]! - 1, offset[q]!);
  }
};

const picked: [number, number, number] = [0, 0, 0];

/**
 * P10, P50 and P90 (nearest rank) of the `n` samples at `a[start..start+n)`, written to the
 * three arrays at index `w`. May reorder the samples. One scan finds the range: a constant
 * series is done there, whole numbers spanning fewer than 4,096 values (headcount, arrivals,
 * incidents) are counted, anything else is bucketed and only the three ranks' buckets go to
 * Floyd-Rivest selection.
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
  let low = a[start]!;
  let high = low;
  let whole = true;
  for (let i = start + 1; i <= end; i++) {
    const x = a[i]!;
    if (x < low) low = x;
    else if (x > high) high = x;
    whole = whole && x === Math.floor(x);
  }
  const ranks: [number, number, number] = [quantileRank(0.1, n), quantileRank(0.5, n), quantileRank(0.9, n)];
  if (low === high) {
    picked[0] = low;
    picked[1] = low;
    picked[2] = low;
  } else if (whole && a[start] === Math.floor(a[start]!) && high - low < COUNTING_RANGE) {
    countingQuantiles(a, start, n, low, high - low + 1, ranks, picked);
  } else if (Number.isFinite(BUCKETS / (high - low))) {
    bucketQuantiles(a, start, n, low, BUCKETS / (high - low), ranks, picked);
  } else {
    const k50 = start + ranks[1];
    picked[1] = selectInPlace(a, start, end, k50);
    picked[0] = selectInPlace(a, start, k50, start + ranks[0]);
    picked[2] = selectInPlace(a, k50, end, start + ranks[2]);
  }
  p10[w] = picked[0];
  p50[w] = picked[1];
  p90[w] = picked[2];
};
