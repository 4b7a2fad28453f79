import {
  anyBreach,
  assembleTeams,
  type ForecastInput,
  meanSliceRange,
  roundedMeanBands,
  type Slice,
  teamLayoffHeadroom,
  teamReviewersNeeded,
} from '../../shared/index';
import { type ShapedPart, shapedPart } from './shaped-part';
import { compiledContext } from './shared-input';

/**
 * One mean-path slice computed and shaped on its thread: what shapeResult does for the whole
 * forecast, for the slice's teams (rounded bands, reviewers needed read on the series just
 * computed, layoff headroom from the mean path's own breaches on, answers, report rows, stored
 * chunks).
 */
export const shapeMeanSlice = (input: ForecastInput, slice: Slice): ShapedPart => {
  const ctx = compiledContext(input);
  const { series, bands, chunkSums } = meanSliceRange(ctx, slice);
  const teams = assembleTeams(input, bands, ctx.weeks, slice.teamStart).map((team) => ({
    ...team,
    metrics: roundedMeanBands(team.metrics),
  }));
  return shapedPart(
    input,
    slice,
    chunkSums,
    { weeks: ctx.weeks, teams },
    series.map((own, i) => teamReviewersNeeded(ctx, slice.teamStart + i, own)),
    teams.map((team, i) => teamLayoffHeadroom(ctx, slice.teamStart + i, anyBreach(team.breaches))),
  );
};
