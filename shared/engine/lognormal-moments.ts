/**
 * Partial moments of a log-normal count N (mean m, variance V) above levels, for the queue
 * closure. N = exp(mu + s Z): s^2 = ln(1 + V / m^2), mu = ln m - s^2 / 2, and for a level k > 0
 * with d = (ln k - mu) / s: P(N > k) = Q(d), E[N; N > k] = m Q(d - s),
 * E[N^2; N > k] = m^2 e^(s^2) Q(d - 2s), Q the standard normal upper tail. erfc by the Chebyshev
 * fit of Numerical Recipes (Press et al., 2nd ed., section 6.2: fractional error below 1.2e-7).
 */
const erfc = (x: number): number => {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const poly =
    -1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t *
                      (0.27886807 +
                        t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const r = t * Math.exp(-z * z + poly);
  return x >= 0 ? r : 2 - r;
};

/** P(Z > x) for a standard normal Z. */
export const normalUpperTail = (x: number): number => 0.5 * erfc(x * Math.SQRT1_2);

/** A log-normal count: its mean, second moment and log-scale parameters. */
export interface LogNormal {
  mean: number;
  /** E[N^2]. */
  square: number;
  /** Log-scale location and spread (spread 0: a point mass at the mean). */
  location: number;
  spread: number;
}

/** Fills `out` with the log-normal of `mean` and `variance` (a point mass when either is 0). */
export const logNormal = (mean: number, variance: number, out: LogNormal): void => {
  out.mean = mean;
  out.square = variance + mean * mean;
  if (!(mean > 0) || !(variance > 0)) {
    out.location = mean > 0 ? Math.log(mean) : Number.NEGATIVE_INFINITY;
    out.spread = 0;
    return;
  }
  const s2 = Math.log1p(variance / (mean * mean));
  out.location = Math.log(mean) - s2 / 2;
  out.spread = Math.sqrt(s2);
};

/** Moments of N above a level k: P(N > k), E[N; N > k], E[N^2; N > k]. */
export interface Above {
  share: number;
  first: number;
  second: number;
}

export const newAbove = (): Above => ({ share: 0, first: 0, second: 0 });

/** Fills `out` with the moments of `n` above level `k`. */
export const momentsAbove = (n: LogNormal, k: number, out: Above): void => {
  if (!(k > 0)) {
    out.share = n.mean > 0 || k < 0 ? 1 : 0;
    out.first = n.mean;
    out.second = n.square;
    return;
  }
  if (n.spread === 0) {
    const above = n.mean > k;
    out.share = above ? 1 : 0;
    out.first = above ? n.mean : 0;
    out.second = above ? n.square : 0;
    return;
  }
  const d = (Math.log(k) - n.location) / n.spread;
  out.share = normalUpperTail(d);
  out.first = n.mean * normalUpperTail(d - n.spread);
  out.second = n.square * normalUpperTail(d - 2 * n.spread);
};

/** E[(N - k)+] from the moments above k. */
export const excessOf = (a: Above, k: number): number => Math.max(0, a.first - k * a.share);

/** E[((N - k)+)^2] from the moments above k. */
export const excessSquareOf = (a: Above, k: number): number =>
  Math.max(0, a.second - 2 * k * a.first + k * k * a.share);
