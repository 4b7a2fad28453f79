import { binomial, normalQuantile, poisson, type Rng } from '../../../shared/index';

/**
 * A gamma draw with shape `shape` and scale 1 (mean and variance `shape`): Marsaglia and Tsang's
 * squeeze method (ACM TOMS 26(3), 2000) for shape >= 1, with U^(1/shape) boosting below 1.
 */
export function gamma(rng: Rng, shape: number): number {
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
}

/**
 * A week's count made bursty: given `count`, a Poisson draw with mean `mean`, the count of a
 * Poisson draw whose mean is `mean` x G, G ~ gamma(1 / dispersion, dispersion) (mean 1, variance
 * `dispersion`), so the result is negative binomial: mean `mean`, variance mean + dispersion x
 * mean^2. G below 1 thins the count (binomial, keeping each with chance G); above 1 adds a
 * Poisson draw of mean x (G - 1). Dispersion 0 returns the count unchanged.
 */
export function burstyCount(rng: Rng, count: number, mean: number, dispersion: number): number {
  if (!(dispersion > 0) || !(mean > 0)) return count;
  const g = gamma(rng, 1 / dispersion) * dispersion;
  return g < 1 ? binomial(rng, Math.round(count), g) : count + poisson(rng, mean * (g - 1));
}
