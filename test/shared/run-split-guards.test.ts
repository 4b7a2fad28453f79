import { describe, expect, it } from 'vitest';
import {
  type ForecastInput,
  forecastInputSchema,
  mergeRunSamples,
  planSlices,
  runSampleRange,
  runSlice,
  type Slice,
  SliceMerger,
  sliceMode,
} from '../../shared/index';
import { inputWith, teamsOf } from './fixtures';

/** `teams` fixture teams (4 levels: 17 metrics + 4 headcounts a vector), `runs` runs, `weeks` weeks. */
const parsed = (teams: number, runs: number, weeks = 2): ForecastInput =>
  forecastInputSchema.parse(inputWith([], { runs, horizonWeeks: weeks }, teamsOf(teams)));

describe('run ranges of a Monte Carlo forecast', () => {
  const input = parsed(1, 10);
  const refused = 'runSampleRange: runStart must be a whole number >= 0 and runCount one >= 1';

  it.each([
    ['a fractional start', { runStart: 1.5, runCount: 2 }],
    ['a negative start', { runStart: -1, runCount: 2 }],
    ['no runs', { runStart: 0, runCount: 0 }],
    ['a fractional count', { runStart: 0, runCount: 2.5 }],
  ])('refuse %s by name', (_, range) => {
    expect(() => runSampleRange(input, range)).toThrow(new RangeError(refused));
  });

  it('take one run, and the last runs up to options.runs, but not one more', () => {
    expect(runSampleRange(input, { runStart: 0, runCount: 1 }).teams[0]).toHaveLength(21 * 2 * 1);
    expect(runSampleRange(input, { runStart: 7, runCount: 3 }).org).toHaveLength(21 * 2 * 3);
    expect(() => runSampleRange(input, { runStart: 8, runCount: 3 })).toThrow(
      new RangeError('runSampleRange: runs 8..10 exceed options.runs (10)'),
    );
  });

  it('merge only parts that cover every run once, naming the first run missed', () => {
    const part = (runStart: number, runCount: number) => runSampleRange(input, { runStart, runCount });
    expect(() => mergeRunSamples(input, [])).toThrow(
      new RangeError('mergeRunSamples: parts cover 0 runs, options.runs is 10'),
    );
    expect(() => mergeRunSamples(input, [part(0, 5)])).toThrow(
      new RangeError('mergeRunSamples: parts cover 5 runs, options.runs is 10'),
    );
    expect(() => mergeRunSamples(input, [part(0, 5), part(3, 7)])).toThrow(
      new RangeError('mergeRunSamples: runs must be contiguous from 0; expected run 5'),
    );
    expect(mergeRunSamples(input, [part(5, 5), part(0, 5)]).runs).toBe(10);
    // A mean-path input (0 runs) has no parts to merge either.
    expect(() => mergeRunSamples(parsed(1, 0), [])).toThrow(
      new RangeError('mergeRunSamples: parts cover 0 runs, options.runs is 0'),
    );
  });
});

describe('slice plans', () => {
  it('split along runs while the raw samples fit the budget: (teams + 1) x 21 x weeks x runs x 4 bytes', () => {
    // 2 x 21 x 2 x 10 x 4 = 3,360 bytes.
    const input = parsed(1, 10);
    expect(sliceMode(input, 3360)).toBe('runs');
    expect(sliceMode(input, 3359)).toBe('teams');
  });

  it.each([
    [3, [0, 3, 3, 3, 6, 4]],
    [2.9, [0, 5, 5, 5]],
    [0, [0, 10]],
    [40, Array.from({ length: 10 }, (_, i) => [i, 1]).flat()],
  ])('give %s pieces of 10 runs as near-equal whole run ranges over all teams', (pieces, starts) => {
    const slices = planSlices(parsed(3, 10), pieces);
    expect(slices.flatMap((s) => [s.runStart, s.runCount])).toEqual(starts);
    expect(slices.every((s) => s.kind === 'runs' && s.teamStart === 0 && s.teamCount === 3)).toBe(true);
  });

  it('split along teams in chunks of 256 over all runs, whatever the pieces', () => {
    expect(planSlices(parsed(257, 4, 1), 9, 0)).toEqual([
      { kind: 'teams', teamStart: 0, teamCount: 256, runStart: 0, runCount: 4 },
      { kind: 'teams', teamStart: 256, teamCount: 1, runStart: 0, runCount: 4 },
    ]);
  });
});

