import type { ForecastInput } from '../schemas/forecast-input';
import { assembleForecast } from './assemble';
import { sampleBands } from './bands';
import type { Forecast, MetricBands } from './forecast';
import { METRIC_COUNT } from './metrics';
import { drawParams } from './model-params';
import { accumulateOrg, finalizeOrg, ORG_SLOTS } from './org-aggregate';
import { PARAMETER_STREAM, streamRng } from './rng';
import { simulateTeam } from './simulate-team';
import { buildTimeline } from './timeline';

/** Runs simulated together before their samples are transposed. */
const BLOCK = 16;

/** A contiguous range of Monte Carlo run numbers, [runStart, runStart + runCount). */
export interface RunRange {
  runStart: number;
  runCount: number;
}

/** Reports progress: `done` of `total` teams simulated. */
export type ProgressCallback = (done: number, total: number) => void;

/**
 * Simulates the runs of `range` for every team, team by team. Run r draws its parameters from
 * stream (seed, r, PARAMETER_STREAM) and team t from stream (seed, r, t), so results do not
 * depend on how runs are split. `visit` receives each team's samples, laid out
 * `[(v * weeks + w) * runCount + r]`, in one buffer reused for the next team (copy to keep);
 * returns the org samples in the same layout.
 */
export const simulateRuns = (
  input: ForecastInput,
  range: RunRange,
  visit: (team: number, samples: Float32Array) => void,
  onProgress?: ProgressCallback,
): Float32Array => {
  const tl = buildTimeline(input);
  const { levels: L, weeks: W, teams: T } = tl;
  const { runStart, runCount: R } = range;
  const seed = input.options.seed;
  const params = Array.from({ length: R }, (_, r) =>
    drawParams(input.parameters, streamRng(seed, runStart + r, PARAMETER_STREAM)),
  );
  const vector = METRIC_COUNT + L;
  const span = vector * W;
  const slots = ORG_SLOTS + L;
  const acc = new Float64Array(R * W * slots);
  // Runs go through a small run-major scratch block (cache-resident), then transpose into the
  // series-major samples a whole cache line at a time.
  const scratch = new Float64Array(BLOCK * span);
  const samples = new Float32Array(span * R);
  for (let t = 0; t < T; t++) {
    for (let first = 0; first < R; first += BLOCK) {
      const count = Math.min(BLOCK, R - first);
      for (let b = 0; b < count; b++) {
        const r = first + b;
        const base = b * span;
        simulateTeam(tl, t, params[r]!, streamRng(seed, runStart + r, t), {
          out: scratch,
          base,
          metricStride: W,
          weekStride: 1,
        });
        accumulateOrg(acc, r * W * slots, scratch, base, W, L);
      }
      for (let s = 0; s < span; s++) {
        const row = s * R + first;
        for (let b = 0; b < count; b++) samples[row + b] = scratch[b * span + s]!;
      }
    }
    visit(t, samples);
    onProgress?.(t + 1, T);
  }
  const org = new Float32Array(vector * W * R);
  for (let r = 0; r < R; r++) {
    for (let w = 0; w < W; w++)
      finalizeOrg(acc, (r * W + w) * slots, { data: org, base: w * R + r, stride: W * R }, L);
  }
  return org;
};

/** Monte Carlo over all `options.runs` runs: P10/P50/P90 per metric, week, team and org. */
export const runMonteCarlo = (input: ForecastInput, onProgress?: ProgressCallback): Forecast => {
  const { runs, horizonWeeks: W } = input.options;
  const levelIds = input.org.levels.map((level) => level.id);
  const teamBands: MetricBands[] = [];
  const org = simulateRuns(
    input,
    { runStart: 0, runCount: runs },
    (t, samples) => {
      teamBands[t] = sampleBands(samples, W, runs, levelIds);
    },
    onProgress,
  );
  return assembleForecast(input, teamBands, sampleBands(org, W, runs, levelIds));
};
