import { meanTeamSeries } from '../../shared/engine/mean-path';
import { firstTwins } from '../../shared/engine/team-twins';
import {
  anyBreach,
  assembleTeams,
  type ForecastInput,
  firstBreaches,
  meanBands,
  runSlice,
  type Slice,
  teamLayoffHeadroom,
  teamReviewersNeeded,
} from '../../shared/index';
import { type ShapedPart, shapedPart } from './shaped-part';
import { compiledContext } from './shared-input';
import { twinAnswers } from './twin-answers';

/**
 * One Monte Carlo team slice (256 teams over all runs, see planSlices) computed and shaped on its
 * thread: its teams' bands with their first breaches, reviewers needed and layoff headroom on each
 * team's mean path (as reviewersNeeded and layoffHeadroom give them for the whole input: one mean
 * path a team for both, whose own breaches are the uncut headroom's, once per set of twins),
 * answers, report rows and stored chunks. Only its org sums are left for the merge, so no thread
 * holds every team's bands.
 * @throws RangeError unless the slice is a team slice of the input (see runSlice).
 */
export const shapeTeamSlice = (input: ForecastInput, slice: Slice): ShapedPart => {
  const part = runSlice(input, slice);
  if (part.kind !== 'teams') throw new RangeError(`shapeTeamSlice: a ${part.kind} slice`);
  const ctx = compiledContext(input);
  const teams = assembleTeams(input, part.teams, ctx.weeks, slice.teamStart);
  const levelIds = input.org.levels.map((level) => level.id);
  const { thresholds } = input.options;
  const twins = firstTwins(ctx.tl, ctx.params, slice).map((t) => t - slice.teamStart);
  const { needed, headroom } = twinAnswers(ctx, slice.teamStart, twins, (t) => {
    const series = meanTeamSeries(ctx.tl, t, ctx.params[t]!);
    const uncut = anyBreach(firstBreaches(meanBands(series, ctx.tl.weeks, levelIds), thresholds, ctx.weeks));
    return { needed: teamReviewersNeeded(ctx, t, series), headroom: teamLayoffHeadroom(ctx, t, uncut) };
  });
  return shapedPart(input, slice, part.acc, { weeks: ctx.weeks, teams }, needed, headroom);
};
