import type { ForecastInput } from '../schemas/forecast-input';
import { assembleForecast } from './assemble';
import { bandList, sampleBands, toMetricBands, writeWeekBands } from './bands';
import type { Band, Forecast, MetricBands } from './forecast';
import { METRIC_COUNT } from './metrics';
import { type ModelParams, teamParamDrawer, teamParameters } from './model-params';
import { accumulateOrg, finalizeOrg, ORG_SLOTS } from './org-aggregate';
import { streamRng } from './rng';
import { stepWeek } from './step-week';
import { startTeamRuns, type TeamRuns } from './team-state';
import { buildTimeline, teamTimeline } from './timeline';

/** A contiguous range of Monte Carlo run numbers, [runStart, runStart + runCount). */
export interface RunRange {
  runStart: number;
  runCount: number;
}

/** A contiguous range of teams (indexes into org.teams), [teamStart, teamStart + teamCount). */
export interface TeamRange {
  teamStart: number;
  teamCount: number;
}

/** Reports progress: `done` of `total` teams simulated. */
export type ProgressCallback = (done: number, total: number) => void;

/**
 * Teams per org-sum chunk: the org accumulators sum the teams of each chunk, then the chunks in
 * order, so a slice of whole chunks can be simulated anywhere and its sums added in later with
 * the same bits. Orgs of at most this many teams are one chunk.
 */
export const TEAM_CHUNK = 256;

/** Org accumulator slots per (week, run) for `levels` levels. */
export const orgSlots = (levels: number): number => ORG_SLOTS + levels;

/**
 * Runs stepped together through a window of weeks: a block's state (about 1 KB a run) stays in
 * cache for {@link WEEK_WINDOW} weeks instead of being reloaded every week with every other run's
 * (1,000 runs of one team are about 1 MB, past a core's L2). Runs are independent and each org
 * slot still adds its teams in order, so results do not depend on either size.
 */
const RUN_BLOCK = 128;
const WEEK_WINDOW = 8;

/**
 * Simulates the runs of `range` for the teams of `teams`, team by team; each team's runs in
 * blocks of {@link RUN_BLOCK}, each block through a window of {@link WEEK_WINDOW} weeks before the
 * next, adding each team-week into `acc` (laid out `[(w * runCount + r) * slots + s]`, see
 * {@link orgSlots}). Run r draws its parameters from stream (seed, r, PARAMETER_STREAM)
 * ({@link teamParamDrawer}) and team t from stream (seed, r, t), so results do not depend on how
 * runs or teams are split. `visit` receives each team-week's samples of all runs, laid out
 * `[v * runCount + r]`, in a buffer overwritten by a later week (copy to keep; it may reorder
 * them), the weeks of a team in order; `onTeam` hears each finished team's index.
 */
export const simulateTeams = (
  input: ForecastInput,
  range: RunRange,
  teams: TeamRange,
  acc: Float64Array,
  visit: (team: number, week: number, samples: Float64Array) => void,
  onTeam?: (team: number) => void,
): void => {
  const tl = buildTimeline(input);
  const { levels: L, weeks: W } = tl;
  const { runStart, runCount: R } = range;
  const { teamStart, teamCount } = teams;
  const seed = input.options.seed;
  const draw = teamParamDrawer(input, teamParameters(input));
  const draws = Array.from({ length: R }, (_, r) => draw(runStart + r, teamStart, teamStart + teamCount));
  const slots = orgSlots(L);
  const V = METRIC_COUNT + L;
  const blockSize = Math.min(R, RUN_BLOCK);
  const windowWeeks = Math.min(W, WEEK_WINDOW);
  const out = new Float64Array(V * blockSize);
  const window = new Float64Array(windowWeeks * V * R);
  for (let t = teamStart; t < teamStart + teamCount; t++) {
    const view = teamTimeline(tl, t);
    const blocks: TeamRuns[] = [];
    for (let first = 0; first < R; first += blockSize) {
      const runs = Math.min(blockSize, R - first);
      const rngs = Array.from({ length: runs }, (_, r) => streamRng(seed, runStart + first + r, t));
      const params: ModelParams[] = draws
        .slice(first, first + runs)
        .map((teamsOfRun) => teamsOfRun[t - teamStart]!);
      blocks.push(startTeamRuns(view, t, params, rngs));
    }
    for (let from = 0; from < W; from += windowWeeks) {
      const to = Math.min(W, from + windowWeeks);
      for (let b = 0; b < blocks.length; b++) {
        const state = blocks[b]!;
        const first = b * blockSize;
        const runs = state.runs;
        for (let w = from; w < to; w++) {
          stepWeek(view, state, w, out);
          accumulateOrg(acc, (w * R + first) * slots, slots, out, runs, L);
          const at = (w - from) * V * R + first;
          for (let v = 0; v < V; v++) window.set(out.subarray(v * runs, (v + 1) * runs), at + v * R);
        }
      }
      for (let w = from; w < to; w++)
        visit(t, w, window.subarray((w - from) * V * R, (w - from + 1) * V * R));
    }
    onTeam?.(t);
  }
};

