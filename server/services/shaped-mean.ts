import {
  answerContext,
  anyBreach,
  assembleForecast,
  assembleTeams,
  type ForecastInput,
  meanBands,
  meanOrgSeries,
  meanSliceRange,
  roundedMeanBands,
  roundedMeanForecast,
  type Slice,
  teamAnswers,
  teamLayoffHeadroom,
  teamReviewersNeeded,
} from '../../shared/index';
import {
  type CapacityRow,
  capacityRows,
  type EngineResult,
  summaryOf,
  type TeamSummary,
  teamSummary,
} from './forecast-summary';
import { packTeams } from './series-chunks';

/**
 * A mean-path slice as it is stored: its teams' gzipped chunks, summary lists and report rows,
 * and the org accumulators of its chunks (see meanSliceRange), for {@link mergeShapedMean}.
 */
export interface ShapedMeanPart {
  slice: Slice;
  acc: Float64Array;
  teamChunks: Uint8Array<ArrayBuffer>[];
  summary: TeamSummary;
  report: CapacityRow[];
}

/**
 * One mean-path slice computed and shaped on its thread: what shapeResult does for the whole
 * forecast, for the slice's teams (rounded bands, reviewers needed read on the series just
 * computed, layoff headroom from the mean path's own breaches on, answers, report rows, stored
 * chunks).
 */
export const shapeMeanSlice = (input: ForecastInput, slice: Slice): ShapedMeanPart => {
  const ctx = answerContext(input);
  const { series, bands, chunkSums } = meanSliceRange(ctx, slice);
  const teams = assembleTeams(input, bands, ctx.weeks, slice.teamStart).map((team) => ({
    ...team,
    metrics: roundedMeanBands(team.metrics),
  }));
  const needed = series.map((own, i) => teamReviewersNeeded(ctx, slice.teamStart + i, own));
  const headroom = teams.map((team, i) =>
    teamLayoffHeadroom(ctx, slice.teamStart + i, anyBreach(team.breaches)),
  );
  const answers = teamAnswers({ weeks: ctx.weeks, teams }, input.options.thresholds, needed, headroom);
  const levels = input.org.levels.map((level) => level.id);
  return {
    slice,
    acc: chunkSums,
    teamChunks: packTeams(teams),
    summary: teamSummary(teams, needed, answers),
    report: capacityRows({ levels, teams }, input.org.teams, answers),
  };
};

/**
 * The stored result of a mean path from its shaped slices (any order): the org summed chunk by
 * chunk in team order, so the bytes are those shapeResult gives for the whole forecast.
 * @throws RangeError unless the slices cover every team once, in whole ranges from team 0.
 */
export const mergeShapedMean = (input: ForecastInput, parts: readonly ShapedMeanPart[]): EngineResult => {
  const sorted = [...parts].sort((a, b) => a.slice.teamStart - b.slice.teamStart);
  let next = 0;
  for (const { slice } of sorted) {
    if (slice.teamStart !== next) throw new RangeError(`mergeShapedMean: expected a slice from team ${next}`);
    next += slice.teamCount;
  }
  if (next !== input.org.teams.length)
    throw new RangeError(`mergeShapedMean: slices cover ${next} of ${input.org.teams.length} teams`);
  const { horizonWeeks: W } = input.options;
  const levelIds = input.org.levels.map((level) => level.id);
  const org = meanOrgSeries(
    sorted.map((part) => part.acc),
    W,
    levelIds.length,
  );
  const noTeams = { ...input, org: { ...input.org, teams: [] } };
  const { teams: _, ...head } = roundedMeanForecast(
    assembleForecast(noTeams, [], meanBands(org, W, levelIds)),
  );
  return {
    headJson: JSON.stringify(head),
    teamChunks: sorted.flatMap((part) => part.teamChunks),
    summary: summaryOf(
      head.org,
      sorted.map((part) => part.summary),
    ),
    report: sorted.flatMap((part) => part.report),
  };
};
