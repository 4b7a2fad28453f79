import { describe, expect, it } from 'vitest';
import { type ForecastInputRaw, runForecast } from '../../shared/index';

/** 10 authors writing 2 changes a week each, reviewed by 4 reviewers, for `runs` Monte Carlo runs. */
const team = (runs: number): ForecastInputRaw => ({
  org: {
    levels: [
      { id: 'author', canSignOff: false, changesPerWeek: 2 },
      { id: 'reviewer', canSignOff: true, changesPerWeek: 0 },
    ],
    teams: [{ id: 'team', name: 'Team', headcount: { author: 10, reviewer: 4 } }],
  },
  parameters: { baselineAiAdoption: 0, ordinaryReviewShare: 1, uncertainty: {} },
  scenario: { name: 'headcount', events: [] },
  options: { startWeek: '2026-01-05', horizonWeeks: 3, runs, seed: 3 },
});

describe('headcount by level in a Monte Carlo forecast', () => {
  it.each([2, 8])(
    'starts every one of %s runs at the team as staffed: 10 authors and 4 reviewers in week 0',
    (runs) => {
      const { headcount } = runForecast(team(runs)).teams[0]!.metrics;
      for (const band of ['p10', 'p50', 'p90'] as const) {
        expect(headcount.author![band][0]).toBe(10);
        expect(headcount.reviewer![band][0]).toBe(4);
      }
    },
  );

  it('never grows without a hire, and only the sign-off level loses people to burnout', () => {
    const { headcount } = runForecast(team(8)).teams[0]!.metrics;
    for (const band of ['p10', 'p50', 'p90'] as const) {
      expect(headcount.author![band]).toEqual([10, 10, 10]);
      for (const people of headcount.reviewer![band]) expect(people).toBeLessThanOrEqual(4);
    }
  });
});
