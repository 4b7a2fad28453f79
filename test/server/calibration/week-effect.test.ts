import { describe, expect, it } from 'vitest';
import { weekEffect } from '../../../server/services/calibration/week-effect';
import { normalQuantile, Rng } from '../../../shared/index';

describe('week effect of sign-off delays', () => {
  it('splits the log delays’ variance between weeks and within them (hand-computed)', () => {
    // logs [1, 3] and [5, 7]: mean 4, week means 2 and 6; within (1+1+1+1) / (4-2) = 2;
    // MSB 2 x 4 + 2 x 4 = 16, n0 = (4 - 8/4) / 1 = 2: between (16 - 2) / 2 = 7;
    // each week's deviation 2 shrunk by 7 / (7 + 2/2)
    const effect = weekEffect([[Math.E, Math.E ** 3], [Math.E ** 5, Math.E ** 7], null]);
    expect(effect.sd).toBeCloseTo(Math.sqrt(7), 12);
    expect(effect.logFactors.map((f) => f / 1.75)).toEqual([-1, 1, 0].map((v) => expect.closeTo(v, 12)));
  });

  it('finds no week effect when weeks vary no more than their changes, or with too few delays', () => {
    expect(
      weekEffect([
        [Math.E, Math.E ** 3],
        [Math.E, Math.E ** 3],
      ]),
    ).toEqual({ sd: 0, persistence: 0, logFactors: [0, 0] });
    expect(weekEffect([[5], [7]]).sd).toBe(0);
    // zero delays (clock skew) have no logarithm and are left out
    expect(weekEffect([[0, 0], [0]]).sd).toBe(0);
  });

  it('recovers the persistence of an AR(1) week factor (0.6, sd 0.5 between, 1 within)', () => {
    const fitted = [1, 2, 3, 4].map((seed) => {
      const rng = new Rng(seed);
      const z = () => normalQuantile(rng.next());
      let b = 0.5 * z();
      const weeks = Array.from({ length: 104 }, () => {
        b = 0.6 * b + Math.sqrt(1 - 0.36) * 0.5 * z();
        return Array.from({ length: 8 }, () => Math.exp(2 + b + z()));
      });
      return weekEffect(weeks).persistence;
    });
    // 104 weeks: one estimate's sd about 0.12; the mean of four within 0.15
    expect(Math.abs(fitted.reduce((a, b) => a + b, 0) / 4 - 0.6)).toBeLessThan(0.15);
  });

  it('recovers a known week effect from lognormal weeks (sd 0.5 between, 1 within)', () => {
    const fitted = [1, 2, 3, 4].map((seed) => {
      const rng = new Rng(seed);
      const z = () => normalQuantile(rng.next());
      const weeks = Array.from({ length: 52 }, () => {
        const b = 0.5 * z();
        return Array.from({ length: 8 }, () => Math.exp(2 + b + z()));
      });
      return weekEffect(weeks).sd;
    });
    // 52 weeks: the estimate's sd about 0.07; each within 0.2, their mean within 0.1
    for (const sd of fitted) expect(Math.abs(sd - 0.5)).toBeLessThan(0.2);
    expect(Math.abs(fitted.reduce((a, b) => a + b, 0) / 4 - 0.5)).toBeLessThan(0.1);
  });
});
