import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ForecastInputRaw,
  forecastInputSchema,
  type MetricBands,
  runForecast,
} from '../../shared/index';
import { inputArb, teamsArb } from './arbitraries';
import { allValues, inputWith, storyEvents } from './fixtures';

/**
 * Largest same-week rise of the series `keys` (backlog and burnout unless named) going from
 * forecast `from` to forecast `to`, over all teams, beyond 1e-4 of the value (the queue
 * closure's approximations, see queue-closure.ts).
 */
const largestRise = (
  from: MetricBands[],
  to: MetricBands[],
  keys: readonly ('backlog' | 'burnoutRisk')[] = ['backlog', 'burnoutRisk'],
): number =>
  Math.max(
    ...to.flatMap((m, t) =>
      keys.flatMap((key) => m[key].p50.map((v, w) => v - from[t]![key].p50[w]! - 1e-4 * Math.max(1, v))),
    ),
  );

const teamSeries = (input: ForecastInputRaw) => runForecast(input).teams.map((team) => team.metrics);

describe('mean path', () => {
  it('never outputs negative, NaN or infinite values for any valid input', () => {
    fc.assert(
      fc.property(inputArb(fc.constant(0)), (input) => {
        expect(allValues(runForecast(input)).find((v) => !(Number.isFinite(v) && v >= 0))).toBeUndefined();
      }),
      { numRuns: 60 },
    );
  });

  it.each([
    ['backlog', 0],
    ['burnout', 8],
  ] as const)(
    'never raises %s when a team with a reviewer gets one more senior (overtime cap %i h)',
    (series, cap) => {
      // With overtime on, one more senior can leave the backlog a little higher in a week: the
      // team works less overtime. Burnout, which overtime drives, must still not rise.
      const keys = series === 'backlog' ? (['backlog'] as const) : (['burnoutRisk'] as const);
      fc.assert(
        fc.property(teamsArb, (arbitrary) => {
          const teams = arbitrary.map((t) => ({ ...t, headcount: { ...t.headcount, principal: 1 } }));
          const run = (org: typeof teams) =>
            teamSeries({ ...inputWith(storyEvents, {}, org), parameters: { maxOvertimeHours: cap } });
          const more = teams.map((t) => ({
            ...t,
            headcount: { ...t.headcount, senior: t.headcount.senior + 1 },
          }));
          expect(largestRise(run(teams), run(more), keys)).toBeLessThanOrEqual(1e-9);
        }),
        { numRuns: 40 },
      );
    },
  );

  it('never lowers backlog or burnout when the senior layoff is deeper (short of removing every reviewer), overtime off', () => {
    fc.assert(
      fc.property(
        teamsArb,
        fc.integer({ min: 0, max: 98 }),
        fc.integer({ min: 1, max: 99 }),
        (teams, a, extra) => {
          const cut = (percent: number) =>
            teamSeries({
              ...inputWith(
                [...storyEvents, { type: 'layoff', date: '2026-02-02', level: 'senior', percent }],
                {},
                teams,
              ),
              parameters: { maxOvertimeHours: 0 },
            });
          const shallow = cut(a);
          const deep = cut(Math.min(99, a + extra));
          expect(largestRise(deep, shallow)).toBeLessThanOrEqual(1e-9);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('has no AI sign-off demand without the sign-off rule, with or without AI adoption', () => {
    const adoption = storyEvents.filter((e) => e.type !== 'review-policy');
    for (const events of [[], adoption]) {
      const forecast = runForecast(inputWith(events));
      expect(forecast.org.metrics.aiSignoffDemand.p50.every((v) => v === 0)).toBe(true);
    }
    const ruleOnly = storyEvents.filter((e) => e.type === 'review-policy');
    const noAdoption = { ...inputWith(ruleOnly), parameters: { baselineAiAdoption: 0 } };
    expect(runForecast(noAdoption).org.metrics.aiSignoffDemand.p50.every((v) => v === 0)).toBe(true);
    expect(runForecast(inputWith(ruleOnly)).org.metrics.aiSignoffDemand.p50.some((v) => v > 0)).toBe(true);
  });

  it('gives p10 = p50 = p90 and one value per week dated from the start Monday', () => {
    const input = inputWith([], { startWeek: '2026-01-07', horizonWeeks: 3 });
    const forecast = runForecast({ ...input, parameters: { fatigueGain: 0 } });
    expect(forecast.mode).toBe('mean');
    expect(forecast.weeks).toEqual(['2026-01-05', '2026-01-12', '2026-01-19']);
    const band = forecast.teams[0]!.metrics.backlog;
    expect(band.p10).toEqual(band.p50);
    expect(band.p90).toEqual(band.p50);
    expect(forecast.teams[0]!.metrics.headcount.senior!.p50).toEqual([3, 3, 3]);
  });

  it('sums team series into the org series', () => {
    const forecast = runForecast(inputWith(storyEvents));
    forecast.org.metrics.backlog.p50.forEach((v, w) => {
      const sum = forecast.teams.reduce((s, t) => s + t.metrics.backlog.p50[w]!, 0);
      expect(v).toBeCloseTo(sum, 9);
    });
  });

  it('accepts what forecastInputSchema accepts', () => {
    fc.assert(
      fc.property(inputArb(fc.constant(0)), (input) => forecastInputSchema.safeParse(input).success),
      {
        numRuns: 50,
      },
    );
  });
});
