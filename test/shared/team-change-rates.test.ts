import { describe, expect, it } from 'vitest';
import { teamParamDrawer, teamParameters } from '../../shared/engine/model-params';
import { PARAMETER_STREAM, streamRng } from '../../shared/engine/rng';
import {
  defaultLevels,
  describeIssues,
  type ForecastInputRaw,
  forecastInputSchema,
  mergeRunSamples,
  parameterNames,
  runForecast,
  runSampleRange,
} from '../../shared/index';

type Own = {
  changesPerWeek?: Record<string, number>;
  changesPerWeekRanges?: Record<string, [number, number]>;
};

/**
 * Two teams of 4 juniors and 2 seniors, no AI, half of the juniors' changes to sign-off, no
 * parameter ranges; team-1 gets `own` (rates or their ranges, over the default ladder: junior,
 * mid, senior, principal) and `scenarioOwn` from the scenario.
 */
const input = (own: Own | undefined, runs: number, scenarioOwn?: Own): ForecastInputRaw => ({
  org: {
    teams: [0, 1].map((i) => ({
      id: `team-${i}`,
      name: `Team ${i}`,
      headcount: { junior: 4, senior: 2 },
      ...(i === 1 ? own : {}),
    })),
  },
  parameters: { baselineAiAdoption: 0, ordinaryReviewShare: 0.5, uncertainty: {} },
  scenario: {
    name: 'rates',
    events: [],
    ...(scenarioOwn ? { teamParameters: { 'team-1': { parameters: {}, ...scenarioOwn } } } : {}),
  },
  options: { startWeek: '2026-01-05', horizonWeeks: 6, runs, seed: 3 },
});

const demand = (raw: ForecastInputRaw, team: number) =>
  runForecast(raw).teams[team]!.metrics.signoffDemand.p50;

describe("a team's own change rates per level", () => {
  it('set the sign-off demand of that team only: 4 juniors x 5 changes x 0.5 = 10 a week (the ladder gives 4 x 2.5 x 0.5 = 5)', () => {
    const raw = input({ changesPerWeek: { junior: 5 } }, 0);
    expect(demand(raw, 1)).toEqual([10, 10, 10, 10, 10, 10]);
    expect(demand(raw, 0)).toEqual([5, 5, 5, 5, 5, 5]);
  });

  it('from a scenario are laid over the team’s own, level by level', () => {
    const raw = input({ changesPerWeek: { junior: 5, senior: 1 } }, 0, { changesPerWeek: { junior: 7 } });
    const parsed = forecastInputSchema.parse(raw);
    expect(parsed.org.teams[1]!.changesPerWeek).toEqual({ junior: 7, senior: 1 });
    expect(demand(raw, 1)).toEqual([14, 14, 14, 14, 14, 14]);
  });

  it('run a team in Monte Carlo exactly as an org whose ladder has those rates, split across workers or not', () => {
    const ladder = defaultLevels.map((level) =>
      level.id === 'junior' ? { ...level, changesPerWeek: 5 } : level,
    );
    const own = forecastInputSchema.parse(input({ changesPerWeek: { junior: 5 } }, 30));
    const asLadder = runForecast({
      ...input(undefined, 30),
      org: { ...input(undefined, 30).org, levels: ladder },
    });
    expect(runForecast(own).teams[1]!.metrics).toEqual(asLadder.teams[1]!.metrics);
    const parts = [
      runSampleRange(own, { runStart: 11, runCount: 19 }),
      runSampleRange(own, { runStart: 0, runCount: 11 }),
    ];
    expect(mergeRunSamples(own, parts)).toEqual(runForecast(own));
  });

  it('name an unknown level or a rate out of range as the field at fault', () => {
    const message = (raw: ForecastInputRaw) => {
      const result = forecastInputSchema.safeParse(raw);
      return result.success ? 'accepted' : describeIssues(result.error);
    };
    expect(message(input({ changesPerWeek: { staff: 2 } }, 0))).toBe(
      'org.teams[1].changesPerWeek.staff: unknown level "staff"',
    );
    expect(message(input({ changesPerWeek: { junior: 51 } }, 0))).toContain(
      'org.teams[1].changesPerWeek.junior: must be between 0 and 50',
    );
    expect(message(input(undefined, 0, { changesPerWeek: { staff: 2 } }))).toBe(
      'scenario.teamParameters.team-1.changesPerWeek.staff: unknown level "staff"',
    );
  });
});

// medianOneTriangular(u, low, high): low + (1 - low) sqrt(2u) below u = 0.5, high - (high - 1)
// sqrt(2 - 2u) from it.
const triangular = (u: number, low: number, high: number) =>
  u < 0.5 ? low + (1 - low) * Math.sqrt(2 * u) : high - (high - 1) * Math.sqrt(2 - 2 * u);

