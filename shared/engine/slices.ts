import type { ForecastInput } from '../schemas/forecast-input';
import { type AnswerContext, answerContext } from './answers';
import { assembleForecast } from './assemble';
import { bandList, meanBands, sampleBands, toMetricBands, writeWeekBands } from './bands';
import type { Forecast, MetricBands } from './forecast';
import { type MeanRange, meanOrgSeries, meanTeamRange } from './mean-path';
import { METRIC_COUNT } from './metrics';
import {
  addChunk,
  orgSamples,
  orgSlots,
  type ProgressCallback,
  type RunRange,
  simulateTeams,
  TEAM_CHUNK,
  type TeamRange,
} from './monte-carlo';
import { mergeRunSamples, type RunSamples, runSampleRange } from './run-range';

/**
 * A piece of one forecast: a team range x a run range, and how the plan splits (`runs`: run
 * ranges over all teams; `teams`: team ranges over all runs; `mean`: team ranges of the mean
 * path, whose run range is empty).
 */
export interface Slice extends RunRange, TeamRange {
  kind: 'runs' | 'teams' | 'mean';
}

/**
 * What a slice gives back. `runs`: raw samples of every team for a run range (merged along runs).
 * `teams`: the finished bands of a team range over all runs, and that range's org accumulators
 * (`[(w * runs + r) * slots + s]`, summed with the other ranges' in team order). `mean`: the mean
 * path's bands of a team range and the org accumulators of each of its chunks (see MeanRange).
 */
export type SlicePart =
  | { kind: 'runs'; slice: Slice; samples: RunSamples }
  | { kind: 'teams' | 'mean'; slice: Slice; teams: MetricBands[]; acc: Float64Array };

/**
 * Largest raw sample set (bytes, float32) a forecast is split along runs for; beyond it, slices
 * are ranges of {@link TEAM_CHUNK} teams over all runs, whose memory does not grow with the org.
 */
export const SAMPLE_BUDGET_BYTES = 512 * 1024 * 1024;

/** How a forecast splits: along runs while its raw samples fit {@link SAMPLE_BUDGET_BYTES}, else along teams. */
export const sliceMode = (input: ForecastInput, budgetBytes = SAMPLE_BUDGET_BYTES): Slice['kind'] => {
  const { runs, horizonWeeks } = input.options;
  const vector = METRIC_COUNT + input.org.levels.length;
  const bytes = (input.org.teams.length + 1) * vector * horizonWeeks * runs * 4;
  return bytes <= budgetBytes ? 'runs' : 'teams';
};

/**
 * The mean path's slices (runs = 0): up to `pieces` ranges of whole {@link TEAM_CHUNK}-team
 * chunks, near-equal in chunks: an org of one chunk (the demo org's 40 teams take about 15 ms) is
 * one slice.
 */
const meanSlices = (teamCount: number, pieces: number): Slice[] => {
  const chunks = Math.ceil(teamCount / TEAM_CHUNK);
  const count = Math.max(1, Math.min(Math.floor(pieces), chunks));
  return Array.from({ length: count }, (_, i) => {
    const teamStart = Math.floor((i * chunks) / count) * TEAM_CHUNK;
    const teamEnd = Math.min(teamCount, Math.floor(((i + 1) * chunks) / count) * TEAM_CHUNK);
    return { kind: 'mean' as const, teamStart, teamCount: teamEnd - teamStart, runStart: 0, runCount: 0 };
  });
};

/**
 * The slices of an input: for the mean path see {@link meanSlices}; for Monte Carlo, along runs, `pieces` near-equal run ranges (at
 * most one per run) over all teams; along teams, one slice per {@link TEAM_CHUNK} teams over all
 * runs, whatever `pieces` says (`budgetBytes` picks the split, see {@link sliceMode}). Either way {@link mergeSlices} gives the bytes runMonteCarlo gives.
 */
export const planSlices = (
  input: ForecastInput,
  pieces: number,
  budgetBytes = SAMPLE_BUDGET_BYTES,
): Slice[] => {
  const { runs } = input.options;
  const teamCount = input.org.teams.length;
  if (runs === 0) return meanSlices(teamCount, pieces);
  if (sliceMode(input, budgetBytes) === 'teams') {
    return Array.from({ length: Math.ceil(teamCount / TEAM_CHUNK) }, (_, c) => ({
      kind: 'teams' as const,
      teamStart: c * TEAM_CHUNK,
      teamCount: Math.min(TEAM_CHUNK, teamCount - c * TEAM_CHUNK),
      runStart: 0,
      runCount: runs,
    }));
  }
  const count = Math.max(1, Math.min(Math.floor(pieces), runs));
  return Array.from({ length: count }, (_, i) => {
    const runStart = Math.floor((i * runs) / count);
    const runCount = Math.floor(((i + 1) * runs) / count) - runStart;
    return { kind: 'runs' as const, teamStart: 0, teamCount, runStart, runCount };
  });
};

