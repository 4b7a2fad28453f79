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

  it("takes M/M/1's integrated autocorrelation time: rate mu (1 - rho)^2 / (1 + rho), none at or past capacity", () => {
    // 0.8 arrivals and 1 service a week, exponential reviews: 0.2^2 / 1.8.
    expect(correlationRate(0.8, 1, 1)).toBeCloseTo(0.0222222, 6);
    // 30 arrivals, 40 capacity, review-time CV 0.5: 10^2 / (30 + 40 x 0.25).
    expect(correlationRate(30, 40, 0.25)).toBeCloseTo(2.5, 9);
    expect(correlationRate(40, 40, 1)).toBe(0);
    expect(correlationRate(50, 40, 1)).toBe(0);
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
