import { describe, expect, it } from 'vitest';
import {
  type ForecastInputRaw,
  layoffHeadroom,
  reviewersNeeded,
  runForecast,
  type ScenarioEventInput,
} from '../../shared/index';

/**
 * The derived answers on a team small enough to work by hand: developers who author 4 human
 * changes a week (no AI, ordinaryReviewShare 1: every one goes to sign-off at 1 h) and leads who
 * author none and review 10 h a week less 20% shrinkage, 8 regular hours each. No incidents and
 * no burnout attrition, so demand and reviewers move only with the scenario.
 */
const team =
  (headcount: Record<string, number>, events: ScenarioEventInput[] = []) =>
  (thresholds: Record<string, number> = {}, parameters: Record<string, number> = {}): ForecastInputRaw => ({
    org: {
      levels: [
        { id: 'dev', canSignOff: false, changesPerWeek: 4 },
        { id: 'lead', canSignOff: true, changesPerWeek: 0 },
      ],
      teams: [{ id: 'team-a', name: 'Team A', headcount }],
    },
    parameters: {
      baselineAiAdoption: 0,
      ordinaryReviewShare: 1,
      humanReviewHours: 1,
      reviewHoursPerReviewer: 10,
      shrinkage: 0.2,
      sev2PerThousandChanges: 0,
      burnoutHazardMultiplier: 1,
      ...parameters,
    },
    scenario: { name: 'by hand', events },
    options: { startWeek: '2026-01-05', horizonWeeks: 6, thresholds },
  });

/** 2 devs (8 changes, 8 h a week) and 2 leads (16 regular hours); one more dev, productive at once, from week 2. */
const growing = team({ dev: 2, lead: 2 }, [
  { type: 'hire', date: '2026-01-19', teamId: 'team-a', level: 'dev', count: 1, rampWeeks: 0 },
]);

describe('reviewersNeeded on a team worked by hand', () => {
  it('reads the peak week of sign-off hours: the first week of the hire, 12 h where the weeks before had 8', () => {
    const [answer] = reviewersNeeded(growing());
    expect(answer).toMatchObject({
      teamId: 'team-a',
      peakWeek: 2,
      peakDate: '2026-01-19',
      reviewersPresent: 2,
    });
  });

  // At the peak: traffic A = 12 h / 8 h = 1.5 Erlangs, each review holds a reviewer
  // (12 h / 12 changes) x 40 / 8 = 5 working hours. Erlang C with 2 reviewers: B = 1.125 / 3.625,
  // C = 0.643; service level 1 - C e^{-(2 - 1.5) t / 5}: 0.870 at t = 16 h, 0.569 at t = 4 h.
  // With 3: C = 0.237, 0.929 at t = 4 h. Occupancy 1.5 / 2 = 0.75, 1.5 / 3 = 0.5.
  it.each([
    ['service level met by 2 within 16 h, occupancy 0.75 within 0.85', { targetWaitHours: 16 }, 2, 0],
    ['service level within 4 h needs a third reviewer (0.569 with 2)', { targetWaitHours: 4 }, 3, 1],
    [
      'occupancy at most 0.7 needs a third reviewer (0.75 with 2)',
      { targetWaitHours: 16, utilization: 0.7 },
      3,
      1,
    ],
    ['occupancy above 1 allowed still caps at 1: 2 reviewers', { targetWaitHours: 16, utilization: 5 }, 2, 0],
  ])('%s', (_, thresholds, needed, shortfall) => {
    const [answer] = reviewersNeeded(growing({ serviceLevel: 0.8, utilization: 0.85, ...thresholds }));
    expect(answer).toMatchObject({ reviewersNeeded: needed, shortfall });
  });

  it('needs no reviewers when nothing goes to sign-off (leads only)', () => {
    const [answer] = reviewersNeeded(team({ lead: 2 })());
    expect(answer).toMatchObject({ peakWeek: 0, reviewersPresent: 2, reviewersNeeded: 0, shortfall: 0 });
  });

  it('answers 0 rather than failing when reviewers have no regular review hours (shrinkage 1)', () => {
    const [answer] = reviewersNeeded(growing({}, { shrinkage: 1 }));
    expect(answer).toMatchObject({ reviewersNeeded: 0, shortfall: 0 });
  });
});

describe('layoffHeadroom on a team worked by hand', () => {
  // Only the utilisation threshold can breach: 2 devs bring 8 h a week to 4 leads with 8 regular
  // hours each. A cut of p% of the leads leaves utilisation 8 / (32 (1 - p/100)): 0.833 at 70%,
  // 0.862 at 71%, so 70% is the largest cut within 0.85. Cutting the devs as well would keep it at 0.25.
  const loose = {
    serviceLevel: 0,
    p90WaitHours: 10_000,
    backlogWeeks: 260,
    burnoutRisk: 100,
    utilization: 0.85,
  };

  it('cuts only the sign-off levels: 70% of the leads keeps utilisation within 0.85, 71% does not', () => {
    expect(layoffHeadroom(team({ dev: 2, lead: 4 })(loose))).toEqual([
      { teamId: 'team-a', maxLayoffPercent: 70 },
    ]);
    const utilization = (percent: number) =>
      runForecast(
        team({ dev: 2, lead: 4 }, [{ type: 'layoff', date: '2026-01-05', level: 'lead', percent }])(loose),
      ).teams[0]!.metrics.utilization.p50[0]!;
    expect(utilization(70)).toBeCloseTo(8 / 9.6, 9);
    expect(utilization(71)).toBeCloseTo(8 / 9.28, 9);
  });
});

describe('a forecast names how it was made', () => {
  it('by an engine version of the form major.minor.patch (forecast caches key on it)', () => {
    expect(runForecast(growing()).engineVersion).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('with the level ids in ladder order, the keys of its headcount bands', () => {
    const forecast = runForecast(growing());
    expect(forecast.levels).toEqual(['dev', 'lead']);
    expect(Object.keys(forecast.teams[0]!.metrics.headcount)).toEqual(['dev', 'lead']);
  });

  it('in mode mean for runs 0, monte-carlo otherwise', () => {
    expect(runForecast(growing()).mode).toBe('mean');
    const input = growing();
    expect(runForecast({ ...input, options: { ...input.options, runs: 3 } }).mode).toBe('monte-carlo');
  });
});
