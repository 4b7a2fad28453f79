import {
  assembleTeams,
  type ForecastInput,
  runSlice,
  type Slice,
  teamLayoffHeadroom,
  teamReviewersNeeded,
} from '../../shared/index';
import { type ShapedPart, shapedPart } from './shaped-part';
import { compiledContext } from './shared-input';

/**
 * One Monte Carlo team slice (256 teams over all runs, see planSlices) computed and shaped on its
 * thread: its teams' bands with their first breaches, reviewers needed and layoff headroom on each
 * team's mean path (as reviewersNeeded and layoffHeadroom give them for the whole input), answers,
 * report rows and stored chunks. Only its org sums are left for the merge, so no thread holds
 * every team's bands.
 * @throws RangeError unless the slice is a team slice of the input (see runSlice).
 */
export const shapeTeamSlice = (input: ForecastInput, slice: Slice): ShapedPart => {
  const part = runSlice(input, slice);
  if (part.kind !== 'teams') throw new RangeError(`shapeTeamSlice: a ${part.kind} slice`);
  const ctx = compiledContext(input);
  const teams = assembleTeams(input, part.teams, ctx.weeks, slice.teamStart);
  const indexes = teams.map((_, i) => slice.teamStart + i);
  return shapedPart(
    input,
    slice,
    part.acc,
    { weeks: ctx.weeks, teams },
    indexes.map((t) => teamReviewersNeeded(ctx, t)),
    indexes.map((t) => teamLayoffHeadroom(ctx, t)),
  );
};