/** Simulates one slice of {@link planSlices}; `onProgress` hears teams done of the slice's teams. */
export const runSlice = (input: ForecastInput, slice: Slice, onProgress?: ProgressCallback): SlicePart => {
  if (slice.kind === 'runs')
    return { kind: 'runs', slice, samples: runSampleRange(input, slice, onProgress) };
  if (slice.kind === 'mean') return runMeanSlice(input, slice);
  const { runs, horizonWeeks: W } = input.options;
  if (slice.runStart !== 0 || slice.runCount !== runs || slice.teamStart % TEAM_CHUNK !== 0) {
    throw new RangeError('runSlice: a team slice covers all runs and starts at a chunk boundary');
  }
  const levelIds = input.org.levels.map((level) => level.id);
  const lists = Array.from({ length: slice.teamCount }, () => bandList(levelIds.length, W));
  const acc = new Float64Array(runs * W * orgSlots(levelIds.length));
  simulateTeams(
    input,
    slice,
    slice,
    acc,
    (t, w, samples) => writeWeekBands(samples, runs, w, lists[t - slice.teamStart]!),
    (t) => onProgress?.(t + 1 - slice.teamStart, slice.teamCount),
  );
  return { kind: 'teams', slice, teams: lists.map((list) => toMetricBands(levelIds, list)), acc };
};

/**
 * The mean path of one slice of {@link meanSlices} on the input's compiled context (see
 * answerContext): its teams' series and bands and its chunks' org sums.
 * @throws RangeError unless the input is a mean path and the slice starts at a chunk boundary.
 */
export const meanSliceRange = (ctx: AnswerContext, slice: Slice): MeanRange => {
  const { input, tl, params } = ctx;
  if (input.options.runs !== 0 || slice.runCount !== 0 || slice.teamStart % TEAM_CHUNK !== 0) {
    throw new RangeError('runSlice: a mean slice needs runs = 0 and starts at a chunk boundary');
  }
  const levelIds = input.org.levels.map((level) => level.id);
  return meanTeamRange(tl, params, slice, levelIds);
};

/** The mean path of one slice of {@link meanSlices}. */
const runMeanSlice = (input: ForecastInput, slice: Slice): SlicePart => {
  const { bands, chunkSums } = meanSliceRange(answerContext(input), slice);
  return { kind: 'mean', slice, teams: bands, acc: chunkSums };
};

/**
 * Merges the parts of one plan ({@link planSlices}), added in any order, into the forecast
 * runMonteCarlo gives for the whole input, bit for bit. Team parts are folded in as soon as all
 * teams before them are in, so their org accumulators are not all kept at once.
 */
export class SliceMerger {
  private readonly runParts: RunSamples[] = [];
  private readonly waiting = new Map<number, Exclude<SlicePart, { kind: 'runs' }>>();
  private readonly teams: MetricBands[] = [];
  private total: Float64Array | null = null;
  /** Chunk sums of the mean parts folded in so far, in team order. */
  private readonly meanSums: Float64Array[] = [];

  constructor(private readonly input: ForecastInput) {}

  /** @throws RangeError when parts of two kinds are mixed or a team range was already added. */
  add(part: SlicePart): void {
    if (part.kind === 'runs') {
      if (this.total) throw new RangeError('mergeSlices: parts of two kinds');
      this.runParts.push(part.samples);
      return;
    }
    if (this.runParts.length > 0 || (part.kind === 'mean') !== (this.input.options.runs === 0))
      throw new RangeError('mergeSlices: parts of two kinds');
    const { runs, horizonWeeks: W } = this.input.options;
    this.total ??= new Float64Array(runs * W * orgSlots(this.input.org.levels.length));
    if (part.slice.teamStart < this.teams.length || this.waiting.has(part.slice.teamStart))
      throw new RangeError(`mergeSlices: team ${part.slice.teamStart} is covered twice`);
    this.waiting.set(part.slice.teamStart, part);
    for (let next = this.waiting.get(this.teams.length); next; next = this.waiting.get(this.teams.length)) {
      this.waiting.delete(next.slice.teamStart);
      if (next.kind === 'mean') this.meanSums.push(next.acc);
      else addChunk(this.total, next.acc);
      this.teams.push(...next.teams);
    }
  }

  /** The merged forecast. @throws RangeError when the parts leave a gap or miss teams or runs. */
  finish(): Forecast {
    if (!this.total) return mergeRunSamples(this.input, this.runParts);
    const teamCount = this.input.org.teams.length;
    if (this.waiting.size > 0 || this.teams.length !== teamCount)
      throw new RangeError(`mergeSlices: parts cover teams 0..${this.teams.length - 1} of ${teamCount}`);
    const { runs, horizonWeeks: W } = this.input.options;
    const levelIds = this.input.org.levels.map((level) => level.id);
    if (runs === 0) {
      const org = meanOrgSeries(this.meanSums, W, levelIds.length);
      return assembleForecast(this.input, this.teams, meanBands(org, W, levelIds));
    }
    const org = orgSamples(this.total, W, runs, levelIds.length);
    return assembleForecast(this.input, this.teams, sampleBands(org, W, runs, levelIds));
  }
}

/** {@link SliceMerger} over a list of parts. */
export const mergeSlices = (input: ForecastInput, parts: readonly SlicePart[]): Forecast => {
  const merger = new SliceMerger(input);
  for (const part of parts) merger.add(part);
  return merger.finish();
};
