import { describe, expect, it } from 'vitest';
import {
  type ForecastInput,
  forecastInputSchema,
  mergeSlices,
  planSlices,
  runForecast,
  runSlice,
  SliceMerger,
} from '../../shared/index';
import { seedStoryInput } from '../bench/seed-story-input';
import { inputWith, storyEvents, teamsOf } from './fixtures';

/** A budget of 0 bytes sends every Monte Carlo input down the team split. */
const teamSplit = 0;

describe('forecast slices', () => {
  it('splits a small forecast along runs and merges the parts into the bytes of one run', () => {
    const input = forecastInputSchema.parse(inputWith(storyEvents, { runs: 40, horizonWeeks: 12 }));
    const slices = planSlices(input, 3);
    expect(slices.map((s) => [s.kind, s.runStart, s.runCount])).toEqual([
      ['runs', 0, 13],
      ['runs', 13, 13],
      ['runs', 26, 14],
    ]);
    const parts = slices.map((slice) => runSlice(input, slice)).reverse();
    expect(JSON.stringify(mergeSlices(input, parts))).toBe(JSON.stringify(runForecast(input)));
  });

  it('splits a 1,000-run forecast along runs into the bytes of one run, where selection may miss by 2 ranks', () => {
    // Split parts keep samples as float32; the approximate selection above 400 runs picks by
    // buckets of the values, so one run must select among the same float32 values (5 teams of
    // the seed story over 12 weeks differed in a P90 before it did).
    const input = seedStoryInput(5, { junior: 3, mid: 5, senior: 3, principal: 1 }, 12, 1000);
    const slices = planSlices(input, 2);
    expect(slices.map((s) => [s.kind, s.runStart, s.runCount])).toEqual([
      ['runs', 0, 500],
      ['runs', 500, 500],
    ]);
    const parts = slices.map((slice) => runSlice(input, slice));
    expect(JSON.stringify(mergeSlices(input, parts))).toBe(JSON.stringify(runForecast(input)));
  });

  it('splits a large org into chunks of 256 teams over all runs, with the bytes of one run', () => {
    const input = forecastInputSchema.parse(
      inputWith(storyEvents, { runs: 3, horizonWeeks: 3 }, teamsOf(600)),
    );
    const slices = planSlices(input, 2, teamSplit);
    expect(slices.map((s) => [s.kind, s.teamStart, s.teamCount, s.runStart, s.runCount])).toEqual([
      ['teams', 0, 256, 0, 3],
      ['teams', 256, 256, 0, 3],
      ['teams', 512, 88, 0, 3],
    ]);
    const [first, second, third] = slices.map((slice) => runSlice(input, slice));
    const merger = new SliceMerger(input);
    for (const part of [third!, first!, second!]) merger.add(part);
    expect(JSON.stringify(merger.finish())).toBe(JSON.stringify(runForecast(input)));
  });

  it('gives the same bytes along teams as along runs for an org of one chunk', () => {
    const input = forecastInputSchema.parse(inputWith(storyEvents, { runs: 20, horizonWeeks: 8 }));
    const alongTeams = planSlices(input, 4, teamSplit).map((slice) => runSlice(input, slice));
    expect(alongTeams).toHaveLength(1);
    expect(JSON.stringify(mergeSlices(input, alongTeams))).toBe(JSON.stringify(runForecast(input)));
  });

  it('refuses parts that miss teams, cover one twice, or mix the two splits', () => {
    const input = forecastInputSchema.parse(inputWith([], { runs: 2, horizonWeeks: 2 }, teamsOf(300)));
    const [first, second] = planSlices(input, 1, teamSplit).map((slice) => runSlice(input, slice));
    expect(() => mergeSlices(input, [second!])).toThrow(/parts cover teams/);
    expect(() => mergeSlices(input, [first!, first!])).toThrow(/covered twice/);
    const alongRuns = runSlice(input, planSlices(input, 1)[0]!);
    expect(() => mergeSlices(input, [first!, alongRuns])).toThrow(/two kinds/);
  });

  it('accepts an org of 20,000 teams and refuses 20,001', () => {
    const team = { id: 't', name: 'T', headcount: { senior: 1 } };
    const teams = (n: number) => Array.from({ length: n }, (_, i) => ({ ...team, id: `t${i}` }));
    expect(forecastInputSchema.safeParse(inputWith([], { runs: 0 }, teams(20_000))).success).toBe(true);
    const refused = forecastInputSchema.safeParse(inputWith([], { runs: 0 }, teams(20_001)));
    expect(refused.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['org.teams', 'must list at most 20000 teams'],
    ]);
  });
});

