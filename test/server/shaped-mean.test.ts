import { describe, expect, it } from 'vitest';
import { shapeMeanSlice } from '../../server/services/shaped-mean';
import { mergeShaped } from '../../server/services/shaped-merger';
import { forecastInputSchema, planSlices } from '../../shared/index';
import { inputWith, teamsOf } from '../shared/fixtures';

describe('shaped mean-path slices', () => {
  it('merge only slices that cover every team once from team 0, naming what is missing', () => {
    const input = forecastInputSchema.parse(inputWith([], { runs: 0, horizonWeeks: 2 }, teamsOf(300)));
    const [first, second] = planSlices(input, 2).map((slice) => shapeMeanSlice(input, slice));
    expect(() => mergeShaped(input, [second!])).toThrow(
      new RangeError('mergeShaped: expected a slice from team 0'),
    );
    expect(() => mergeShaped(input, [first!])).toThrow(
      new RangeError('mergeShaped: slices cover 256 of 300 teams'),
    );
    expect(() => mergeShaped(input, [first!, first!, second!])).toThrow(
      new RangeError('mergeShaped: team 0 is covered twice'),
    );
    const merged = mergeShaped(input, [second!, first!]);
    expect(merged.teamChunks).toHaveLength(2);
    expect(merged.report.map((row) => row.teamId).slice(254, 258)).toEqual([
      'team-254',
      'team-255',
      'team-256',
      'team-257',
    ]);
  });
});
