import { describe, expect, it } from 'vitest';
import {
  defaultLevels,
  defaultParameters,
  forecastInputSchema,
  formatIssues,
  parametersSchema,
  scenarioEventSchema,
} from '../../shared/index';
import { inputWith } from './fixtures';

const issuesOf = (input: unknown) => {
  const result = forecastInputSchema.safeParse(input);
  if (result.success) throw new Error('expected the input to be rejected');
  return formatIssues(result.error);
};

describe('forecast input validation', () => {
  it('names the field path and the rule for an out-of-range percent', () => {
    const input = inputWith([
      { type: 'hire', date: '2026-02-02', teamId: 'team-0', level: 'senior', count: 1 },
      { type: 'ai-adoption', date: '2026-02-02', targetPercent: 80 },
      { type: 'layoff', date: '2026-02-02', percent: 120 },
    ]);
    expect(issuesOf(input)).toContainEqual({
      path: 'scenario.events[2].percent',
      message: 'must be between 0 and 100',
    });
  });

  it('rejects unknown fields, bad dates and unknown event types', () => {
    const input = {
      ...inputWith([{ type: 'party', date: '2026-02-02' } as never]),
      options: { startWeek: '2026-02-30', extra: true },
    };
    const paths = issuesOf(input).map((issue) => issue.path);
    expect(paths).toEqual(
      expect.arrayContaining(['options.extra', 'options.startWeek', 'scenario.events[0].type']),
    );
  });

  it('rejects events naming teams or levels the org lacks', () => {
    const input = inputWith([
      { type: 'hire', date: '2026-02-02', teamId: 'ghost', level: 'wizard', count: 1 },
    ]);
    expect(issuesOf(input)).toEqual([
      { path: 'scenario.events[0].teamId', message: 'unknown team "ghost"' },
      { path: 'scenario.events[0].level', message: 'unknown level "wizard"' },
    ]);
  });

  it('requires exactly one of percent or count on a layoff', () => {
    const result = scenarioEventSchema.safeParse({
      type: 'layoff',
      date: '2026-02-02',
      percent: 5,
      count: 2,
    });
    expect(result.success).toBe(false);
    if (!result.success) expect(formatIssues(result.error)[0]?.path).toBe('percent');
  });

  it('rejects duplicate team ids and a horizon beyond 260 weeks', () => {
    const input = inputWith([], { horizonWeeks: 261 }, [
      { id: 'a', name: 'A', headcount: {} },
      { id: 'a', name: 'B', headcount: {} },
    ]);
    expect(issuesOf(input)).toEqual(
      expect.arrayContaining([
        { path: 'org.teams[1].id', message: 'duplicate team id "a"' },
        { path: 'options.horizonWeeks', message: 'must be between 1 and 260' },
      ]),
    );
  });

  it('fills documented defaults: the ladder, parameters and run options', () => {
    const parsed = forecastInputSchema.parse(inputWith([]));
    expect(parsed.org.levels).toEqual(defaultLevels);
    expect(parsed.org.levels.filter((l) => l.canSignOff).map((l) => l.id)).toEqual(['senior', 'principal']);
    expect(parsed.parameters).toEqual(defaultParameters);
    expect(parsed.options).toMatchObject({ horizonWeeks: 52, runs: 0, seed: 1 });
    expect(defaultParameters.burnoutHazardMultiplier).toBeGreaterThanOrEqual(2);
    expect(defaultParameters.burnoutHazardMultiplier).toBeLessThanOrEqual(2.6);
  });

  it('rejects an uncertainty range that does not contain the value', () => {
    const result = parametersSchema.safeParse({ uncertainty: { fatigueGain: [1.2, 2] } });
    expect(result.success).toBe(false);
  });
});