describe("a team's change-rate ranges", () => {
  it('draw level l of the ladder from the parameter stream’s uniform after every parameter’s, one per level', () => {
    const parsed = forecastInputSchema.parse(
      input({ changesPerWeekRanges: { junior: [0.5, 2], senior: [0.8, 1.1] } }, 4),
    );
    const [plain, ranged] = teamParamDrawer(parsed, teamParameters(parsed))(2);
    const rng = streamRng(3, 2, PARAMETER_STREAM);
    for (const _ of parameterNames) rng.next();
    const [junior, mid, senior] = [rng.next(), rng.next(), rng.next()];
    expect(mid).toBeGreaterThan(0);
    expect(ranged!.changeRateScale![0]).toBeCloseTo(triangular(junior, 0.5, 2), 12);
    expect(ranged!.changeRateScale![1]).toBe(1);
    expect(ranged!.changeRateScale![2]).toBeCloseTo(triangular(senior, 0.8, 1.1), 12);
    expect(ranged!.changeRateScale![3]).toBe(1);
    expect(plain).not.toHaveProperty('changeRateScale');
    expect({ ...ranged, changeRateScale: undefined }).toEqual({ ...plain, changeRateScale: undefined });
  });

  it('leave the mean path as it is (each multiplier’s median is 1): 4 juniors x 2.5 x 0.5 = 5 a week', () => {
    const demand = runForecast(input({ changesPerWeekRanges: { junior: [0.5, 2] } }, 0)).teams[1]!.metrics
      .signoffDemand.p50;
    expect(demand).toEqual([5, 5, 5, 5, 5, 5]);
  });

  it('widen that team’s Monte Carlo demand band and leave the other team’s draws and bands as they were', () => {
    const fixed = runForecast(input(undefined, 200));
    const ranged = runForecast(input({ changesPerWeekRanges: { junior: [0.5, 3] } }, 200));
    expect(ranged.teams[0]).toEqual(fixed.teams[0]);
    // P90 of Poisson(5) is 8 (P(X <= 8) = 0.932); of Poisson(5 m), m triangular with median 1 on
    // [0.5, 3], 11 (P(X <= 10) = 0.868, P(X <= 11) = 0.904, integrating over m numerically)
    const meanP90 = (f: typeof fixed) => f.teams[1]!.metrics.signoffDemand.p90.reduce((a, b) => a + b) / 6;
    expect(meanP90(fixed)).toBeLessThan(9);
    expect(meanP90(ranged)).toBeGreaterThan(10);
  });

  it('give the same bands whether the runs are simulated together or split across workers', () => {
    const parsed = forecastInputSchema.parse(input({ changesPerWeekRanges: { junior: [0.5, 2] } }, 30));
    const parts = [
      runSampleRange(parsed, { runStart: 13, runCount: 17 }),
      runSampleRange(parsed, { runStart: 0, runCount: 13 }),
    ];
    expect(mergeRunSamples(parsed, parts)).toEqual(runForecast(parsed));
  });

  it('from a scenario are laid over the team’s own, level by level', () => {
    const parsed = forecastInputSchema.parse(
      input({ changesPerWeekRanges: { junior: [0.5, 2], senior: [0.9, 1.2] } }, 0, {
        changesPerWeekRanges: { junior: [0.7, 1.3] },
      }),
    );
    expect(parsed.org.teams[1]!.changesPerWeekRanges).toEqual({ junior: [0.7, 1.3], senior: [0.9, 1.2] });
  });

  it('name an unknown level or a range outside (0, 1] x [1, 10] as the field at fault', () => {
    const message = (raw: ForecastInputRaw) => {
      const result = forecastInputSchema.safeParse(raw);
      return result.success ? 'accepted' : describeIssues(result.error);
    };
    expect(message(input({ changesPerWeekRanges: { staff: [0.5, 2] } }, 0))).toBe(
      'org.teams[1].changesPerWeekRanges.staff: unknown level "staff"',
    );
    expect(message(input({ changesPerWeekRanges: { junior: [0, 2] } }, 0))).toBe(
      'org.teams[1].changesPerWeekRanges.junior: low multiplier must be above 0',
    );
    expect(message(input({ changesPerWeekRanges: { junior: [0.5, 11] } }, 0))).toContain(
      'org.teams[1].changesPerWeekRanges.junior[1]',
    );
    expect(message(input(undefined, 0, { changesPerWeekRanges: { staff: [0.5, 2] } }))).toBe(
      'scenario.teamParameters.team-1.changesPerWeekRanges.staff: unknown level "staff"',
    );
  });
});
