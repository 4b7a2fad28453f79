import {
  anyBreach,
  assembleTeams,
  type ForecastInput,
  meanSliceRange,
  roundedMeanBands,
  type Slice,
  type TeamForecast,
  teamLayoffHeadroom,
  teamReviewersNeeded,
} from '../../shared/index';
import { type ShapedPart, shapedPart } from './shaped-part';
import { compiledContext } from './shared-input';
import { twinAnswers } from './twin-answers';

/** For each series of a range, the index of the first with the same array (the mean path shares a twin's). */
const sharedSeries = (series: readonly Float64Array[]): Int32Array => {
  const first = new Map<Float64Array, number>();
  return Int32Array.from(series, (own, i) => {
    const known = first.get(own);
    if (known !== undefined) return known;
    first.set(own, i);
    return i;
  });
};

/**
 * One mean-path slice computed and shaped on its thread: what shapeResult does for the whole
 * forecast, for the slice's teams (rounded bands, reviewers needed read on the series just
 * computed, layoff headroom from the mean path's own breaches on, the three once per set of
 * twins; answers, report rows, stored chunks).
 */
export const shapeMeanSlice = (input: ForecastInput, slice: Slice): ShapedPart => {
  const ctx = compiledContext(input);
  const { series, bands, chunkSums } = meanSliceRange(ctx, slice);
  const assembled = assembleTeams(input, bands, ctx.weeks, slice.teamStart);
  const twins = sharedSeries(series);
  const { needed, headroom } = twinAnswers(ctx, slice.teamStart, twins, (t) => {
    const i = t - slice.teamStart;
    return {
      needed: teamReviewersNeeded(ctx, t, series[i]),
      headroom: teamLayoffHeadroom(ctx, t, anyBreach(assembled[i]!.breaches)),
    };
  });
  // A twin's bands are its first twin's arrays: it takes that team's rounded bands (same values, rounded once).
  const teams: TeamForecast[] = [];
  for (const [i, team] of assembled.entries()) {
    const first = twins[i]!;
    teams.push({ ...team, metrics: first === i ? roundedMeanBands(team.metrics) : teams[first]!.metrics });
  }
  return shapedPart(input, slice, chunkSums, { weeks: ctx.weeks, teams }, needed, headroom);
};
