import { describe, expect, it } from 'vitest';
import {
  countDistribution,
  momentsAbove,
  newAbove,
  newCountDistribution,
} from '../../shared/engine/count-distribution';
import { type OvertimeEffect, type OvertimeRule, overtimeEffect } from '../../shared/engine/queue-overtime';

/**
 * The week's overtime over the queue's spread, against sums over the gamma density of the changes
 * in the system (N with the state's mean and variance) taken here by the trapezoid rule: the rule
 * o(N) = clip(slope (N - n) + offset, 0, cap) when N > n, clip(offset, 0, cap) otherwise.
 */
const byDensity = (mean: number, variance: number, n: number, rule: OvertimeRule) => {
  const shape = (mean * mean) / variance;
  const scale = variance / mean;
  const top = mean + 40 * Math.sqrt(variance);
  const steps = 200_000;
  const h = top / steps;
  const clip = (x: number) => Math.min(rule.cap, Math.max(0, x));
  const sums = { mass: 0, o: 0, oAbove: 0, above: 0, waiting: 0, busy: 0, busyN: 0 };
  for (let i = 1; i <= steps; i++) {
    const x = i * h;
    const w = Math.exp((shape - 1) * Math.log(x) - x / scale) * (i === steps ? 0.5 : 1);
    const o = clip(x > n ? rule.slope * (x - n) + rule.offset : rule.offset);
    sums.mass += w;
    sums.o += w * o;
    if (x > n) {
      sums.oAbove += w * o;
      sums.above += w;
      sums.waiting += w * (x - n);
    }
    sums.busy += (w * o * Math.min(x, n)) / n;
    sums.busyN += (w * x * o * Math.min(x, n)) / n;
  }
  const e = (s: number) => s / sums.mass;
  return {
    hoursPerReviewer: e(sums.o),
    busyHoursPerReviewer: sums.oAbove / sums.above,
    waiting: e(sums.waiting),
    covariance: e(sums.busyN) - mean * e(sums.busy),
  };
};

const effectOf = (mean: number, variance: number, n: number, rule: OvertimeRule): OvertimeEffect => {
  const d = newCountDistribution();
  const at = newAbove();
  countDistribution(mean, variance, d);
  momentsAbove(d, n, at);
  const out: OvertimeEffect = { hoursPerReviewer: 0, busyHoursPerReviewer: 0, waiting: 0, covariance: 0 };
  overtimeEffect(d, { mean, variance }, at, n, { ...rule }, out);
  return out;
};

describe('overtime over the queue’s spread', () => {
  it.each([
    [
      'bends past the reviewers (offset below 0) and reaches the cap',
      12,
      30,
      5,
      { slope: 0.5, offset: -1, cap: 8 },
    ],
    ['starts at the offset (above 0) when no change waits', 9, 25, 5, { slope: 0.3, offset: 1.5, cap: 8 }],
    [
      'a steep rule that reaches the cap within a few waiting changes',
      8,
      16,
      3,
      { slope: 2, offset: 0.5, cap: 4 },
    ],
    ['a rule that stays below its cap over the queue', 6, 12, 5, { slope: 0.05, offset: 0.2, cap: 10 }],
    ['a rule held at its cap (offset above it)', 9, 25, 5, { slope: 0.5, offset: 7, cap: 6 }],
  ])(
    '%s: overtime, overtime when all are busy and changes waiting within 1%, Cov(N, busy overtime) within 3% of sums over the gamma density (the engine takes its tails by Wilson-Hilferty)',
    (_, mean, variance, n, rule) => {
      const got = effectOf(mean, variance, n, rule);
      const expected = byDensity(mean, variance, n, rule);
      for (const key of ['hoursPerReviewer', 'busyHoursPerReviewer', 'waiting'] as const)
        expect(Math.abs(got[key] / expected[key] - 1), key).toBeLessThan(0.01);
      expect(Math.abs(got.covariance / expected.covariance - 1)).toBeLessThan(0.03);
    },
  );

  it('gives the cap over the whole queue when the offset is above it: 6 h, and 6 h when all are busy', () => {
    const got = effectOf(9, 25, 5, { slope: 0.5, offset: 7, cap: 6 });
    expect([got.hoursPerReviewer, got.busyHoursPerReviewer]).toEqual([6, 6]);
  });

  it('gives an empty queue the rule’s level when no change waits: 1.5 h, and the same 1.5 h when all are busy', () => {
    const got = effectOf(0, 0, 5, { slope: 0.3, offset: 1.5, cap: 8 });
    expect([got.hoursPerReviewer, got.busyHoursPerReviewer, got.waiting]).toEqual([1.5, 1.5, 0]);
  });

  it('gives no overtime without a cap, whatever the queue', () => {
    const got = effectOf(12, 30, 5, { slope: 0.5, offset: 2, cap: 0 });
    expect([got.hoursPerReviewer, got.busyHoursPerReviewer, got.covariance]).toEqual([0, 0, 0]);
    expect(
      Math.abs(got.waiting / byDensity(12, 30, 5, { slope: 0, offset: 0, cap: 0 }).waiting - 1),
    ).toBeLessThan(0.01);
  });
});
