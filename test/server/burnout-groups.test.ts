import { describe, expect, it } from 'vitest';
import { burnoutGroups } from '../../server/services/burnout-groups';

const team = (name: string, p50: number[]) => ({ name, peak: Math.max(...p50), p50 });

describe('burnoutGroups', () => {
  it('gives per week the nearest-rank P90 (the 9th of 10) and the highest of a group of ten teams', () => {
    const teams = Array.from({ length: 10 }, (_, i) => team(`T${i + 1}`, [i + 1, 20 - (i + 1)]));
    const [group] = burnoutGroups(teams, 1, 2);
    // Week 0: values 1..10 -> P90 9, max 10. Week 1: 10..19 -> P90 18, max 19.
    expect(group).toMatchObject({ label: 'Ranks 1-10', teams: 10, p90: [9, 18], max: [10, 19] });
    // Peaks: T1 19 (week 1), T10 10: T1 ranks first.
    expect(group?.top).toEqual({ name: 'T1', peak: 19 });
  });

  it('cuts 7 teams into 3 groups of 3, 2 and 2 consecutive ranks, ties in the given order', () => {
    const teams = ['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((name, i) => team(name, [i < 2 ? 50 : 10 * i]));
    // Peaks: A 50, B 50, C 20, D 30, E 40, F 50, G 60 -> ranks G, A, B, F, E, D, C.
    const groups = burnoutGroups(teams, 3, 1);
    expect(groups.map((g) => [g.label, g.teams, g.top.name, g.max[0]])).toEqual([
      ['Ranks 1-3', 3, 'G', 60],
      ['Ranks 4-5', 2, 'F', 50],
      ['Ranks 6-7', 2, 'D', 30],
    ]);
  });

  it('gives no rows for no teams', () => {
    expect(burnoutGroups([], 50, 52)).toEqual([]);
  });
});
