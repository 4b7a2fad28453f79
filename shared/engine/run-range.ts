import type { ForecastInput } from '../schemas/forecast-input';
import { assembleForecast } from './assemble';
import { sampleBands } from './bands';
import type { Forecast } from './forecast';
import { METRIC_COUNT } from './metrics';
import { type ProgressCallback, type RunRange, simulateRuns } from './monte-carlo';

/**
 * Raw Monte Carlo samples of a run range, for a worker pool: each team's samples and the org's,
 * laid out `[(v * weeks + w) * runCount + r]` (v: metric index of metricKeys, then headcount
 * per level). Float32; size (metrics + levels) x weeks x runCount x 4 bytes per team.
 */
export interface RunSamples extends RunRange {
  teams: Float32Array[];
  org: Float32Array;
}

/**
 * Simulates runs [runStart, runStart + runCount) of a parsed input (forecastInputSchema) and
 * returns their raw samples; merge the parts with {@link mergeRunSamples}.
 * @throws RangeError unless the range is whole numbers within 0 .. options.runs.
 */
export const runSampleRange = (
  input: ForecastInput,
  range: RunRange,
  onProgress?: ProgressCallback,
): RunSamples => {
  const { runStart, runCount } = range;
  if (!Number.isInteger(runStart) || !Number.isInteger(runCount) || runStart < 0 || runCount < 1) {
    throw new RangeError('runSampleRange: runStart must be a whole number >= 0 and runCount one >= 1');
  }
  if (runStart + runCount > input.options.runs) {
    throw new RangeError(
      `runSampleRange: runs ${runStart}..${runStart + runCount - 1} exceed options.runs (${input.options.runs})`,
    );
  }
  const weeks = input.options.horizonWeeks;
  const vector = METRIC_COUNT + input.org.levels.length;
  const teams = input.org.teams.map(() => new Float32Array(vector * weeks * runCount));
  const org = simulateRuns(
    input,
    range,
    (t, w, samples) => {
      for (let v = 0; v < vector; v++) {
        teams[t]!.set(samples.subarray(v * runCount, (v + 1) * runCount), (v * weeks + w) * runCount);
      }
    },
    onProgress,
  );
  return { ...range, teams, org };
};

/** Concatenates parts along runs, in run order, into one buffer per series. */
const concatRuns = (
  parts: readonly RunSamples[],
  pick: (part: RunSamples) => Float32Array,
  total: number,
) => {
  const first = pick(parts[0]!);
  const series = first.length / parts[0]!.runCount;
  const merged = new Float32Array(series * total);
  for (const part of parts) {
    const data = pick(part);
    for (let s = 0; s < series; s++) {
      merged.set(data.subarray(s * part.runCount, (s + 1) * part.runCount), s * total + part.runStart);
    }
  }
  return merged;
};

/**
 * Merges run ranges that together cover runs 0 .. options.runs - 1 exactly once into the same
 * {@link Forecast} that runMonteCarlo gives for the whole, bit for bit.
 * @throws RangeError when the ranges leave a gap, overlap, or miss runs.
 */
export const mergeRunSamples = (input: ForecastInput, parts: readonly RunSamples[]): Forecast => {
  const sorted = [...parts].sort((a, b) => a.runStart - b.runStart);
  const total = input.options.runs;
  let next = 0;
  for (const part of sorted) {
    if (part.runStart !== next)
      throw new RangeError(`mergeRunSamples: runs must be contiguous from 0; expected run ${next}`);
    next += part.runCount;
  }
  if (next !== total || sorted.length === 0) {
    throw new RangeError(`mergeRunSamples: parts cover ${next} runs, options.runs is ${total}`);
  }
  const { horizonWeeks: W } = input.options;
  const levelIds = input.org.levels.map((level) => level.id);
  const teamBands = input.org.teams.map((_, t) =>
    sampleBands(
      concatRuns(sorted, (part) => part.teams[t]!, total),
      W,
      total,
      levelIds,
    ),
  );
  return assembleForecast(
    input,
    teamBands,
    sampleBands(
      concatRuns(sorted, (part) => part.org, total),
      W,
      total,
      levelIds,
    ),
  );
};
