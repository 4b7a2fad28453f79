import { describe, expect, it } from 'vitest';
import { type ForecastInput, forecastInputSchema, runMeanPath } from '../../shared';
import { meanSeriesRange, mergeMeanSeries } from '../../web/workers/mean-range';
import { type Finished, SplitMeans, teamRanges } from '../../web/workers/split-means';
import { seedStoryInput } from '../bench/seed-story-input';

/**
 * Seven teams under the seed story's events: five of their own sizes and change rates, and two
 * twins of team 0 (teams 3 and 6), so that a split puts a twin in another range than its first.
 */
const input = forecastInputSchema.parse({
  org: {
    teams: [
      { id: 't0', name: 'T0', headcount: { junior: 3, mid: 4, senior: 2 } },
      { id: 't1', name: 'T1', headcount: { junior: 1, mid: 6, senior: 3 }, changesPerWeek: { mid: 3.5 } },
      { id: 't2', name: 'T2', headcount: { mid: 2, senior: 1 } },
      { id: 't3', name: 'T3', headcount: { junior: 3, mid: 4, senior: 2 } },
      { id: 't4', name: 'T4', headcount: { junior: 5, mid: 5, senior: 4 }, changesPerWeek: { junior: 1.2 } },
      { id: 't5', name: 'T5', headcount: { junior: 2, senior: 2 } },
      { id: 't6', name: 'T6', headcount: { junior: 3, mid: 4, senior: 2 } },
    ],
  },
  scenario: seedStoryInput(1, { senior: 1 }, 40, 0).scenario,
  options: { startWeek: '2026-01-05', horizonWeeks: 40, runs: 0, seed: 42 },
});

/** The forecast of `of` from its teams split at `cuts` (team indexes where a range starts). */
const splitAt = (cuts: number[], of: ForecastInput = input) => {
  const starts = [0, ...cuts];
  const ends = [...cuts, of.org.teams.length];
  return mergeMeanSeries(
    of,
    starts.map((teamStart, i) => meanSeriesRange(of, { teamStart, teamCount: ends[i]! - teamStart })),
  );
};

describe('the mean path split by team ranges', () => {
  it('gives the JSON of runMeanPath however the teams are split, twins in other ranges included', () => {
    const whole = JSON.stringify(runMeanPath(input));
    for (const cuts of [[], [4], [2, 5], [1, 2, 3, 4, 5, 6]])
      expect(JSON.stringify(splitAt(cuts))).toBe(whole);
  });

  it('gives the JSON of runMeanPath for more than 256 teams, whose org sums the engine adds chunk by chunk', () => {
    const teams = Array.from({ length: 300 }, (_, i) => ({
      id: `t${i}`,
      name: `T${i}`,
      headcount: { junior: 1 + (i % 3), mid: 2, senior: 1 + (i % 2) },
      changesPerWeek: { mid: 2 + (i % 5) / 10 },
    }));
    const large = forecastInputSchema.parse({
      ...input,
      org: { teams },
      options: { ...input.options, horizonWeeks: 8 },
    });
    expect(JSON.stringify(splitAt([100, 257], large))).toBe(JSON.stringify(runMeanPath(large)));
  });

  it('refuses ranges that miss a team', () => {
    const part = meanSeriesRange(input, { teamStart: 0, teamCount: 6 });
    expect(() => mergeMeanSeries(input, [part])).toThrow(/6 team series for 7 teams/);
  });
});

describe("the lead worker's split mean paths", () => {
  /** Starts a split of `input` over the lead and two helpers; `helpers` answers (or not) at once. */
  const split = (helpers: (means: SplitMeans) => void) =>
    new Promise<Finished>((resolve) => {
      const means = new SplitMeans((finished) => {
        means.close();
        resolve(finished);
      });
      means.start(1, input, teamRanges(7, 3), 0, { received: 0, parsed: 0 });
      helpers(means);
    });

  it('splits 7 teams over 3 workers as 2, 2 and 3', () => {
    expect(teamRanges(7, 3)).toEqual([
      { teamStart: 0, teamCount: 2 },
      { teamStart: 2, teamCount: 2 },
      { teamStart: 4, teamCount: 3 },
    ]);
    expect(teamRanges(2, 4)).toEqual([
      { teamStart: 0, teamCount: 1 },
      { teamStart: 1, teamCount: 1 },
    ]);
  });

  it("computes the helpers' teams itself when they do not answer, and gives runMeanPath's forecast", async () => {
    const finished = await split(() => {});
    if ('failed' in finished) throw new Error(finished.failed);
    expect(JSON.stringify(finished.forecast)).toBe(JSON.stringify(runMeanPath(input)));
    expect(finished.stages.helperMs).toEqual([]);
  });

  it("takes the helpers' ranges when they come first, and gives the same forecast", async () => {
    const finished = await split((means) => {
      for (const range of teamRanges(7, 3).slice(1))
        means.answer({
          type: 'mean-series',
          job: 1,
          teamStart: range.teamStart,
          series: meanSeriesRange(input, range),
          ms: 5,
        });
    });
    if ('failed' in finished) throw new Error(finished.failed);
    expect(JSON.stringify(finished.forecast)).toBe(JSON.stringify(runMeanPath(input)));
    expect(finished.stages.helperMs).toEqual([5, 5]);
  });
});
