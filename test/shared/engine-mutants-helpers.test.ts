import { describe, expect, it } from 'vitest';
import { anyBreach, firstBreaches } from '../../shared/engine/breaches';
import type { Band, MetricBands } from '../../shared/engine/forecast';
import { requireAbove, requireAtLeast, requireBetween, requireWhole } from '../../shared/engine/guards';
import { applyHeadcountOp, type HeadcountOp } from '../../shared/engine/headcount-ops';
import { uniformsPerTeamWeek } from '../../shared/engine/step-week';
import { weekDates, weekIndexOf } from '../../shared/engine/weeks';

/** The engine's small helpers, each against values worked out by hand from its doc comment. */

describe('argument guards', () => {
  it('pass values on the allowed side of the bound through and name function, parameter and bound otherwise', () => {
    expect(requireAtLeast('f', 'x', 0, 0)).toBe(0);
    expect(() => requireAtLeast('f', 'x', -0.5, 0)).toThrow(
      new RangeError('f: x must be a finite number >= 0'),
    );
    expect(requireAbove('f', 'x', 0.001, 0)).toBe(0.001);
    expect(() => requireAbove('f', 'x', 0, 0)).toThrow(new RangeError('f: x must be a finite number > 0'));
    expect([requireBetween('f', 'x', 0, 0, 1), requireBetween('f', 'x', 1, 0, 1)]).toEqual([0, 1]);
    for (const outside of [-0.1, 1.1]) {
      expect(() => requireBetween('f', 'x', outside, 0, 1)).toThrow(
        new RangeError('f: x must be a finite number between 0 and 1'),
      );
    }
    expect(requireWhole('f', 'x', 0)).toBe(0);
    for (const bad of [-1, 2.5]) {
      expect(() => requireWhole('f', 'x', bad)).toThrow(new RangeError('f: x must be a whole number >= 0'));
    }
  });

  it('refuse NaN, infinities and numbers written as strings', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, '3']) {
      expect(() => requireAtLeast('f', 'x', bad, 0)).toThrow(RangeError);
      expect(() => requireAbove('f', 'x', bad, 0)).toThrow(RangeError);
      expect(() => requireBetween('f', 'x', bad, 0, 10)).toThrow(RangeError);
    }
    expect(() => requireBetween('f', 'x', Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY, 0)).toThrow(
      RangeError,
    );
    expect(() => requireWhole('f', 'x', '2')).toThrow(RangeError);
    expect(() => requireWhole('f', 'x', Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('headcount operations on levels [10, 6, 4]', () => {
  const apply = (op: Partial<HeadcountOp> & Pick<HeadcountOp, 'kind' | 'amount'>, whole = false) => {
    const h = new Float64Array([10, 6, 4]);
    applyHeadcountOp(h, { week: 0, level: -1, toLevel: 0, ...op }, whole);
    return [...h];
  };

  it.each([
    ['hire 2 at level 1', { kind: 'hire', level: 1, amount: 2 }, false, [10, 8, 4]],
    ['promote 3 from level 0 to 2', { kind: 'promotion', level: 0, toLevel: 2, amount: 3 }, false, [7, 6, 7]],
    [
      'promote 9 from level 2 (only 4 there)',
      { kind: 'promotion', level: 2, toLevel: 1, amount: 9 },
      false,
      [10, 10, 0],
    ],
    ['lay off 25% everywhere', { kind: 'layoff-percent', amount: 25 }, false, [7.5, 4.5, 3]],
    [
      'lay off 25% everywhere, whole people (2.5 -> 3, 1.5 -> 2)',
      { kind: 'layoff-percent', amount: 25 },
      true,
      [7, 4, 3],
    ],
    ['lay off 50% of level 1', { kind: 'layoff-percent', level: 1, amount: 50 }, true, [10, 3, 4]],
    [
      'lay off 50% of level 0 (not every level)',
      { kind: 'layoff-percent', level: 0, amount: 50 },
      true,
      [5, 6, 4],
    ],
    ['lay off 150%, never below zero', { kind: 'layoff-percent', amount: 150 }, false, [0, 0, 0]],
    [
      'lay off 5 people in proportion (a quarter of 20)',
      { kind: 'layoff-count', amount: 5 },
      false,
      [7.5, 4.5, 3],
    ],
    ['lay off 5 people in proportion, whole people', { kind: 'layoff-count', amount: 5 }, true, [7, 4, 3]],
    ['lay off 2 of level 1', { kind: 'layoff-count', level: 1, amount: 2 }, false, [10, 4, 4]],
    ['lay off 30 of 20 people', { kind: 'layoff-count', amount: 30 }, false, [0, 0, 0]],
  ] as const)('%s', (_, op, whole, expected) => {
    expect(apply(op, whole)).toEqual(expected);
  });

  it('lays off nobody from empty levels (no division by zero)', () => {
    const h = new Float64Array([0, 0]);
    applyHeadcountOp(h, { week: 0, kind: 'layoff-count', level: -1, toLevel: 0, amount: 3 }, false);
    expect([...h]).toEqual([0, 0]);
  });
});

describe('uniforms a Monte Carlo team-week draws (the floor of the engine bench)', () => {
  it('counts arrivals, the queue level and incidents, plus one binomial per level: 3 + levels', () => {
    expect([0, 1, 4].map(uniformsPerTeamWeek)).toEqual([3, 4, 7]);
  });
});

describe('forecast weeks', () => {
  it('start on the Monday of the start week and step a week at a time', () => {
    expect(weekDates('2026-05-06', 3)).toEqual(['2026-05-04', '2026-05-11', '2026-05-18']);
  });

  it('count calendar days across a clock change, a year end and a leap day', () => {
    expect(weekDates('2026-03-25', 3)).toEqual(['2026-03-23', '2026-03-30', '2026-04-06']);
    expect(weekDates('2026-10-25', 2)).toEqual(['2026-10-19', '2026-10-26']);
    expect(weekDates('2026-12-31', 2)).toEqual(['2026-12-28', '2027-01-04']);
    expect(weekDates('2028-02-24', 3)).toEqual(['2028-02-21', '2028-02-28', '2028-03-06']);
  });

  it('index a date by the week holding it, negative before the start week', () => {
    const start = '2026-05-06';
    expect(
      ['2026-05-03', '2026-05-04', '2026-05-10', '2026-05-11', '2026-04-26'].map((d) =>
        weekIndexOf(start, d),
      ),
    ).toEqual([-1, 0, 0, 1, -2]);
  });
});

describe('first breaches', () => {
  const band = (p50: number[]): Band => ({ p10: p50, p50, p90: p50 });
  const thresholds = {
    targetWaitHours: 16,
    serviceLevel: 0.8,
    p90WaitHours: 40,
    backlogWeeks: 2,
    utilization: 0.85,
    burnoutRisk: 50,
  };
  const weeks = ['2026-05-04', '2026-05-11', '2026-05-18'];
  const bands = (series: Record<string, number[]>) =>
    Object.fromEntries(
      Object.entries(series).map(([key, p50]) => [key, band(p50)]),
    ) as unknown as MetricBands;

  it('reads the first week the median crosses: service level strictly below, the others strictly above', () => {
    const breaches = firstBreaches(
      bands({
        serviceLevel: [0.8, 0.79, 0.5],
        p90WaitHours: [40, 40, 41],
        backlogWeeks: [2.5, 1, 3],
        utilization: [0.85, 0.85, 0.85],
        burnoutRisk: [0, 51, 0],
      }),
      thresholds,
      weeks,
    );
    expect(breaches).toEqual({
      serviceLevel: { week: 1, date: '2026-05-11' },
      p90WaitHours: { week: 2, date: '2026-05-18' },
      backlogWeeks: { week: 0, date: '2026-05-04' },
      utilization: null,
      burnoutRisk: { week: 1, date: '2026-05-11' },
    });
    expect(anyBreach(breaches)).toBe(true);
  });

  it('finds none when every median stays on the right side of its threshold', () => {
    const breaches = firstBreaches(
      bands({
        serviceLevel: [0.9, 0.8],
        p90WaitHours: [10, 40],
        backlogWeeks: [0, 2],
        utilization: [0.5, 0.85],
        burnoutRisk: [10, 50],
      }),
      thresholds,
      weeks,
    );
    expect(Object.values(breaches)).toEqual([null, null, null, null, null]);
    expect(anyBreach(breaches)).toBe(false);
  });
});
