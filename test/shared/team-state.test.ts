import { describe, expect, it } from 'vitest';
import { centralParams } from '../../shared/engine/model-params';
import { Rng } from '../../shared/engine/rng';
import { applyOps, startTeamRuns } from '../../shared/engine/team-state';
import { buildTimeline } from '../../shared/engine/timeline';
import { forecastInputSchema, parametersSchema, type ScenarioEventInput } from '../../shared/index';
import { teamsOf } from './fixtures';

/** Two fixture teams (3 juniors, 5 mids, 3 seniors, 1 principal), team-1 with 4 more mids; 4 weeks. */
const timeline = (events: ScenarioEventInput[] = []) => {
  const [first, second] = teamsOf(2);
  return buildTimeline(
    forecastInputSchema.parse({
      org: { teams: [first, { ...second!, headcount: { ...second!.headcount, mid: 9 } }] },
      scenario: { name: 'state', events },
      options: { startWeek: '2026-01-05', horizonWeeks: 4 },
    }),
  );
};

const params = (values: Record<string, number> = {}) => centralParams(parametersSchema.parse(values));

describe('a team’s starting state across runs', () => {
  it('copies the team’s own headcount into every run', () => {
    const state = startTeamRuns(timeline(), 1, [params(), params(), params()], null);
    expect([state.team, state.runs]).toEqual([1, 3]);
    expect([...state.headcount]).toEqual([3, 9, 3, 1, 3, 9, 3, 1, 3, 9, 3, 1]);
  });

  // Excess weekly hazard at full fatigue: weekly routine rate 1 - (1 - yearly)^(1/52), times
  // (multiplier - 1): 0.13 a year at 2.3x gives 0.0026745 x 1.3 = 0.0034769; 0.26 at 3x gives
  // 0.0057737 x 2 = 0.0115475; a multiplier below 1 adds none.
  it('sets each run’s burnout hazard from its own attrition rate and multiplier', () => {
    const state = startTeamRuns(
      timeline(),
      0,
      [
        params(),
        params({ baseAttritionPerYear: 0.26, burnoutHazardMultiplier: 3 }),
        params({ burnoutHazardMultiplier: 0.5 }),
      ],
      null,
    );
    expect(state.burnoutHazard[0]).toBeCloseTo(0.0034769, 7);
    expect(state.burnoutHazard[1]).toBeCloseTo(0.0115475, 7);
    expect(state.burnoutHazard[2]).toBe(0);
  });

  it('starts with no fatigue, incidents or queue, the queue level unknown and a one-week step', () => {
    const state = startTeamRuns(timeline(), 0, [params(), params()], null);
    for (const field of ['inSystem', 'inSystemVariance', 'fatigue', 'incidentHours'] as const) {
      expect([...state[field]]).toEqual([0, 0]);
    }
    expect([...state.level]).toEqual([Number.NaN, Number.NaN]);
    expect([...state.step]).toEqual([1, 1]);
    expect(state.nextOp).toBe(0);
  });
});

describe('headcount changes applied week by week', () => {
  const events: ScenarioEventInput[] = [
    { type: 'layoff', date: '2026-01-05', teamIds: ['team-1'], level: 'mid', percent: 30 },
    { type: 'hire', date: '2026-01-05', teamId: 'team-1', level: 'senior', count: 2, rampWeeks: 0 },
    {
      type: 'promotion',
      date: '2026-01-19',
      teamId: 'team-1',
      fromLevel: 'junior',
      toLevel: 'mid',
      count: 1,
    },
  ];

  it('applies the changes dated that week to every run, each once, in order', () => {
    const tl = timeline(events);
    const state = startTeamRuns(tl, 1, [params(), params()], null);
    const seen = (w: number) => {
      applyOps(tl, state, w);
      return [...state.headcount];
    };
    // 30% of 9 mids is 2.7 on the mean path.
    expect(seen(0)).toEqual([3, 6.3, 5, 1, 3, 6.3, 5, 1]);
    expect(seen(1)).toEqual([3, 6.3, 5, 1, 3, 6.3, 5, 1]);
    expect(seen(2)).toEqual([2, 7.3, 5, 1, 2, 7.3, 5, 1]);
    expect(seen(3)).toEqual([2, 7.3, 5, 1, 2, 7.3, 5, 1]);
    expect(state.nextOp).toBe(3);
  });

  it('keeps people whole when runs draw (Monte Carlo): 30% of 9 is 3', () => {
    const tl = timeline(events);
    const state = startTeamRuns(tl, 1, [params()], [new Rng(1)]);
    applyOps(tl, state, 0);
    expect([...state.headcount]).toEqual([3, 6, 5, 1]);
  });

  it('leaves the other team alone', () => {
    const tl = timeline(events);
    const state = startTeamRuns(tl, 0, [params()], null);
    applyOps(tl, state, 0);
    applyOps(tl, state, 2);
    expect([...state.headcount]).toEqual([3, 5, 3, 1]);
  });
});
