import { describe, expect, it } from 'vitest';
import {
  describeIssues,
  type Forecast,
  type ForecastInputRaw,
  forecastInputSchema,
  mergeRunSamples,
  runForecast,
  runSampleRange,
} from '../../shared/index';
import { inputWith, storyEvents, teamsOf } from './fixtures';

/** Three fixture teams; team-1 gets `parameters` as its override. */
const withTeamOverride = (parameters: object | undefined, runs: number): ForecastInputRaw => {
  const teams = teamsOf(3).map((team, i) => (i === 1 && parameters ? { ...team, parameters } : team));
  return inputWith(storyEvents, { runs, horizonWeeks: 12 }, teams);
};

const teamMetrics = (forecast: Forecast, i: number) => forecast.teams[i]!.metrics;

describe('per-team parameters', () => {
  const override = { humanReviewHours: 1.6, shrinkage: 0.2, baselineAiAdoption: 0.7 };

  it('runs a team with an override exactly as an org whose parameters are those values (mean path and Monte Carlo)', () => {
    for (const runs of [0, 40]) {
      const overridden = runForecast(withTeamOverride(override, runs));
      const asOrg = runForecast({ ...withTeamOverride(undefined, runs), parameters: override });
      expect(teamMetrics(overridden, 1)).toEqual(teamMetrics(asOrg, 1));
    }
  });

  it('changes only the team that has the override', () => {
    for (const runs of [0, 40]) {
      const plain = runForecast(withTeamOverride(undefined, runs));
      const overridden = runForecast(withTeamOverride(override, runs));
      expect(teamMetrics(overridden, 0)).toEqual(teamMetrics(plain, 0));
      expect(teamMetrics(overridden, 2)).toEqual(teamMetrics(plain, 2));
      expect(teamMetrics(overridden, 1).demandHours.p50).not.toEqual(teamMetrics(plain, 1).demandHours.p50);
    }
  });

  it('doubles the mean-path review hours of a team whose human review hours are doubled', () => {
    const plain = runForecast(withTeamOverride(undefined, 0));
    const doubled = runForecast(withTeamOverride({ humanReviewHours: 1.6 }, 0));
    const before = teamMetrics(plain, 1).demandHours.p50;
    teamMetrics(doubled, 1).demandHours.p50.forEach((hours, w) => {
      expect(hours).toBeCloseTo(2 * before[w]!, 9);
    });
  });

  it('leaves other teams alone when a team adds a range the org does not have', () => {
    const ranged = { uncertainty: { shrinkage: [0.5, 2] as [number, number] } };
    const plain = runForecast(withTeamOverride(undefined, 40));
    const overridden = runForecast(withTeamOverride(ranged, 40));
    expect(teamMetrics(overridden, 0)).toEqual(teamMetrics(plain, 0));
    expect(teamMetrics(overridden, 1).capacityHours).not.toEqual(teamMetrics(plain, 1).capacityHours);
  });

  it('gives the same bytes whether runs are split across workers or not, with overrides', () => {
    const input = forecastInputSchema.parse(
      withTeamOverride(
        { ...override, uncertainty: { shrinkage: [0.5, 2], humanReviewHours: [0.9, 1.1] } },
        30,
      ),
    );
    const parts = [
      runSampleRange(input, { runStart: 17, runCount: 13 }),
      runSampleRange(input, { runStart: 0, runCount: 17 }),
    ];
    expect(mergeRunSamples(input, parts)).toEqual(runForecast(input));
  });

  it('validates an override by the same field rules, naming the field', () => {
    const bad = [
      { shrinkage: 1.5 },
      { humanReviewHours: 0 },
      { uncertainty: { shrinkage: [0, 2] } },
      { unknownKnob: 1 },
    ];
    const messages = bad.map((parameters) => {
      const result = forecastInputSchema.safeParse(withTeamOverride(parameters, 0));
      return result.success ? 'accepted' : describeIssues(result.error);
    });
    expect(messages[0]).toContain('org.teams[1].parameters.shrinkage: must be between 0 and 1');
    expect(messages[1]).toContain('org.teams[1].parameters.humanReviewHours: must be above 0');
    expect(messages[2]).toContain(
      'org.teams[1].parameters.uncertainty.shrinkage: low multiplier must be above 0',
    );
    expect(messages[3]).toBe('org.teams[1].parameters.unknownKnob: unknown field');
  });
});
