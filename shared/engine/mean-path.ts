import type { ForecastInput } from '../schemas/forecast-input';
import { assembleForecast } from './assemble';
import { meanBands } from './bands';
import type { Forecast, MetricBands } from './forecast';
import { METRIC_COUNT } from './metrics';
import { centralParams, type ModelParams, teamParameters } from './model-params';
import { addChunk, orgSlots, TEAM_CHUNK, type TeamRange } from './monte-carlo';
import { accumulateOrg, finalizeOrg } from './org-aggregate';
import { stepWeek } from './step-week';
import { startTeamRuns } from './team-state';
import { firstTwins } from './team-twins';
import { buildTimeline, type Timeline, teamTimeline } from './timeline';

/**
 * One team's deterministic series, laid out `[v * weeks + w]` (metrics, then headcount by
 * level), at the team's own change rates ({@link teamTimeline}).
 */
export const meanTeamSeries = (orgTimeline: Timeline, team: number, params: ModelParams): Float64Array => {
  const tl = teamTimeline(orgTimeline, team);
  const W = tl.weeks;
  const vector = METRIC_COUNT + tl.levels;
  if (week.length !== vector) week = new Float64Array(vector);
  const out = week;
  const series = new Float64Array(vector * W);
  const state = startTeamRuns(tl, team, [params], null);
  for (let w = 0; w < W; w++) {
    stepWeek(tl, state, w, out);
    for (let v = 0; v < vector; v++) series[v * W + w] = out[v]!;
  }
  return series;
};

/** One week's vector of the mean path, reused team after team (stepWeek writes every value of it each week). */
let week = new Float64Array(0);

/**
 * Team `team`'s deterministic series (as {@link meanTeamSeries}) as a function of changes to its
 * central parameters, the input compiled once: for fits that try many values of a parameter.
 */
export const teamSeriesProbe = (input: ForecastInput, team: number) => {
  const tl = buildTimeline(input);
  const central = centralParams(teamParameters(input)[team]!);
  return (change: Partial<ModelParams>): Float64Array => meanTeamSeries(tl, team, { ...central, ...change });
};

/** New band objects over the same series arrays. */
const sharedBands = (bands: MetricBands): MetricBands => ({ ...bands, headcount: { ...bands.headcount } });

/**
 * The mean path of a range of whole {@link TEAM_CHUNK}-team chunks: each team's series (laid out
 * as {@link meanTeamSeries}'s) and bands, and the org accumulators of each chunk, chunk c's weeks
 * at `c * weeks * slots` (see {@link orgSlots}), each summed from zero in team order.
 */
export interface MeanRange {
  series: Float64Array[];
  bands: MetricBands[];
  chunkSums: Float64Array;
}

/**
 * The mean-path series of teams `range` of `tl` (team t at `params[t]`), a team per `next()` (true
 * while it computed one), so a caller can stop between teams, as the browser's workers do:
 * `series[i]` is team `range.teamStart + i`'s. Teams with the same inputs ({@link firstTwins})
 * within the range are computed once: a twin shares its first twin's array.
 */
export const meanSeriesSteps = (tl: Timeline, params: readonly ModelParams[], range: TeamRange) => {
  const twins = firstTwins(tl, params, range);
  const series: Float64Array[] = [];
  return {
    series,
    /** Index within the range of the first team with team i's inputs (i when none comes before it). */
    twinOf: (i: number): number => twins[i]! - range.teamStart,
    next(): boolean {
      const i = series.length;
      if (i >= range.teamCount) return false;
      const twin = twins[i]! - range.teamStart;
      const t = range.teamStart + i;
      series.push(twin === i ? meanTeamSeries(tl, t, params[t]!) : series[twin]!);
      return true;
    },
  };
};

/**
 * The mean path of teams `range` of `tl` (a range starting at a chunk boundary), each team at
 * `params[t]` ({@link meanSeriesSteps}: twins share their series, and their bands).
 */
export const meanTeamRange = (
  tl: Timeline,
  params: readonly ModelParams[],
  range: TeamRange,
  levelIds: readonly string[],
): MeanRange => {
  const { levels: L, weeks: W } = tl;
  const slots = orgSlots(L);
  const chunkSums = new Float64Array(Math.ceil(range.teamCount / TEAM_CHUNK) * W * slots);
  const steps = meanSeriesSteps(tl, params, range);
  const bands: MetricBands[] = [];
  for (let i = 0; steps.next(); i++) {
    const series = steps.series[i]!;
    const twin = steps.twinOf(i);
    // The series' week w is accumulateOrg's run w: value v at [w + v * W], accumulators at w * slots.
    accumulateOrg(chunkSums, Math.floor(i / TEAM_CHUNK) * W * slots, slots, series, W, L);
    // A twin reads its first twin's series (like p10, p50 and p90, which share one).
    bands.push(twin === i ? meanBands(series, W, levelIds) : sharedBands(bands[twin]!));
  }
  return { series: steps.series, bands, chunkSums };
};

/**
 * Sums chunk accumulators, in chunk order, into the org's: the bits one thread gives whatever
 * ranges the chunks were computed in (an org of one chunk takes its sums as they are, as
 * {@link simulateRuns} does). Returns the org series, laid out `[v * weeks + w]`.
 */
export const meanOrgSeries = (
  chunkSums: readonly Float64Array[],
  weeks: number,
  levels: number,
): Float64Array => {
  const slots = orgSlots(levels);
  const size = weeks * slots;
  const all = chunkSums.flatMap((sums) =>
    Array.from({ length: sums.length / size }, (_, c) => sums.subarray(c * size, (c + 1) * size)),
  );
  const total = all.length === 1 ? all[0]! : new Float64Array(size);
  if (all.length > 1) for (const chunk of all) addChunk(total, chunk);
  const org = new Float64Array((METRIC_COUNT + levels) * weeks);
  for (let w = 0; w < weeks; w++)
    finalizeOrg(total, w * slots, { data: org, base: w, stride: weeks }, levels);
  return org;
};

/**
 * The deterministic mean path (each team at its merged central values): expected values, no
 * sampling; p10 = p50 = p90 in the output. Teams with the same inputs are computed once; the org
 * sums add every team's weeks in team order, chunk by chunk of {@link TEAM_CHUNK} teams, so a
 * split over team ranges ({@link planSlices}) gives the same bits.
 */
export const runMeanPath = (input: ForecastInput): Forecast => {
  const tl = buildTimeline(input);
  const levelIds = input.org.levels.map((level) => level.id);
  const params = teamParameters(input).map(centralParams);
  const { bands, chunkSums } = meanTeamRange(tl, params, { teamStart: 0, teamCount: tl.teams }, levelIds);
  const org = meanOrgSeries([chunkSums], tl.weeks, tl.levels);
  return assembleForecast(input, bands, meanBands(org, tl.weeks, levelIds));
};
