import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runForecast } from '../../shared/index';
import { queueCase } from './oracle/engine-cases';

/** The mean path's backlog of a steady team (no events) of `reviewers` at `load` with dispersion k. */
const steadyBacklog = (reviewers: number, load: number, k: number, weeks = 105): number[] =>
  runForecast(queueCase({ name: 'steady', reviewers, load, weeks, arrivalDispersion: k }).input).teams[0]!
    .metrics.backlog.p50;

describe('bursty start (settled queue of bursty weeks)', () => {
  /**
   * A team that changes nothing keeps the queue it starts with: before the start was settled,
   * 5 reviewers at 80% with k = 0.3 read 4.96 changes waiting in week 0 and 13.3 from week 40 on.
   */
  it.each([
    [5, 0.8, 0.3],
    [5, 0.9, 0.1],
    [1, 0.7, 0.3],
    [20, 0.9, 0.5],
    [30, 0.5, 2],
    [5, 0.95, 0.3],
  ])(
    'starts %i reviewers at load %f with dispersion %f at the queue it keeps: week 0 within 3% of week 104',
    (reviewers, load, k) => {
      const backlog = steadyBacklog(reviewers, load, k);
      expect(Math.abs(backlog[0]! / backlog[104]! - 1)).toBeLessThan(0.03);
    },
  );

  it('starts bursty teams with a longer queue than Poisson teams of the same load', () => {
    const poisson = steadyBacklog(5, 0.8, 0, 1)[0]!;
    const bursty = steadyBacklog(5, 0.8, 0.3, 1)[0]!;
    expect(bursty).toBeGreaterThan(2 * poisson);
  });

  it('starts an overloaded bursty team from a finite queue that grows by the excess demand', () => {
    // 3 reviewers x 5.22 h / 0.8 h = 19.575 changes a week; at 130% the queue grows 0.3 x 19.575
    // = 5.87 changes a week, 152.7 over 26 weeks, by hand.
    const backlog = steadyBacklog(3, 1.3, 0.3, 27);
    expect(Number.isFinite(backlog[0]!)).toBe(true);
    expect((backlog[26]! - backlog[0]!) / 152.7).toBeGreaterThan(0.8);
    expect((backlog[26]! - backlog[0]!) / 152.7).toBeLessThan(1.2);
  });

  it('gives a finite, non-negative start for any team size, load and dispersion (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.double({ min: 0.05, max: 1.5, noNaN: true }),
        fc.double({ min: 0.01, max: 2, noNaN: true }),
        (reviewers, load, k) => {
          const week0 = steadyBacklog(reviewers, load, k, 1)[0]!;
          return Number.isFinite(week0) && week0 >= 0;
        },
      ),
      { numRuns: 60 },
    );
  });
});
