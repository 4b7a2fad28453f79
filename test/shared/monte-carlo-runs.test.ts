import { describe, expect, it } from 'vitest';
import { type ForecastInputRaw, forecastInputSchema, runForecast, runSampleRange } from '../../shared/index';

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

  it('counts the 4 reviewers in every run (activeReviewerShare 1) in week 0', () => {
    const { reviewers } = runForecast(team(8)).teams[0]!.metrics;
    expect([reviewers.p10[0], reviewers.p50[0], reviewers.p90[0]]).toEqual([4, 4, 4]);
  });

  it('never grows without a hire, and only the sign-off level loses people to burnout', () => {
    const { headcount } = runForecast(team(8)).teams[0]!.metrics;
    for (const band of ['p10', 'p50', 'p90'] as const) {
      expect(headcount.author![band]).toEqual([10, 10, 10]);
      for (const people of headcount.reviewer![band]) expect(people).toBeLessThanOrEqual(4);
    }
  });

  it('keeps all 10 authors in every one of 20 weeks and 200 runs (weeks past the first 8 and runs past the first 128 included)', () => {
    const input = { ...team(200), options: { ...team(200).options, horizonWeeks: 20 } };
    const { headcount } = runForecast(input).teams[0]!.metrics;
    for (const band of ['p10', 'p50', 'p90'] as const) {
      expect(headcount.author![band]).toEqual(new Array(20).fill(10));
    }
  });
});

describe('weeks of a Monte Carlo run', () => {
  it('draw their arrivals: 20 expected changes a week spread as a Poisson count, P10 near 14 and P90 near 26', () => {
    // 10 authors x 2 changes, all to sign-off: Poisson(20), standard deviation sqrt(20) = 4.47;
    // its P10 and P90 are 14 and 26 (cumulative 0.105 at 14, 0.922 at 26), over 200 runs.
    const demand = runForecast(team(200)).teams[0]!.metrics.signoffDemand;
    expect(demand.p10[0]).toBeGreaterThanOrEqual(13);
    expect(demand.p10[0]).toBeLessThanOrEqual(16);
    expect(demand.p50[0]).toBeGreaterThanOrEqual(19);
    expect(demand.p50[0]).toBeLessThanOrEqual(21);
    expect(demand.p90[0]).toBeGreaterThanOrEqual(24);
    expect(demand.p90[0]).toBeLessThanOrEqual(27);
  });
});

describe('AI-assisted sign-off demand', () => {
  it('is the marked AI-assisted share of each run’s drawn sign-off changes: 7.35 of 24.7 at adoption 0.5', () => {
    // 20 author changes a week: AI-assisted 20 x 0.5 x 1.47 x 0.5 = 7.35 (all marked), human
    // 20 x (1 - 0.5 + 0.5 x 1.47 x 0.5) = 17.35 (all sent: ordinaryReviewShare 1); each run's
    // drawn arrivals carry that share, so every band of it is 7.35 / 24.7 of sign-off demand's.
    const input = team(8);
    const { metrics } = runForecast({
      ...input,
      parameters: { ...input.parameters, baselineAiAdoption: 0.5, aiAssistedShare: 0.5 },
      scenario: {
        name: 'marked',
        events: [
          { type: 'review-policy', date: '2026-01-05', rules: { author: { ai: true, human: false } } },
        ],
      },
    }).teams[0]!;
    for (const band of ['p10', 'p50', 'p90'] as const) {
      expect(metrics.aiSignoffDemand[band][0]! / metrics.signoffDemand[band][0]!).toBeCloseTo(7.35 / 24.7, 5);
    }
  });

  it('is 0, not NaN, for a team without sign-off demand', () => {
    const input = team(0);
    const { metrics } = runForecast({
      ...input,
      org: { ...input.org, teams: [{ id: 'team', name: 'Team', headcount: { author: 0, reviewer: 4 } }] },
    }).teams[0]!;
    expect(metrics.signoffDemand.p50).toEqual([0, 0, 0]);
    expect(metrics.aiSignoffDemand.p50).toEqual([0, 0, 0]);
  });
});

describe('a Monte Carlo run', () => {
  it('gives the same figures, every metric and headcount of every week, computed alone or beside 3 other runs', () => {
    // Samples are laid out [(v x weeks + w) x runCount + r]: 3 weeks, runs 0-3 together and each alone.
    const input = forecastInputSchema.parse(team(4));
    const together = runSampleRange(input, { runStart: 0, runCount: 4 }).teams[0]!;
    for (let r = 0; r < 4; r++) {
      const alone = runSampleRange(input, { runStart: r, runCount: 1 }).teams[0]!;
      expect(alone.length * 4).toBe(together.length);
      alone.forEach((value, i) => {
        expect(together[i * 4 + r], `value ${i} of run ${r}`).toBe(value);
      });
    }
  });

  it('gives the same figures alone as among 300 runs over 20 weeks (runs stepped in blocks through windows of weeks)', () => {
    // Runs 0-299 together cross every run block and week window the simulation steps through;
    // runs at and beside block edges of 64, 128 and 256, and the last, computed alone.
    const input = forecastInputSchema.parse({
      ...team(300),
      options: { ...team(300).options, horizonWeeks: 20 },
    });
    const together = runSampleRange(input, { runStart: 0, runCount: 300 });
    for (const r of [0, 63, 64, 127, 128, 255, 256, 299]) {
      const alone = runSampleRange(input, { runStart: r, runCount: 1 });
      expect(alone.teams[0]!.length * 300).toBe(together.teams[0]!.length);
      alone.teams[0]!.forEach((value, i) => {
        expect(together.teams[0]![i * 300 + r], `value ${i} of run ${r}`).toBe(value);
      });
      alone.org.forEach((value, i) => {
        expect(together.org[i * 300 + r], `org value ${i} of run ${r}`).toBe(value);
      });
    }
  });
});
