import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { averagedShare, correlationRate, relaxedShare } from '../../shared/engine/relaxation';

describe('relaxation weights', () => {
  it('gives the mean of e^-(x t) over a unit: (1 - e^-1) / 1 = 0.632 at rate 1, 1 at rest', () => {
    expect(relaxedShare(1)).toBeCloseTo(0.6321206, 6);
    expect(relaxedShare(0)).toBe(1);
  });

  it("keeps 2 (x - 1 + e^-x) / x^2 of an exponentially correlated process's variance in a unit average", () => {
    expect(averagedShare(1)).toBeCloseTo(0.7357589, 6);
    expect(averagedShare(10)).toBeCloseTo(0.1800009, 6);
    expect(averagedShare(0)).toBe(1);
  });

  it('keeps nothing at an infinite rate (its limit, not Infinity / Infinity)', () => {
    expect(averagedShare(Number.POSITIVE_INFINITY)).toBe(0);
    expect(averagedShare(1e300)).toBe(0);
  });

  it('takes the series near rest, exact there to 1e-12 (values from the Taylor series to x^4)', () => {
    // (1 - e^-x) / x = 1 - x / 2 + x^2 / 6 - ...; 2 (x - 1 + e^-x) / x^2 = 1 - x / 3 + x^2 / 12 - x^3 / 60 + ...
    expect(Math.abs(relaxedShare(1e-6) - 0.9999995000001667)).toBeLessThan(1e-12);
    expect(Math.abs(averagedShare(1e-4) - 0.9999666674999833)).toBeLessThan(1e-12);
    // At 5e-4 the series left out x^3 / 60 = 2.1e-12, within the documented 2e-11.
    expect(Math.abs(averagedShare(5e-4) - (1 - 5e-4 / 3 + 25e-8 / 12 - 125e-12 / 60))).toBeLessThan(1e-11);
  });

  it("takes the closed forms away from rest, and the caller's e^-x when given", () => {
    expect(relaxedShare(0.5)).toBeCloseTo(0.7869386805747332, 14);
    expect(averagedShare(0.5)).toBeCloseTo(0.8522452777010674, 14);
    // (1 - 0.5) / 1: the decay handed in is used, not recomputed.
    expect(relaxedShare(1, 0.5)).toBe(0.5);
    expect(relaxedShare(4, 0.25)).toBe(0.1875);
  });

  it("takes M/M/1's integrated autocorrelation time: rate mu (1 - rho)^2 / (1 + rho), none at or past capacity", () => {
    // 0.8 arrivals and 1 service a week, exponential reviews: 0.2^2 / 1.8.
    expect(correlationRate(0.8, 1, 1)).toBeCloseTo(0.0222222, 6);
    // 30 arrivals, 40 capacity, review-time CV 0.5: 10^2 / (30 + 40 x 0.25).
    expect(correlationRate(30, 40, 0.25)).toBeCloseTo(2.5, 9);
    expect(correlationRate(40, 40, 1)).toBe(0);
    expect(correlationRate(50, 40, 1)).toBe(0);
    // Nothing arriving and fixed review times: no variance, so no rate (0, not 100 / 0).
    expect(correlationRate(0, 10, 0)).toBe(0);
  });

  it('keeps more of the variance the slower a process relaxes, within [0, 1]', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        (a, b) => {
          const [slow, fast] = a <= b ? [a, b] : [b, a];
          expect(averagedShare(slow)).toBeGreaterThanOrEqual(averagedShare(fast) - 1e-12);
          expect(averagedShare(fast)).toBeGreaterThanOrEqual(0);
          expect(averagedShare(slow)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});
