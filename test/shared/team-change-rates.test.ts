import { describe, expect, it } from 'vitest';
import {
  defaultLevels,
  describeIssues,
  type ForecastInputRaw,
  forecastInputSchema,
  mergeRunSamples,
  runForecast,
  runSampleRange,
} from '../../shared/index';

/** Two teams of 4 juniors and 2 seniors, no AI, half of the juniors' changes to sign-off; team-1 gets `rates`. */
const input = (
  rates: Record<string, number> | undefined,
  runs: number,
  scenarioRates?: Record<string, number>,
): ForecastInputRaw => ({
  org: {
    teams: [0, 1].map((i) => ({
      id: `team-${i}`,
      name: `Team ${i}`,
      headcount: { junior: 4, senior: 2 },
      ...(i === 1 && rates ? { changesPerWeek: rates } : {}),
    })),
  },
  parameters: { baselineAiAdoption: 0, ordinaryReviewShare: 0.5 },
  scenario: {
    name: 'rates',
    events: [],
    ...(scenarioRates
      ? { teamParameters: { 'team-1': { parameters: {}, changesPerWeek: scenarioRates } } }
      : {}),
  },
  options: { startWeek: '2026-01-05', horizonWeeks: 6, runs, seed: 3 },
});

const demand = (raw: ForecastInputRaw, team: number) =>
  runForecast(raw).teams[team]!.metrics.signoffDemand.p50;

describe("a team's own change rates per level", () => {
  it('set the sign-off demand of that team only: 4 juniors x 5 changes x 0.5 = 10 a week (the ladder gives 4 x 2.5 x 0.5 = 5)', () => {
    const raw = input({ junior: 5 }, 0);
    expect(demand(raw, 1)).toEqual([10, 10, 10, 10, 10, 10]);
    expect(demand(raw, 0)).toEqual([5, 5, 5, 5, 5, 5]);
  });

  it('from a scenario are laid over the team’s own, level by level', () => {
    const raw = input({ junior: 5, senior: 1 }, 0, { junior: 7 });
    const parsed = forecastInputSchema.parse(raw);
    expect(parsed.org.teams[1]!.changesPerWeek).toEqual({ junior: 7, senior: 1 });
    expect(demand(raw, 1)).toEqual([14, 14, 14, 14, 14, 14]);
  });

  it('run a team in Monte Carlo exactly as an org whose ladder has those rates, split across workers or not', () => {
    const ladder = defaultLevels.map((level) =>
      level.id === 'junior' ? { ...level, changesPerWeek: 5 } : level,
    );
    const own = forecastInputSchema.parse(input({ junior: 5 }, 30));
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
    expect(message(input({ staff: 2 }, 0))).toBe('org.teams[1].changesPerWeek.staff: unknown level "staff"');
    expect(message(input({ junior: 51 }, 0))).toContain(
      'org.teams[1].changesPerWeek.junior: must be between 0 and 50',
    );
    expect(message(input(undefined, 0, { staff: 2 }))).toBe(
      'scenario.teamParameters.team-1.changesPerWeek.staff: unknown level "staff"',
    );
  });
});
