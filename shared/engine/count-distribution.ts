import { normalUpperTail } from './normal-tail';

/**
 * Partial moments of a gamma-distributed count N (mean m, variance V: shape a = m^2 / V, scale
 * V / m) above levels, for the queue closure. For a level k: P(N > k) = Q_a(k),
 * E[N; N > k] = m Q_(a+1)(k), E[N^2; N > k] = E[N^2] Q_(a+2)(k), with Q_a the upper tail of a
 * gamma of shape a and the same scale, by the Wilson-Hilferty cube-root normal approximation
 * (Johnson, Kotz and Balakrishnan, Continuous Univariate Distributions 1, 2nd ed., 17.5;
 * accurate to a few thousandths for shapes above 1, coarser below, where little waits).
 */
export interface CountDistribution {
  mean: number;
  variance: number;
  /** E[N^2]. */
  square: number;
  /** Gamma shape and scale (scale 0: a point mass at the mean). */
  shape: number;
  scale: number;
  /**
   * Wilson-Hilferty terms of the gammas of shape a + j (j = 0, 1, 2) and this scale, so a level
   * costs one cube root: z_j = (cbrt(k / scale) root_j - offset_j) gain_j with root_j =
   * (a + j)^(-1/3), offset_j = 1 - 1 / (9 (a + j)), gain_j = 3 sqrt(a + j).
   */
  wh: Float64Array;
}

export const newCountDistribution = (): CountDistribution => ({
  mean: Number.NaN,
  variance: Number.NaN,
  square: 0,
  shape: 0,
  scale: 0,
  wh: new Float64Array(9),
});

/** Fills `out` with the gamma of `mean` and `variance` (a point mass when either is 0); kept when it already is that gamma. */
export const countDistribution = (mean: number, variance: number, out: CountDistribution): void => {
  if (out.mean === mean && out.variance === variance) return;
  out.mean = mean;
  out.variance = variance;
  out.square = variance + mean * mean;
  if (!(mean > 0) || !(variance > 0)) {
    out.shape = Number.POSITIVE_INFINITY;
    out.scale = 0;
    return;
  }
  const shape = (mean * mean) / variance;
  out.shape = shape;
  out.scale = variance / mean;
  const wh = out.wh;
  for (let j = 0; j < 3; j++) {
    const a = shape + j;
    wh[j] = 1 / Math.cbrt(a);
    wh[3 + j] = 1 - 1 / (9 * a);
    wh[6 + j] = 3 * Math.sqrt(a);
  }
};

/** Copies the gamma `from` into `to` (a kept distribution, so `to` need not be filled again for that state). */
export const copyCountDistribution = (from: CountDistribution, to: CountDistribution): void => {
  to.mean = from.mean;
  to.variance = from.variance;
  to.square = from.square;
  to.shape = from.shape;
  to.scale = from.scale;
  // A loop, not TypedArray.prototype.set: nine values, copied at most every step of every week.
  for (let i = 0; i < 9; i++) to.wh[i] = from.wh[i]!;
};

/** Normal scores beyond which a tail is 0 or 1 to double precision's use here (Q(9) < 1.2e-19). */
const FAR = 9;

/** The upper normal tail at z, exactly 0 or 1 beyond {@link FAR}. */
const tailAt = (z: number): number => (z > FAR ? 0 : z < -FAR ? 1 : normalUpperTail(z));

/** Wilson-Hilferty: P(G > k) for G gamma(shape, scale). */
export const gammaTail = (shape: number, scale: number, k: number): number => {
  const spread = 1 / (9 * shape);
  return tailAt((Math.cbrt(k / (shape * scale)) - (1 - spread)) / Math.sqrt(spread));
};

/** Wilson-Hilferty: the value of a gamma(shape) with mean `mean` at normal score z (its quantile at P(Z <= z)). */
export const gammaAtScore = (mean: number, shape: number, z: number): number => {
  const spread = 1 / (9 * shape);
  const root = Math.max(0, 1 - spread + z * Math.sqrt(spread));
  return mean * root * root * root;
};

/** Moments of N above a level k: P(N > k), E[N; N > k], E[N^2; N > k]. */
export interface Above {
  share: number;
  first: number;
  second: number;
}

export const newAbove = (): Above => ({ share: 0, first: 0, second: 0 });

/** Fills `out` with the moments of `n` above level `k`. */
export const momentsAbove = (n: CountDistribution, k: number, out: Above): void => {
  if (!(k > 0) || !(n.scale > 0)) {
    const above = k > 0 ? n.mean > k : n.mean > 0 || k < 0;
    out.share = above ? 1 : 0;
    out.first = above ? n.mean : 0;
    out.second = above ? n.square : 0;
    return;
  }
  const wh = n.wh;
  const root = Math.cbrt(k / n.scale);
  out.share = tailAt((root * wh[0]! - wh[3]!) * wh[6]!);
  out.first = n.mean * tailAt((root * wh[1]! - wh[4]!) * wh[7]!);
  out.second = n.square * tailAt((root * wh[2]! - wh[5]!) * wh[8]!);
};

/** E[(N - k)+] from the moments above k. */
export const excessOf = (a: Above, k: number): number => Math.max(0, a.first - k * a.share);

/** E[((N - k)+)^2] from the moments above k. */
export const excessSquareOf = (a: Above, k: number): number =>
  Math.max(0, a.second - 2 * k * a.first + k * k * a.share);
