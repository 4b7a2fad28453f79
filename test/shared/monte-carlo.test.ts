import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bandOf,
  forecastInputSchema,
  mergeRunSamples,
  metricKeys,
  runForecast,
  runSampleRange,
} from '../../shared/index';
import { inputArb } from './arbitraries';
import { allValues, inputWith, storyEvents } from './fixtures';

describe('Monte Carlo', () => {
  it('gives identical output for the same input and seed', () => {
    fc.assert(
      fc.property(inputArb(fc.integer({ min: 1, max: 8 })), (input) => {
        expect(runForecast(input)).toEqual(runForecast(input));
      }),
      { numRuns: 25 },
    );
  });

  it('never outputs negative, NaN or infinite values for any valid input', () => {
    fc.assert(
      fc.property(inputArb(fc.integer({ min: 1, max: 8 })), (input) => {
        expect(allValues(runForecast(input)).find((v) => !(Number.isFinite(v) && v >= 0))).toBeUndefined();
      }),
      { numRuns: 25 },
    );
  });

  it('orders the bands p10 <= p50 <= p90', () => {
    const forecast = runForecast(inputWith(storyEvents, { runs: 60, horizonWeeks: 20 }));
    const { p10, p50, p90 } = forecast.org.metrics.backlog;
    p50.forEach((mid, w) => {
      expect(p10[w]!).toBeLessThanOrEqual(mid);
      expect(mid).toBeLessThanOrEqual(p90[w]!);
    });
    expect(p90.some((v, w) => v > p10[w]!)).toBe(true);
  });

  it('reports burnout risk but not fatigue (burnout risk is exactly 100 x fatigue), whose band is still read from it', () => {
    const runs = 40;
    const weeks = 12;
    const input = forecastInputSchema.parse(inputWith(storyEvents, { runs, horizonWeeks: weeks }));
    const forecast = runForecast(input);
    expect(Object.keys(forecast.org.metrics)).not.toContain('fatigue');
    expect(Object.keys(forecast.teams[0]!.metrics)).not.toContain('fatigue');
    const samples = runSampleRange(input, { runStart: 0, runCount: runs }).teams[0]!;
    const fatigue = metricKeys.indexOf('fatigue');
    const band = bandOf(forecast.teams[0]!.metrics, 'fatigue');
    for (let w = 0; w < weeks; w++) {
      const at = (fatigue * weeks + w) * runs;
      const sorted = [...samples.subarray(at, at + runs)].sort((a, b) => a - b);
      // Nearest rank: round(q x 39) is 4, 20 (19.5 rounds up) and 35.
      expect(band.p10[w]).toBeCloseTo(sorted[4]!, 6);
      expect(band.p50[w]).toBeCloseTo(sorted[20]!, 6);
      expect(band.p90[w]).toBeCloseTo(sorted[35]!, 6);
    }
    expect(Math.max(...band.p90)).toBeGreaterThan(0);
  });

  it('changes with the seed', () => {
    const a = runForecast(inputWith(storyEvents, { runs: 30, seed: 1, horizonWeeks: 10 }));
    const b = runForecast(inputWith(storyEvents, { runs: 30, seed: 2, horizonWeeks: 10 }));
    expect(a.org.metrics.signoffDemand).not.toEqual(b.org.metrics.signoffDemand);
  });

  it('gives the same forecast whether runs are split across workers or not', () => {
    const input = forecastInputSchema.parse(inputWith(storyEvents, { runs: 50, horizonWeeks: 16 }));
    const whole = runForecast(input);
    const parts = [
      runSampleRange(input, { runStart: 30, runCount: 20 }),
      runSampleRange(input, { runStart: 0, runCount: 13 }),
      runSampleRange(input, { runStart: 13, runCount: 17 }),
    ];
    expect(mergeRunSamples(input, parts)).toEqual(whole);
  });

  it('rejects run ranges that leave a gap', () => {
    const input = forecastInputSchema.parse(inputWith([], { runs: 10, horizonWeeks: 2 }));
    const parts = [
      runSampleRange(input, { runStart: 0, runCount: 4 }),
      runSampleRange(input, { runStart: 5, runCount: 5 }),
    ];
    expect(() => mergeRunSamples(input, parts)).toThrow(/expected run 4/);
  });

  it('rejects a run range beyond options.runs by name', () => {
    const input = forecastInputSchema.parse(inputWith([], { runs: 10, horizonWeeks: 2 }));
    expect(() => runSampleRange(input, { runStart: 8, runCount: 5 })).toThrow(
      /runSampleRange: runs 8..12 exceed/,
    );
    expect(() => runSampleRange(input, { runStart: -1, runCount: 2 })).toThrow(RangeError);
  });

  it('reports progress per team up to the total', () => {
    const seen: [number, number][] = [];
    runForecast(inputWith([], { runs: 5, horizonWeeks: 4 }), {
      onProgress: (done, total) => seen.push([done, total]),
    });
    expect(seen).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });
});
