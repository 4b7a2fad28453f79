import { describe, expect, it } from 'vitest';
import { runForecast, type ScenarioEventInput, weekIndexOf } from '../../shared/index';
import { inputWith } from './fixtures';

/** Team 0's series; burnout attrition off by default, so headcount moves only by the events. */
const team0 = (events: ScenarioEventInput[], parameters: Record<string, number> = { fatigueGain: 0 }) =>
  runForecast({ ...inputWith(events, { horizonWeeks: 12 }), parameters }).teams[0]!.metrics;

describe('scenario events', () => {
  it('converts dates to week indexes relative to the start Monday', () => {
    expect(weekIndexOf('2026-01-07', '2026-01-05')).toBe(0);
    expect(weekIndexOf('2026-01-05', '2026-01-18')).toBe(1);
    expect(weekIndexOf('2026-01-05', '2025-12-31')).toBe(-1);
  });

  it('removes a layoff percentage from its week on, for the level named', () => {
    const m = team0([{ type: 'layoff', date: '2026-01-19', level: 'mid', percent: 40 }]);
    expect(m.headcount.mid!.p50.slice(0, 4)).toEqual([5, 5, 3, 3]);
    expect(m.headcount.senior!.p50[3]).toBe(3);
  });

  it('ramps a hire: headcount at once, reviewing capacity over rampWeeks', () => {
    const m = team0([
      { type: 'hire', date: '2026-01-12', teamId: 'team-0', level: 'senior', count: 2, rampWeeks: 3 },
    ]);
    expect(m.headcount.senior!.p50.slice(0, 2)).toEqual([3, 5]);
    expect(m.reviewers.p50.slice(0, 6)).toEqual([4, 4 + 2 / 4, 4 + 4 / 4, 4 + 6 / 4, 6, 6]);
  });

  it('moves promoted engineers between levels, never more than are present', () => {
    const m = team0([
      {
        type: 'promotion',
        date: '2026-01-12',
        teamId: 'team-0',
        fromLevel: 'junior',
        toLevel: 'mid',
        count: 9,
      },
    ]);
    expect(m.headcount.junior!.p50[1]).toBe(0);
    expect(m.headcount.mid!.p50[1]).toBe(8);
  });

  it('applies tool effects to review hours, cumulatively', () => {
    const base = team0([]).demandHours.p50[4]!;
    const faster = team0([
      { type: 'tool-effect', date: '2026-01-05', reviewTimePercent: -20 },
      { type: 'tool-effect', date: '2026-01-05', reviewTimePercent: -50 },
    ]).demandHours.p50[4]!;
    expect(faster).toBeCloseTo(base * 0.8 * 0.5, 9);
  });

  it('takes an attrition shock as departures in its week', () => {
    const m = team0([{ type: 'attrition-shock', date: '2026-01-19', level: 'junior', percent: 50 }]);
    expect(m.expectedAttrition.p50[2]).toBeCloseTo(1.5, 9);
    expect(m.headcount.junior!.p50[3]).toBeCloseTo(1.5, 9);
  });

  it('moves adoption linearly or along an S-curve to the target', () => {
    const demand = (shape: 'linear' | 's-curve') =>
      team0([{ type: 'ai-adoption', date: '2026-01-05', targetPercent: 100, rampWeeks: 4, shape }], {
        baselineAiAdoption: 0,
      }).signoffDemand.p50;
    const linear = demand('linear');
    const curve = demand('s-curve');
    expect(linear[3]).toBeCloseTo(curve[3]!, 9);
    expect(curve[0]!).toBeLessThan(linear[0]!);
    expect(linear[0]!).toBeLessThan(linear[1]!);
  });

  it('applies the review policy from its date', () => {
    const rule: ScenarioEventInput = {
      type: 'review-policy',
      date: '2026-01-26',
      rules: { junior: { ai: true, human: true } },
    };
    const m = team0([rule]);
    expect(m.aiSignoffDemand.p50[2]).toBe(0);
    expect(m.aiSignoffDemand.p50[3]).toBeGreaterThan(0);
    expect(m.signoffDemand.p50[3]).toBeGreaterThan(m.signoffDemand.p50[2]!);
  });
});
