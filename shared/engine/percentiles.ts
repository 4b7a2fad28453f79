import { BAND_DIGITS, toSignificant } from './significant';

/** Sample rank of quantile q among n samples: nearest rank, round(q (n - 1)), 0-based. */
export const quantileRank = (q: number, n: number): number => Math.round(q * (n - 1));

const swap = (a: Float64Array, i: number, j: number): void => {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
};

/**
 * Floyd-Rivest selection: reorders `a[left..right]` (inclusive) so that a[k] holds its sorted
 * value, smaller-or-equal values before it and larger-or-equal after; returns a[k]. About
 * n + min(k, n - k) comparisons: large ranges first narrow to a sampled window around k.
 */
export const selectInPlace = (a: Float64Array, lo: number, hi: number, k: number): number => {
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
  a: Float64Array,
  start: number,
  n: number,
  low: number,
  size: number,
  ranks: Int32Array,
  out: [number, number, number],
) => void;

/** Widest range of whole-number samples that counting handles (bins reused across calls; odd samples go to spareBins). */
const COUNTING_RANGE = 4096;
const bins = new Int32Array(COUNTING_RANGE);
const spareBins = new Int32Array(COUNTING_RANGE);

/** The value at each of the three ranks, by counting whole-number samples in [low, low + range). */
const countingQuantiles: RankPicker = (a, start, n, low, range, ranks, out) => {
  bins.fill(0, 0, range);
  spareBins.fill(0, 0, range);
  const end = start + n;
  let i = start;
  for (; i + 1 < end; i += 2) {
    bins[a[i]! - low]!++;
    spareBins[a[i + 1]! - low]!++;
  }
  if (i < end) bins[a[i]! - low]!++;
  for (let b = 0; b < range; b++) bins[b]! += spareBins[b]!;
  let seen = 0;
  let q = 0;
  for (let b = 0; b < range && q < 3; b++) {
    seen += bins[b]!;
    while (q < 3 && ranks[q]! < seen) out[q++] = low + b;
  }
};

/** Buckets of the one-pass histogram that narrows continuous samples before selection. */
const BUCKETS = 256;
/** Highest bucket index: scaling [low, high] by TOP_BUCKET / (high - low) never rounds past it. */
const TOP_BUCKET = BUCKETS - 1;
/** Counts of even-indexed samples, and of odd ones (two tables keep increments independent). */
const counts = new Int32Array(BUCKETS);
const spare = new Int32Array(BUCKETS);
const target = new Int32Array(3);
const offset = new Int32Array(3);
const sizes = new Int32Array(3);
let tags = new Uint8Array(1024);
let pools = [new Float64Array(1024), new Float64Array(1024), new Float64Array(1024)] as const;

/**
 * The value at each rank of samples spanning [low, high]: a histogram of 255 equal buckets plus
 * one for the maximum (monotone in value) finds each rank's bucket, whose members alone go to selection.
 */
const bucketQuantiles: RankPicker = (a, start, n, low, scale, ranks, out) => {
  if (tags.length < n) {
    tags = new Uint8Array(n);
    pools = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  }
  counts.fill(0);
  spare.fill(0);
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const even = ((a[start + i]! - low) * scale) | 0;
    const odd = ((a[start + i + 1]! - low) * scale) | 0;
    tags[i] = even;
    tags[i + 1] = odd;
    counts[even]!++;
    spare[odd]!++;
  }
  if (i < n) {
    const last = ((a[start + i]! - low) * scale) | 0;
    tags[i] = last;
    counts[last]!++;
  }
  for (let k = 0; k < BUCKETS; k++) counts[k]! += spare[k]!;
  let below = 0;
  let b = 0;
  for (let q = 0; q < 3; q++) {
    while (below + counts[b]! <= ranks[q]!) below += counts[b++]!;
    target[q] = b;
    offset[q] = ranks[q]! - below;
  }
  const [first, second, third] = pools;
  const t0 = target[0]!;
  const t1 = target[1]!;
  const t2 = target[2]!;
  let size0 = 0;
  let size1 = 0;
  let size2 = 0;
  for (let j = 0; j < n; j++) {
    const t = tags[j]!;
    if (t === t0) first[size0++] = a[start + j]!;
    else if (t === t1) second[size1++] = a[start + j]!;
    else if (t === t2) third[size2++] = a[start + j]!;
  }
  sizes[0] = size0;
  sizes[1] = size1;
  sizes[2] = size2;
  const slack = rankSlack(n);
  for (let q = 0; q < 3; q++) {
    const pool = target[q] === t0 ? 0 : target[q] === t1 ? 1 : 2;
    out[q] = selectInPool(pools[pool], sizes[pool]!, offset[q]!, slack);
  }
};

/** Pools larger than this are narrowed by another histogram before selection. */
const NARROW_SIZE = 48;
const poolCounts = new Int32Array(BUCKETS);
/** Where narrowing keeps a pool's members: never the pool itself, which another rank may still read. */
let narrowed = new Float64Array(1024);

