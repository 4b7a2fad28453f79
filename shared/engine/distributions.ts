import type { Rng } from './rng';

// Acklam's rational approximation of the standard normal quantile (relative error < 1.2e-9).
const A = [
  -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
  2.506628277459239,
];
const B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
const C = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
];
const D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];

const tail = (q: number): number =>
  (((((C[0]! * q + C[1]!) * q + C[2]!) * q + C[3]!) * q + C[4]!) * q + C[5]!) /
  ((((D[0]! * q + D[1]!) * q + D[2]!) * q + D[3]!) * q + 1);

/** Standard normal quantile for u in (0, 1). */
export const normalQuantile = (u: number): number => {
  if (u < 0.02425) return tail(Math.sqrt(-2 * Math.log(u)));
  if (u > 0.97575) return -tail(Math.sqrt(-2 * Math.log(1 - u)));
  const q = u - 0.5;
  const r = q * q;
  return (
    ((((((A[0]! * r + A[1]!) * r + A[2]!) * r + A[3]!) * r + A[4]!) * r + A[5]!) * q) /
    (((((B[0]! * r + B[1]!) * r + B[2]!) * r + B[3]!) * r + B[4]!) * r + 1)
  );
};

/** Below this mean, Poisson draws invert the CDF; above it, a skew-corrected normal is used. */
const POISSON_INVERSION_LIMIT = 12;

/** Slack over rounding in exp and 1 - mean, so u below 1 - mean - ZERO_MARGIN is surely below exp(-mean). */
const ZERO_MARGIN = 2 ** -40;

/**
 * Poisson draw with mean `mean` from exactly one uniform: CDF inversion for small means (zero
 * without calling exp when u < 1 - mean, since exp(-mean) >= 1 - mean),
 * Cornish-Fisher corrected normal (mean + sqrt(mean) z + (z^2 - 1) / 6) for large ones.
 */
export const poisson = (rng: Rng, mean: number): number => {
  const u = rng.next();
  if (mean >= POISSON_INVERSION_LIMIT) {
    const z = normalQuantile(u);
    return Math.max(0, Math.floor(mean + Math.sqrt(mean) * z + (z * z - 1) / 6 + 0.5));
  }
  // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: a shortcut past exp for u the inversion below also maps to 0 (this also leaves out the killed always-0 and > mutants)
  if (u < 1 - mean - ZERO_MARGIN) return 0;
  let p = Math.exp(-mean);
  let cdf = p;
  let k = 0;
  while (u > cdf && k < 100) {
    k += 1;
    p *= mean / k;
    cdf += p;
  }
  return k;
};

/**
 * A gamma draw with shape `shape` and scale 1 (mean and variance `shape`): Marsaglia and Tsang's
 * squeeze method (ACM TOMS 26(3), 2000) for shape >= 1, with U^(1/shape) boosting below 1. Takes
 * a varying number of uniforms (two a try, a try accepted with probability above 0.95, one more
 * below shape 1).
 */
export const gamma = (rng: Rng, shape: number): number => {
  if (shape < 1) return gamma(rng, shape + 1) * rng.next() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = normalQuantile(Math.min(1 - 1e-16, Math.max(1e-16, rng.next())));
    const v = (1 + c * z) ** 3;
    if (v <= 0) continue;
    const u = rng.next();
    if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
  }
};

/** x^n for a whole n by repeated squaring. */
const powInt = (x: number, n: number): number => {
  let result = 1;
  let base = x;
  for (let e = n; e > 0; e >>>= 1) {
    if (e & 1) result *= base;
    base *= base;
  }
  return result;
};

/** Binomial draw for whole `n` trials of probability `p` from exactly one uniform. */
export const binomial = (rng: Rng, n: number, p: number): number => {
  const u = rng.next();
  if (n <= 0 || !(p > 0)) return 0;
  if (p >= 1) return n;
  const flip = p > 0.5;
  const q = flip ? 1 - p : p;
  const mean = n * q;
  let k = 0;
  if (mean > 30) {
    k = Math.min(n, Math.max(0, Math.floor(mean + Math.sqrt(mean * (1 - q)) * normalQuantile(u) + 0.5)));
  } else {
    const ratio = q / (1 - q);
    let pk = powInt(1 - q, n);
    let cdf = pk;
    while (u > cdf && k < n) {
      pk *= ((n - k) / (k + 1)) * ratio;
      k += 1;
      cdf += pk;
    }
  }
  return flip ? n - k : k;
};

/**
 * Quantile at u of a split triangular multiplier with median 1: below the median a triangle
 * from `low` up to 1, above it a triangle from 1 down to `high`, each with half the mass. The
 * documented value stays the central case even when its range is lopsided, so the Monte Carlo
 * median tracks the mean path.
 */
export const medianOneTriangular = (u: number, low: number, high: number): number =>
  u < 0.5 ? low + (1 - low) * Math.sqrt(2 * u) : high - (high - 1) * Math.sqrt(2 - 2 * u);