describe('team slices', () => {
  const input = parsed(258, 2, 1);
  const [first, second] = planSlices(input, 1, 0) as [Slice, Slice];

  it.each([
    ['does not start at a chunk boundary', { ...second, teamStart: 257 }],
    ['leaves out a run', { ...second, runCount: 1 }],
    ['starts after run 0', { ...second, runStart: 1, runCount: 1 }],
    ['starts after run 0, as many runs long as the input', { ...second, runStart: 1 }],
  ])('are refused when one %s', (_, slice) => {
    expect(() => runSlice(input, slice)).toThrow(
      new RangeError('runSlice: a team slice covers all runs and starts at a chunk boundary'),
    );
  });

  it('report progress as teams done of the slice’s own teams', () => {
    const seen: [number, number][] = [];
    runSlice(input, second, (done, total) => seen.push([done, total]));
    expect(seen).toEqual([
      [1, 2],
      [2, 2],
    ]);
  });

  it('merge only when every team is covered once and no run part is mixed in', () => {
    const a = runSlice(input, first);
    const b = runSlice(input, second);
    const alone = (parts: Parameters<SliceMerger['add']>[0][]) => {
      const merger = new SliceMerger(input);
      for (const part of parts) merger.add(part);
      return () => merger.finish();
    };
    expect(alone([b])).toThrow(new RangeError('mergeSlices: parts cover teams 0..-1 of 258'));
    expect(alone([a])).toThrow(new RangeError('mergeSlices: parts cover teams 0..255 of 258'));
    expect(() => alone([a, a])).toThrow(new RangeError('mergeSlices: team 0 is covered twice'));
    expect(() => alone([b, b])).toThrow(new RangeError('mergeSlices: team 256 is covered twice'));
    const runs = runSlice(parsed(258, 2, 1), { ...first, kind: 'runs', teamCount: 258 });
    expect(() => alone([a, runs])).toThrow(new RangeError('mergeSlices: parts of two kinds'));
    expect(() => alone([runs, a])).toThrow(new RangeError('mergeSlices: parts of two kinds'));
    expect(alone([b, a])().teams).toHaveLength(258);
  });
});

describe('mean-path slices', () => {
  const input = parsed(300, 0, 1);
  const [first, second] = planSlices(input, 2) as [Slice, Slice];
  const refused = 'runSlice: a mean slice needs runs = 0 and starts at a chunk boundary';

  it('split an org of more than one 256-team chunk at the chunk boundary', () => {
    expect([first, second].map((s) => [s.kind, s.teamStart, s.teamCount])).toEqual([
      ['mean', 0, 256],
      ['mean', 256, 44],
    ]);
  });

  it.each([
    ['does not start at a chunk boundary', input, { ...second, teamStart: 257, teamCount: 43 }],
    ['has runs', input, { ...second, runCount: 1 }],
    ['is run on a Monte Carlo input', parsed(300, 2, 1), second],
  ])('are refused when one %s', (_, on, slice) => {
    expect(() => runSlice(on, slice)).toThrow(new RangeError(refused));
  });

  it('merge only when every team is covered once', () => {
    const merger = new SliceMerger(input);
    merger.add(runSlice(input, first));
    expect(() => merger.finish()).toThrow(new RangeError('mergeSlices: parts cover teams 0..255 of 300'));
    merger.add(runSlice(input, second));
    expect(merger.finish().teams).toHaveLength(300);
  });
});
