import { describe, expect, it } from 'vitest';
import { type ForecastInputRaw, runForecast, type ScenarioEventInput } from '../../shared/index';

/**
 * Sign-off demand from AI-assisted and human changes in week 0 of the mean path, worked out by
 * hand from the equations of shared/engine/step-week.ts and the cited defaults: adoption 0.5,
 * adopterChangeMultiplier 1.47, aiAssistedShare 0.5, ordinaryReviewShare 0.55,
 * humanReviewHours 0.8 (AI-assisted 0.8 x 1.91 = 1.528 h), aiDefectMultiplier 1.3,
 * sev2PerThousandChanges 1.5. Per author change: AI-assisted 0.5 x 1.47 x 0.5 = 0.3675,
 * human 1 - 0.5 + 0.5 x 1.47 x 0.5 = 0.8675. Reviewers' own changes go to peer review (not
 * sign-off) unless the policy marks them, but count towards incidents. 12 reviewers
 * (12 x 6 h x 0.87 = 62.64 h) keep every team under pressure 1, so incidents are not raised.
 */
const input = (events: ScenarioEventInput[]): ForecastInputRaw => ({
  org: {
    levels: [
      { id: 'author', canSignOff: false, changesPerWeek: 5 },
      { id: 'reviewer', canSignOff: true, changesPerWeek: 2 },
    ],
    teams: [
      { id: 'small', name: 'Small', headcount: { author: 4, reviewer: 12 } },
      { id: 'large', name: 'Large', headcount: { author: 10, reviewer: 12 } },
    ],
  },
  parameters: { baselineAiAdoption: 0.5, aiAssistedShare: 0.5, ordinaryReviewShare: 0.55, uncertainty: {} },
  scenario: { name: 'demand', events },
  options: { startWeek: '2026-01-05', horizonWeeks: 2, runs: 0, seed: 1 },
});

/** Week 0 of each team: sign-off changes, AI-assisted ones the policy sends, their hours, incidents. */
const weekZero = (events: ScenarioEventInput[]) =>
  runForecast(input(events)).teams.map(({ metrics }) => [
    metrics.signoffDemand.p50[0],
    metrics.aiSignoffDemand.p50[0],
    metrics.demandHours.p50[0],
    metrics.sev2Incidents.p50[0],
  ]);

const expectClose = (actual: (number | undefined)[][], expected: number[][]) => {
  expected.forEach((row, t) => {
    row.forEach((value, i) => {
      expect(actual[t]![i], `team ${t} value ${i}`).toBeCloseTo(value, 9);
    });
  });
};

describe('sign-off demand of AI-assisted and human changes', () => {
  it('sends ordinaryReviewShare of the authors’ changes to sign-off, AI-assisted ones at 1.91 x the hours', () => {
    expectClose(weekZero([]), [
      // 20 author changes: 7.35 AI-assisted, 17.35 human; 0.55 of them, 7.35 x 1.528 + 17.35 x 0.8 h;
      // incidents (17.35 + 20.82 + 1.3 x (7.35 + 8.82)) x 1.5 / 1000 with the reviewers' 24 changes.
      [0.55 * 24.7, 0, 0.55 * 25.1108, 0.0887865],
      // 50 author changes: 18.375 AI-assisted, 43.375 human.
      [0.55 * 61.75, 0, 0.55 * (18.375 * 1.528 + 43.375 * 0.8), 0.14932275],
    ]);
  });

  it('sends every AI-assisted author change to sign-off once the policy marks them', () => {
    const policy: ScenarioEventInput = {
      type: 'review-policy',
      date: '2026-01-05',
      rules: { author: { ai: true, human: false } },
    };
    expectClose(weekZero([policy]), [
      [7.35 + 0.55 * 17.35, 7.35, 7.35 * 1.528 + 0.55 * 17.35 * 0.8, 0.0887865],
      [18.375 + 0.55 * 43.375, 18.375, 18.375 * 1.528 + 0.55 * 43.375 * 0.8, 0.14932275],
    ]);
  });

  it('scales each team’s human and AI-assisted review hours by its own tool effects from their week', () => {
    const effect = (teamIds: string[], appliesTo: 'ai' | 'human', reviewTimePercent: number) =>
      ({ type: 'tool-effect', date: '2026-01-12', teamIds, appliesTo, reviewTimePercent }) as const;
    const metrics = runForecast(
      input([effect(['small'], 'human', -50), effect(['large'], 'human', 100), effect(['large'], 'ai', 50)]),
    ).teams.map((team) => team.metrics.demandHours.p50);
    // Week 0 as without effects; week 1: small human hours 0.4, large human 1.6 and AI-assisted 1.528 x 1.5.
    expectClose(metrics, [
      [0.55 * 25.1108, 0.55 * (7.35 * 1.528 + 17.35 * 0.4)],
      [0.55 * (18.375 * 1.528 + 43.375 * 0.8), 0.55 * (18.375 * 1.528 * 1.5 + 43.375 * 1.6)],
    ]);
  });

  it('sends every marked human change to sign-off, and the reviewers’ own changes when their level is marked, week after week', () => {
    const policy = (rules: Record<string, { ai: boolean; human: boolean }>): ScenarioEventInput => ({
      type: 'review-policy',
      date: '2026-01-05',
      rules,
    });
    /** Weeks 0 and 1 of each team: sign-off changes, AI-assisted ones the policy sends, their hours. */
    const weeks = (events: ScenarioEventInput[]) =>
      runForecast(input(events)).teams.map(({ metrics }) =>
        [0, 1].flatMap((w) => [
          metrics.signoffDemand.p50[w],
          metrics.aiSignoffDemand.p50[w],
          metrics.demandHours.p50[w],
        ]),
      );
    const twice = (row: number[]) => [...row, ...row];
    // Authors' human changes marked: all 17.35 (43.375) of them, and 0.55 of the AI-assisted ones.
    expectClose(weeks([policy({ author: { ai: false, human: true } })]), [
      twice([17.35 + 0.55 * 7.35, 0, 17.35 * 0.8 + 0.55 * 7.35 * 1.528]),
      twice([43.375 + 0.55 * 18.375, 0, 43.375 * 0.8 + 0.55 * 18.375 * 1.528]),
    ]);
    // The reviewers' level marked: their 24 changes (8.82 AI-assisted, 20.82 human) join the
    // authors' 0.55 share in both teams (week 0: the large team, now over capacity, tires after it).
    const reviewers = [8.82 + 20.82, 8.82, 8.82 * 1.528 + 20.82 * 0.8];
    const marked = weeks([policy({ reviewer: { ai: true, human: true } })]).map((row) => row.slice(0, 3));
    expectClose(marked, [
      [0.55 * 24.7 + reviewers[0]!, reviewers[1]!, 0.55 * 25.1108 + reviewers[2]!],
      [0.55 * 61.75 + reviewers[0]!, reviewers[1]!, 0.55 * (18.375 * 1.528 + 43.375 * 0.8) + reviewers[2]!],
    ]);
  });
});