/**
 * Share of the samples a percentile's rank may miss by: 0.25 percentile points, below a P10's
 * own sampling error at 1,000 runs (about one point), so the bands cannot be told apart from exact ones.
 */
export const RANK_SLACK = 0.0025;

/** Ranks a selection among `n` samples may miss by ({@link RANK_SLACK}): 2 of 1,000, 0 below 400. */
export const rankSlack = (n: number): number => Math.floor(RANK_SLACK * n);

/**
 * A value within `slack` ranks of rank `k` among the `size` values of `pool` (which holds a
 * contiguous run of ranks; it may be reordered, never changed). A large pool (skewed samples
 * crowd a few buckets) is narrowed again: its own range, ties at either end (zero backlog, a
 * capped wait) answered at once, the rest bucketed and only the rank's bucket kept. A pool of at
 * most slack + 1 values is answered by its minimum: every member is within slack ranks of k.
 */
const selectInPool = (pool: Float64Array, size: number, k: number, slack: number): number => {
  let values = pool;
  let n = size;
  let rank = k;
  while (n > 1) {
    let min = values[0]!;
    let max = min;
    let atMin = 0;
    let atMax = 0;
    for (let i = 0; i < n; i++) {
      const x = values[i]!;
      if (x < min) {
        min = x;
        atMin = 0;
      } else if (x > max) {
        max = x;
        atMax = 0;
      }
      if (x === min) atMin++;
      if (x === max) atMax++;
    }
    if (rank < atMin || n - 1 <= slack) return min;
    if (rank >= n - atMax) return max;
    const scale = TOP_BUCKET / (max - min);
    if (n <= NARROW_SIZE || !Number.isFinite(scale)) break;
    poolCounts.fill(0);
    for (let i = 0; i < n; i++) poolCounts[((values[i]! - min) * scale) | 0]!++;
    let below = 0;
    let b = 0;
    while (below + poolCounts[b]! <= rank) below += poolCounts[b++]!;
    if (poolCounts[b] === n) break;
    if (narrowed.length < n) narrowed = new Float64Array(n);
    let kept = 0;
    for (let i = 0; i < n; i++) {
      const x = values[i]!;
      if ((((x - min) * scale) | 0) === b) narrowed[kept++] = x;
    }
    values = narrowed;
    n = kept;
    rank -= below;
  }
  return selectInPlace(values, 0, n - 1, rank);
};

const picked: [number, number, number] = [0, 0, 0];
/** Ranks of P10, P50 and P90 for the sample count in slot 3 (recomputed when the count changes). */
const ranks = new Int32Array([0, 0, 0, -1]);

/**
 * P10, P50 and P90 (nearest rank, within {@link rankSlack} ranks: at most 0.25 percentile
 * points from the exact sample, and P10 <= P50 <= P90) of the `n` samples at `a[start..start+n)`, written to the
 * three arrays at index `w`, rounded to float32 (the precision split runs keep samples in; rounding
 * after selection equals selecting among rounded samples, since rounding is monotone) and then to
 * {@link BAND_DIGITS} significant digits. May reorder the samples. One scan finds the range: a constant
 * series is done there, whole numbers spanning fewer than 4,096 values (headcount, arrivals,
 * incidents) are counted (exactly), anything else is bucketed and only the three ranks' buckets
 * go on, narrowed until at most slack + 1 values remain or selected by Floyd-Rivest.
 */
export const writeQuantiles = (
  a: Float64Array,
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
  let whole = low === Math.floor(low);
  let i = start + 1;
  for (; whole && i <= end; i++) {
    const x = a[i]!;
    if (x < low) low = x;
    else if (x > high) high = x;
    whole = x === Math.floor(x);
  }
  for (; i <= end; i++) {
    const x = a[i]!;
    if (x < low) low = x;
    else if (x > high) high = x;
  }
  if (ranks[3] !== n) {
    ranks[0] = quantileRank(0.1, n);
    ranks[1] = quantileRank(0.5, n);
    ranks[2] = quantileRank(0.9, n);
    ranks[3] = n;
  }
  if (low === high) {
    picked[0] = low;
    picked[1] = low;
    picked[2] = low;
  } else if (whole && high - low < COUNTING_RANGE) {
    countingQuantiles(a, start, n, low, high - low + 1, ranks, picked);
  } else if (Number.isFinite(TOP_BUCKET / (high - low))) {
    bucketQuantiles(a, start, n, low, TOP_BUCKET / (high - low), ranks, picked);
  } else {
    const k50 = start + ranks[1]!;
    picked[1] = selectInPlace(a, start, end, k50);
    picked[0] = selectInPlace(a, start, k50, start + ranks[0]!);
    picked[2] = selectInPlace(a, k50, end, start + ranks[2]!);
  }
  p10[w] = toSignificant(Math.fround(picked[0]));
  p50[w] = toSignificant(Math.fround(picked[1]));
  p90[w] = toSignificant(Math.fround(picked[2]));
};
