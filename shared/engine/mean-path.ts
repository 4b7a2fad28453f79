import type { ForecastInput } from '../schemas/forecast-input';
import { assembleForecast } from './assemble';
import { meanBands } from './bands';
import type { Forecast } from './forecast';
import { METRIC_COUNT } from './metrics';
import { centralParams, type ModelParams } from './model-params';
import { accumulateOrg, finalizeOrg, ORG_SLOTS } from './org-aggregate';
import { simulateTeam } from './simulate-team';
import { buildTimeline, type Timeline } from './timeline';

/** One team's deterministic series, laid out `[v * weeks + w]` (metrics, then headcount by level). */
export const meanTeamSeries = (tl: Timeline, team: number, params: ModelParams): Float64Array => {
  const out = new Float64Array((METRIC_COUNT + tl.levels) * tl.weeks);
  simulateTeam(tl, team, params, null, { out, base: 0, metricStride: tl.weeks, weekStride: 1 });
  return out;
};

/** The deterministic mean path: expected values, no sampling; p10 = p50 = p90 in the output. */
export const runMeanPath = (input: ForecastInput): Forecast => {
  const tl = buildTimeline(input);
  const { levels: L, weeks: W } = tl;
  const params = centralParams(input.parameters);
  const levelIds = input.org.levels.map((level) => level.id);
  const slots = ORG_SLOTS + L;
  const acc = new Float64Array(W * slots);
  const teamBands = input.org.teams.map((_, t) => {
    const series = meanTeamSeries(tl, t, params);
    accumulateOrg(acc, 0, series, 0, W, L);
    return meanBands(series, W, levelIds);
  });
  const org = new Float64Array((METRIC_COUNT + L) * W);
  for (let w = 0; w < W; w++) finalizeOrg(acc, w * slots, { data: org, base: w, stride: W }, L);
  return assembleForecast(input, teamBands, meanBands(org, W, levelIds));
};
