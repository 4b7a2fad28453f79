import {
  type ForecastInput,
  type LayoffHeadroom,
  type ReviewersNeeded,
  type Slice,
  type TeamForecast,
  teamAnswers,
} from '../../shared/index';
import { type CapacityRow, capacityRows, type TeamSummary, teamSummary } from './forecast-summary';
import { type PackedTeams, packTeams } from './series-chunks';

/**
 * A team slice as it is stored, shaped on the thread that computed it: its teams' gzipped chunks
 * and their digests, summary lists and report rows, and the org accumulators its merge sums in team order (a mean
 * slice's per-chunk sums, see meanSliceRange; a Monte Carlo team slice's sums over all runs).
 */
export interface ShapedPart extends PackedTeams {
  slice: Slice;
  acc: Float64Array;
  summary: TeamSummary;
  report: CapacityRow[];
}

/**
 * The {@link ShapedPart} of a slice's finished teams with their reviewers needed and layoff
 * headroom: answers, summary lists, report rows and stored chunks, as shapeResult makes them for
 * the whole forecast.
 */
export const shapedPart = (
  input: ForecastInput,
  slice: Slice,
  acc: Float64Array,
  { weeks, teams }: { weeks: string[]; teams: TeamForecast[] },
  needed: ReviewersNeeded[],
  headroom: LayoffHeadroom[],
): ShapedPart => {
  const answers = teamAnswers({ weeks, teams }, input.options.thresholds, needed, headroom);
  const levels = input.org.levels.map((level) => level.id);
  return {
    slice,
    acc,
    ...packTeams(teams),
    summary: teamSummary(teams, needed, answers),
    report: capacityRows({ levels, teams }, input.org.teams, answers),
  };
};
