import type { Forecast, ForecastInput } from '../../shared';
import { assembleForecast } from '../../shared/engine/assemble';
import { meanBands } from '../../shared/engine/bands';
import type { MetricBands } from '../../shared/engine/forecast';
import { meanOrgSeries, meanSeriesSteps, meanTeamSeries } from '../../shared/engine/mean-path';
import { METRIC_COUNT } from '../../shared/engine/metrics';
import { centralParams, type ModelParams, teamParameters } from '../../shared/engine/model-params';
import { orgSlots, TEAM_CHUNK, type TeamRange } from '../../shared/engine/monte-carlo';
import { accumulateOrg } from '../../shared/engine/org-aggregate';
import { buildTimeline, type Timeline } from '../../shared/engine/timeline';

/**
 * The mean path split by teams, for the browser's engine workers: each worker computes the series
 * of a range of teams ({@link meanSeriesRange}), one worker adds them up in team order
 * ({@link mergeMeanSeries}); the forecast is runMeanPath's, bit for bit, however the teams were
 * split (teams are independent; the org sums are added team by team in order, as runMeanPath
 * does). Unlike the engine's 'mean' slices (whole 256-team chunks, each with its teams' bands),
 * a range here is any run of teams and sends back only its series, so the 40 teams of an org
 * split over a browser's cores. Built from the engine's own steps, as runMeanPath is.
 */

/** Values of one team's series: metrics then headcount by level, each `weeks` long. */
export const seriesLength = (input: ForecastInput): number =>
  (METRIC_COUNT + input.org.levels.length) * input.options.horizonWeeks;

/** An input compiled for mean-path series: its timeline and each team's central parameters. */
export interface MeanPlan {
  tl: Timeline;
  params: ModelParams[];
}

export const planMean = (input: ForecastInput): MeanPlan => ({
  tl: buildTimeline(input),
  params: teamParameters(input).map(centralParams),
});

/** Team `team`'s mean-path series (as meanTeamSeries lays it out). */
export const meanSeriesOf = (plan: MeanPlan, team: number): Float64Array =>
  meanTeamSeries(plan.tl, team, plan.params[team]!);

/**
 * The mean-path series of teams `teamStart` .. `teamStart + teamCount - 1`, one after another in
 * `series` (each laid out as meanTeamSeries lays it out, so that it transfers as one buffer),
 * computed a team per `next()` (true while teams remain), so a worker can stop between teams.
 * The engine's steps (meanSeriesSteps, as runMeanPath's): twins within the range are computed
 * once; a team whose twin lies outside the range is computed (the same values: twins have the
 * same inputs).
 */
export function meanRangeSteps(input: ForecastInput, range: TeamRange, plan: MeanPlan = planMean(input)) {
  const steps = meanSeriesSteps(plan.tl, plan.params, range);
  const length = seriesLength(input);
  const series = new Float64Array(range.teamCount * length);
  return {
    series,
    next(): boolean {
      if (!steps.next()) return false;
      const i = steps.series.length - 1;
      series.set(steps.series[i]!, i * length);
      return i + 1 < range.teamCount;
    },
  };
}

/** The series of a range of teams at once (see {@link meanRangeSteps}). */
export function meanSeriesRange(
  input: ForecastInput,
  range: TeamRange,
  plan: MeanPlan = planMean(input),
): Float64Array {
  const steps = meanRangeSteps(input, range, plan);
  while (steps.next());
  return steps.series;
}

/**
 * The mean-path forecast from every team's series (ranges of {@link meanSeriesRange}, in team
 * order, covering all teams): the org sums added team by team in order, chunk by chunk of
 * TEAM_CHUNK teams (meanOrgSeries), then the bands and first breaches, as runMeanPath does.
 * @throws RangeError when the ranges do not hold one series per team.
 */
export function mergeMeanSeries(input: ForecastInput, ranges: readonly Float64Array[]): Forecast {
  const { horizonWeeks: W } = input.options;
  const L = input.org.levels.length;
  const levelIds = input.org.levels.map((level) => level.id);
  const length = seriesLength(input);
  const teams = input.org.teams.length;
  const held = ranges.reduce((sum, range) => sum + range.length, 0);
  if (held !== teams * length)
    throw new RangeError(`mergeMeanSeries: ${held / length} team series for ${teams} teams`);
  const slots = orgSlots(L);
  const chunkSums = new Float64Array(Math.ceil(teams / TEAM_CHUNK) * W * slots);
  const teamBands: MetricBands[] = [];
  for (const range of ranges)
    for (let at = 0; at < range.length; at += length) {
      const series = range.subarray(at, at + length);
      accumulateOrg(chunkSums, Math.floor(teamBands.length / TEAM_CHUNK) * W * slots, slots, series, W, L);
      teamBands.push(meanBands(series, W, levelIds));
    }
  const org = meanOrgSeries([chunkSums], W, L);
  return assembleForecast(input, teamBands, meanBands(org, W, levelIds));
}
