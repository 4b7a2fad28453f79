import { binomial, gamma, poisson, type Rng } from '../../../shared/index';

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
