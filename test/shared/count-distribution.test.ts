import { describe, expect, it } from 'vitest';
import {
  countDistribution,
  excessOf,
  excessSquareOf,
  gammaAtScore,
  gammaTail,
  momentsAbove,
  newAbove,
  newCountDistribution,
} from '../../shared/engine/count-distribution';

/**
 * Oracle: the upper tail of a gamma of whole shape a and scale 1 at x, e^-x sum_{j < a} x^j / j!
 * (the Poisson sum, exact), so Q_a(k / scale) is P(G > k) for the gamma of that scale.
 */
const exactTail = (a: number, x: number) => {
  let term = 1;
  let sum = 1;
  for (let j = 1; j < a; j++) {
    term *= x / j;
    sum += term;
  }
  return Math.exp(-x) * sum;
};

/** The moments of the count of `mean` and `variance` above level k, as the engine gives them. */
const above = (mean: number, variance: number, k: number) => {
  const n = newCountDistribution();
  countDistribution(mean, variance, n);
  const out = newAbove();
  momentsAbove(n, k, out);
  return out;
};

describe('moments of a gamma count above a level (Wilson-Hilferty)', () => {
  // [mean, variance, level]: shapes m^2 / V of 1, 2, 4 and 20, levels below and above the mean.
  it.each([
    [2, 2, 2],
    [8, 16, 10],
    [8, 16, 4],
    [20, 20, 25],
    [3, 9, 1],
  ])(
    'mean %s, variance %s above %s: P(N > k), E[N; N > k] and E[N^2; N > k] within 1% of the exact gamma',
    (mean, variance, k) => {
      const shape = (mean * mean) / variance;
      const x = k / (variance / mean);
      const share = exactTail(shape, x);
      const first = mean * exactTail(shape + 1, x);
      const second = (variance + mean * mean) * exactTail(shape + 2, x);
      const got = above(mean, variance, k);
      expect(Math.abs(got.share - share)).toBeLessThan(0.006);
      expect(got.first / first).toBeCloseTo(1, 2);
      expect(got.second / second).toBeCloseTo(1, 2);
      expect(gammaTail(shape, variance / mean, k)).toBeCloseTo(got.share, 12);
      // E[(N - k)+] and E[((N - k)+)^2] from those moments, against the exact gamma's.
      expect(excessOf(got, k) / (first - k * share)).toBeCloseTo(1, 1);
      expect(excessSquareOf(got, k) / (second - 2 * k * first + k * k * share)).toBeCloseTo(1, 1);
    },
  );

  it('gives E[(N - 2)+] = 0.5447 and E[((N - 2)+)^2] = 1.3474 for a gamma of mean 2 and variance 2, as the exact gamma does', () => {
    // Shape 2, scale 1, E[N^2] = 6: P(N > 2) = 3e^-2 = 0.4060, E[N; N > 2] = 2 x 5e^-2 = 1.3534,
    // E[N^2; N > 2] = 6 x 6.3333e^-2 = 5.1427: 1.3534 - 2 x 0.4060 and 5.1427 - 4 x 1.3534 + 4 x 0.4060.
    const got = above(2, 2, 2);
    expect(excessOf(got, 2)).toBeCloseTo(0.5447, 2);
    expect(excessSquareOf(got, 2)).toBeCloseTo(1.3474, 2);
  });

  it('treats a count without variance as a point mass at its mean', () => {
    expect(above(3, 0, 2)).toEqual({ share: 1, first: 3, second: 9 });
    expect(above(3, 0, 3)).toEqual({ share: 0, first: 0, second: 0 });
    expect(above(3, 0, 0)).toEqual({ share: 1, first: 3, second: 9 });
  });

  it('puts all of a count above levels at or below 0 when its mean is positive, and an empty count above negative levels only', () => {
    expect(above(2, 2, 0)).toEqual({ share: 1, first: 2, second: 6 });
    expect(above(2, 2, -0.5)).toEqual({ share: 1, first: 2, second: 6 });
    expect(above(0, 0, 0)).toEqual({ share: 0, first: 0, second: 0 });
    expect(above(0, 0, -1)).toEqual({ share: 1, first: 0, second: 0 });
  });

  it('refills a distribution for new moments and keeps its terms for the same ones', () => {
    const n = newCountDistribution();
    countDistribution(8, 16, n);
    expect([n.mean, n.variance, n.square, n.shape, n.scale]).toEqual([8, 16, 80, 4, 2]);
    // Wilson-Hilferty terms of shapes 4, 5, 6: a^(-1/3), 1 - 1 / (9a), 3 sqrt(a).
    const terms = [4, 5, 6].flatMap((a) => [a ** (-1 / 3), 1 - 1 / (9 * a), 3 * Math.sqrt(a)]);
    [0, 3, 6, 1, 4, 7, 2, 5, 8].forEach((slot, i) => {
      expect(n.wh[slot]).toBeCloseTo(terms[i]!, 12);
    });
    countDistribution(2, 0, n);
    expect([n.mean, n.variance, n.square, n.shape, n.scale]).toEqual([2, 0, 4, Number.POSITIVE_INFINITY, 0]);
    // Only the mean changes, then only the variance: shape m^2 / V and scale V / m follow each.
    countDistribution(8, 16, n);
    countDistribution(4, 16, n);
    expect([n.mean, n.variance, n.square, n.shape, n.scale]).toEqual([4, 16, 32, 1, 4]);
    countDistribution(4, 8, n);
    expect([n.mean, n.variance, n.square, n.shape, n.scale]).toEqual([4, 8, 24, 2, 2]);
  });

  it('is exactly 0 or 1 far in the tails', () => {
    expect(gammaTail(4, 2, 1000)).toBe(0);
    expect(gammaTail(100, 1, 0)).toBe(1);
  });
});

describe('gamma quantile by normal score (Wilson-Hilferty)', () => {
  it('gives the P90 of a gamma of shape 4 and mean 8 near the exact 13.3616 (2 x 6.68078)', () => {
    expect(gammaAtScore(8, 4, 1.2815515655446004)).toBeCloseTo(13.3616, 1);
  });

  it('gives mean (1 - 1 / (9a))^3 at score 0 and 0 where the cube root would be negative', () => {
    expect(gammaAtScore(3, 1, 0)).toBeCloseTo(3 * (8 / 9) ** 3, 12);
    expect(gammaAtScore(8, 0.5, -5)).toBe(0);
  });
});