/** Adds one chunk's org accumulators into the running total, element by element. */
export const addChunk = (total: Float64Array, chunk: Float64Array): void => {
  for (let i = 0; i < total.length; i++) total[i]! += chunk[i]!;
};

/** The org's samples from summed accumulators, laid out `[(v * weeks + w) * runs + r]`. */
export const orgSamples = (acc: Float64Array, weeks: number, runs: number, levels: number): Float32Array => {
  const slots = orgSlots(levels);
  const org = new Float32Array((METRIC_COUNT + levels) * weeks * runs);
  for (let r = 0; r < runs; r++) {
    for (let w = 0; w < weeks; w++) {
      finalizeOrg(
        acc,
        (w * runs + r) * slots,
        { data: org, base: w * runs + r, stride: weeks * runs },
        levels,
      );
    }
  }
  return org;
};

/**
 * Simulates the runs of `range` for every team ({@link simulateTeams}), summing the org chunk by
 * chunk of {@link TEAM_CHUNK} teams. Returns the org samples, laid out
 * `[(v * weeks + w) * runCount + r]`.
 */
export const simulateRuns = (
  input: ForecastInput,
  range: RunRange,
  visit: (team: number, week: number, samples: Float64Array) => void,
  onProgress?: ProgressCallback,
): Float32Array => {
  const T = input.org.teams.length;
  const L = input.org.levels.length;
  const W = input.options.horizonWeeks;
  const total = new Float64Array(range.runCount * W * orgSlots(L));
  const chunk = T > TEAM_CHUNK ? new Float64Array(total.length) : total;
  for (let teamStart = 0; teamStart < T; teamStart += TEAM_CHUNK) {
    const teams = { teamStart, teamCount: Math.min(TEAM_CHUNK, T - teamStart) };
    if (chunk !== total) chunk.fill(0);
    simulateTeams(input, range, teams, chunk, visit, (t) => onProgress?.(t + 1, T));
    if (chunk !== total) addChunk(total, chunk);
  }
  return orgSamples(total, W, range.runCount, L);
};

/** Monte Carlo over all `options.runs` runs: P10/P50/P90 per metric, week, team and org. */
export const runMonteCarlo = (input: ForecastInput, onProgress?: ProgressCallback): Forecast => {
  const { runs, horizonWeeks: W } = input.options;
  const levelIds = input.org.levels.map((level) => level.id);
  const lists: Band[][] = input.org.teams.map(() => bandList(levelIds.length, W));
  const org = simulateRuns(
    input,
    { runStart: 0, runCount: runs },
    (t, w, samples) => writeWeekBands(samples, runs, w, lists[t]!),
    onProgress,
  );
  const teamBands: MetricBands[] = lists.map((list) => toMetricBands(levelIds, list));
  return assembleForecast(input, teamBands, sampleBands(org, W, runs, levelIds));
};