/**
 * `teams` fixture teams under the story's events, `weeks` weeks, mean path; with `ownRates` each
 * team its own mid-level change rate, so no team is another's twin (as an org calibrated from
 * its history).
 */
const meanInput = (teams: number, weeks: number, ownRates = false): ForecastInput =>
  forecastInputSchema.parse(
    inputWith(
      storyEvents,
      { runs: 0, horizonWeeks: weeks },
      teamsOf(teams).map((team, i) => (ownRates ? { ...team, changesPerWeek: { mid: 4 + i / 1000 } } : team)),
    ),
  );

const json = (value: unknown) => JSON.stringify(value);

describe('mean-path slices', () => {
  it.each([
    ['40 teams stay one slice', 40, 4, [[0, 40]]],
    ['256 teams (one chunk) stay one slice', 256, 2, [[0, 256]]],
    [
      '257 teams split at the chunk boundary',
      257,
      2,
      [
        [0, 256],
        [256, 1],
      ],
    ],
    [
      '600 teams over 2 pieces',
      600,
      2,
      [
        [0, 256],
        [256, 344],
      ],
    ],
    [
      '600 teams over 8 pieces: one per chunk',
      600,
      8,
      [
        [0, 256],
        [256, 256],
        [512, 88],
      ],
    ],
    [
      '1,000 teams over 3 pieces',
      1000,
      3,
      [
        [0, 256],
        [256, 256],
        [512, 488],
      ],
    ],
    ['600 teams, 1 piece', 600, 1, [[0, 600]]],
    ['600 teams, 0 pieces', 600, 0, [[0, 600]]],
  ])('plan whole chunks of 256 teams: %s', (_, teams, pieces, expected) => {
    const slices = planSlices(meanInput(teams, 1), pieces);
    expect(slices.map((s) => [s.teamStart, s.teamCount])).toEqual(expected);
    expect(slices.every((s) => s.kind === 'mean' && s.runStart === 0 && s.runCount === 0)).toBe(true);
  });

  it('merge in any order into the bytes of the mean path on one thread', () => {
    const input = meanInput(600, 6, true);
    const whole = json(runForecast(input));
    for (const pieces of [2, 3]) {
      const parts = planSlices(input, pieces).map((slice) => runSlice(input, slice));
      expect(json(mergeSlices(input, parts.reverse()))).toBe(whole);
    }
  });

  it('sum the org chunk by chunk of 256 teams, each chunk from zero in team order, then the chunks in order', () => {
    const forecast = runForecast(meanInput(600, 4, true));
    for (let w = 0; w < 4; w++) {
      for (const pick of [
        (m: (typeof forecast.teams)[0]['metrics']) => m.backlog,
        (m: (typeof forecast.teams)[0]['metrics']) => m.demandHours,
      ]) {
        const chunkSum = (from: number, to: number) =>
          forecast.teams.slice(from, to).reduce((sum, team) => sum + pick(team.metrics).p50[w]!, 0);
        const expected = 0 + chunkSum(0, 256) + chunkSum(256, 512) + chunkSum(512, 600);
        expect(pick(forecast.org.metrics).p50[w]).toBe(expected);
      }
    }
  });

  it('refuse a slice off a chunk boundary, a missing range and a Monte Carlo part', () => {
    const input = meanInput(300, 2);
    const [first, second] = planSlices(input, 2);
    expect(() => runSlice(input, { ...second!, teamStart: 200 })).toThrow(
      new RangeError('runSlice: a mean slice needs runs = 0 and starts at a chunk boundary'),
    );
    const merger = new SliceMerger(input);
    merger.add(runSlice(input, second!));
    expect(() => merger.finish()).toThrow(new RangeError('mergeSlices: parts cover teams 0..-1 of 300'));
    const monteCarlo = forecastInputSchema.parse(inputWith([], { runs: 2, horizonWeeks: 2 }, teamsOf(300)));
    const carloPart = runSlice(monteCarlo, { ...first!, kind: 'teams', runCount: 2 });
    expect(() => new SliceMerger(input).add(carloPart)).toThrow(
      new RangeError('mergeSlices: parts of two kinds'),
    );
  });
});
