import type { ForecastInput } from '../schemas/forecast-input';
import { assembleForecast } from './assemble';
import { bandList, sampleBands, toMetricBands, writeWeekBands } from './bands';
import type { Band, Forecast, MetricBands } from './forecast';
import { METRIC_COUNT } from './metrics';
import { drawTeamParams, teamParameters } from './model-params';
import { accumulateOrg, finalizeOrg, ORG_SLOTS } from './org-aggregate';
import { streamRng } from './rng';
import { stepWeek } from './step-week';
import { startTeamRuns } from './team-state';
import { buildTimeline } from './timeline';

/** A contiguous range of Monte Carlo run numbers, [runStart, runStart + runCount). */
export interface RunRange {
  runStart: number;
  runCount: number;
}

/** Reports progress: `done` of `total` teams simulated. */
export type ProgressCallback = (done: number, total: number) => void;

/**
 * Simulates the runs of `range` for every team, team by team and week by week, all runs of a
 * team-week together. Run r draws its parameters, the org's and each team's override's, from
 * stream (seed, r, PARAMETER_STREAM) ({@link drawTeamParams}) and team t from stream (seed, r, t), so results do not depend on how runs are split. `visit`
 * receives each team-week's samples, laid out `[v * runCount + r]`, in a buffer overwritten by
 * the next week (copy to keep; it may reorder them). Returns the org samples, laid out
 * `[(v * weeks + w) * runCount + r]`.
 */
export const simulateRuns = (
  input: ForecastInput,
  range: RunRange,
  visit: (team: number, week: number, samples: Float64Array) => void,
  onProgress?: ProgressCallback,
): Float32Array => {
  const tl = buildTimeline(input);
  const { levels: L, weeks: W, teams: T } = tl;
  const { runStart, runCount: R } = range;
  const seed = input.options.seed;
  const perTeam = teamParameters(input);
  const draws = Array.from({ length: R }, (_, r) => drawTeamParams(input, perTeam, runStart + r));
  const vector = METRIC_COUNT + L;
  const slots = ORG_SLOTS + L;
  const acc = new Float64Array(R * W * slots);
  const out = new Float64Array(vector * R);
  for (let t = 0; t < T; t++) {
    const rngs = Array.from({ length: R }, (_, r) => streamRng(seed, runStart + r, t));
    const state = startTeamRuns(
      tl,
      t,
      draws.map((teams) => teams[t]!),
      rngs,
    );
    for (let w = 0; w < W; w++) {
      stepWeek(tl, state, w, out);
      accumulateOrg(acc, w * R * slots, slots, out, R, L);
      visit(t, w, out);
    }
    onProgress?.(t + 1, T);
  }
  const org = new Float32Array(vector * W * R);
  for (let r = 0; r < R; r++) {
    for (let w = 0; w < W; w++) {
      finalizeOrg(acc, (w * R + r) * slots, { data: org, base: w * R + r, stride: W * R }, L);
    }
  }
  return org;
};

/** Monte Carlo over all `options.runs` runs: P10/P50/P90 per metric, week, team and org. */
export const runMonteCarlo = (input: ForecastInput, onProgress?: ProgressCallback): Forecast => {
  const { runs, horizonWeeks: W } = input.options;
  const levelIds = input.org.levels.map((level) => level.id);
  const vector = METRIC_COUNT + levelIds.length;
  const lists: Band[][] = input.org.teams.map(() => bandList(vector, W));
  const org = simulateRuns(
    input,
    { runStart: 0, runCount: runs },
    (t, w, samples) => writeWeekBands(samples, runs, w, lists[t]!),
    onProgress,
  );
  const teamBands: MetricBands[] = lists.map((list) => toMetricBands(levelIds, list));
  return assembleForecast(input, teamBands, sampleBands(org, W, runs, levelIds));
};
