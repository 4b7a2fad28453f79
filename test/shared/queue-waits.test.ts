import { describe, expect, it } from 'vitest';
import { newAnchor } from '../../shared/engine/queue-closure';
import { type WaitFigures, waitFigures, zeroInflatedAt } from '../../shared/engine/queue-waits';

/** The standard normal CDF by Simpson's rule over the density (independent of the engine's tail). */
const normalCdf = (z: number): number => {
  const steps = 2000;
  const from = -12;
  const h = (z - from) / steps;
  const f = (x: number) => Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI);
  let sum = f(from) + f(z);
  for (let i = 1; i < steps; i++) sum += f(from + i * h) * (i % 2 === 1 ? 4 : 2);
  return (sum * h) / 3;
};

describe('a zero-inflated draw of a wait', () => {
  it.each([-1, 0, 0.25])(
    'is 0 at normal score %f, where the share of no wait (60%) is not yet passed',
    (z) => {
      expect(zeroInflatedAt(2, 0.4, 1, z)).toBe(0);
    },
  );

  it.each([0.5, 1, 1.5, 2])(
    'at normal score %f is the exponential quantile of the waiting 40% (mean 2 / 0.4 = 5), within 3%',
    (z) => {
      // P(wait <= x) = 0.6 + 0.4 (1 - exp(-x / 5)) at the score's probability.
      const p = (normalCdf(z) - 0.6) / 0.4;
      const expected = -5 * Math.log(1 - p);
      expect(Math.abs(zeroInflatedAt(2, 0.4, 1, z) / expected - 1)).toBeLessThan(0.03);
    },
  );

  it('is 0 with nothing waiting or no wait to share out', () => {
    expect(zeroInflatedAt(2, 0, 1, 2)).toBe(0);
    expect(zeroInflatedAt(0, 0.4, 1, 2)).toBe(0);
  });
});

describe('the waits of a week', () => {
  const hours = { work: 40, target: 16 };
  const figures = (share: number, mean: number, capacity: number): WaitFigures => {
    const out: WaitFigures = { mean: Number.NaN, p90: Number.NaN, serviceLevel: Number.NaN };
    waitFigures(
      { share, first: share * (mean + 3), second: 0 },
      { mean, servers: 3, capacity },
      newAnchor(),
      hours,
      out,
    );
    return out;
  };

  it('are the 10,400-hour cap (200 weeks) with no capacity and changes in the system, none within the target', () => {
    expect(figures(0.5, 4, 0)).toEqual({ mean: 10_400, p90: 10_400, serviceLevel: 0 });
    expect(figures(0, 2, 0)).toEqual({ mean: 10_400, p90: 10_400, serviceLevel: 0 });
  });

  it('are 0 with no capacity and nothing in the system, all within the target', () => {
    expect(figures(0, 0, 0)).toEqual({ mean: 0, p90: 0, serviceLevel: 1 });
  });

  it('are 0 with capacity and nobody waiting, all within the target', () => {
    expect(figures(0, 1.5, 12)).toEqual({ mean: 0, p90: 0, serviceLevel: 1 });
  });
});
