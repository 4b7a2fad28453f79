import { beforeAll, describe, expect, it } from 'vitest';
import { shapeResult } from '../../server/services/engine-tasks';
import { ShapedMerger } from '../../server/services/shaped-merger';
import type { ShapedPart } from '../../server/services/shaped-part';
import { shapeTeamSlice } from '../../server/services/shaped-teams';
import { forecastInputSchema, planSlices, runForecast } from '../../shared/index';
import { inputWith, storyEvents, teamsOf } from '../shared/fixtures';

describe('merging shaped Monte Carlo team slices', () => {
  // 800 teams split by teams (a sample budget of 0 bytes): slices of 256, 256, 256 and 32.
  const input = forecastInputSchema.parse(inputWith(storyEvents, { runs: 4, horizonWeeks: 3 }, teamsOf(800)));
  const slices = planSlices(input, 2, 0);
  let parts: ShapedPart[] = [];
  beforeAll(() => {
    parts = slices.map((slice) => shapeTeamSlice(input, slice));
  }, 120_000);

  it('folds each part in once every team before it is in, keeping only early parts waiting, into the bytes of one thread', () => {
    expect(slices.map((slice) => [slice.teamStart, slice.teamCount])).toEqual([
      [0, 256],
      [256, 256],
      [512, 256],
      [768, 32],
    ]);
    const merger = new ShapedMerger(input);
    const waiting: number[] = [];
    for (const index of [2, 0, 3, 1]) {
      merger.add(parts[index]!);
      waiting.push(merger.waitingParts);
    }
    // Part 2 waits for 0 and 1; 0 folds at once; 3 waits too; 1 lets 1, 2 and 3 fold.
    expect(waiting).toEqual([1, 1, 2, 0]);
    const merged = merger.finish();
    expect(merged.report.map((row) => row.teamId).slice(510, 514)).toEqual([
      'team-510',
      'team-511',
      'team-512',
      'team-513',
    ]);
    expect(merged).toEqual(shapeResult(input, runForecast(input)));
  }, 120_000);

  it('names the first team no part covers, and a team covered twice', () => {
    const missing = new ShapedMerger(input);
    for (const index of [0, 2, 3]) missing.add(parts[index]!);
    expect(() => missing.finish()).toThrow(new RangeError('mergeShaped: expected a slice from team 256'));
    expect(() => missing.add(parts[2]!)).toThrow(new RangeError('mergeShaped: team 512 is covered twice'));
  });
});
