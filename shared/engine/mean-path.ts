import type { ForecastInput } from '../schemas/forecast-input';
import { assembleForecast } from './assemble';
import { meanBands } from './bands';
import type { Forecast, MetricBands } from './forecast';
import { METRIC_COUNT } from './metrics';
import { centralParams, type ModelParams, teamParameters } from './model-params';
import { accumulateOrg, finalizeOrg, ORG_SLOTS } from './org-aggregate';
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
  const vector = METRIC_COUNT + tl.levels;
  const out = new Float64Array(vector);
  const series = new Float64Array(vector * tl.weeks);
  const state = startTeamRuns(tl, team, [params], null);
  for (let w = 0; w < tl.weeks; w++) {
    stepWeek(tl, state, w, out);
    for (let v = 0; v < vector; v++) series[v * tl.weeks + w] = out[v]!;
  }
  return series;
};

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
 * The deterministic mean path (each team at its merged central values): expected values, no
 * sampling; p10 = p50 = p90 in the output. Teams with the same inputs ({@link firstTwins}) are
 * computed once; the org sums still add every team's weeks in team order.
 */
export const runMeanPath = (input: ForecastInput): Forecast => {
  const tl = buildTimeline(input);
  const { levels: L, weeks: W } = tl;
  const params = teamParameters(input).map(centralParams);
  const twins = firstTwins(tl, params);
  const levelIds = input.org.levels.map((level) => level.id);
  const slots = ORG_SLOTS + L;
  const acc = new Float64Array(W * slots);
  const computed: Float64Array[] = [];
  const teamBands: MetricBands[] = [];
  for (let t = 0; t < twins.length; t++) {
    const twin = twins[t]!;
    const series = twin === t ? meanTeamSeries(tl, t, params[t]!) : computed[twin]!;
    computed[t] = series;
    // The series' week w is accumulateOrg's run w: value v at [w + v * W], accumulators at w * slots.
    accumulateOrg(acc, 0, slots, series, W, L);
    // A twin reads its first twin's series (like p10, p50 and p90, which share one).
    teamBands.push(twin === t ? meanBands(series, W, levelIds) : sharedBands(teamBands[twin]!));
  }
  const org = new Float64Array((METRIC_COUNT + L) * W);
  for (let w = 0; w < W; w++) finalizeOrg(acc, w * slots, { data: org, base: w, stride: W }, L);
  return assembleForecast(input, teamBands, meanBands(org, W, levelIds));
};
