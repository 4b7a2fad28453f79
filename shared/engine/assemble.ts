import type { ForecastInput } from '../schemas/forecast-input';
import { firstBreaches } from './breaches';
import type { Forecast, MetricBands, TeamForecast } from './forecast';
import { ENGINE_VERSION } from './version';
import { weekDates } from './weeks';

/**
 * Teams `teamStart ..` of the input as {@link TeamForecast}s: `teamBands[i]` is team
 * `teamStart + i`'s, with its first breaches over `weeks`.
 */
export const assembleTeams = (
  input: ForecastInput,
  teamBands: readonly MetricBands[],
  weeks: readonly string[],
  teamStart = 0,
): TeamForecast[] =>
  teamBands.map((metrics, i) => {
    const team = input.org.teams[teamStart + i]!;
    return {
      id: team.id,
      name: team.name,
      metrics,
      breaches: firstBreaches(metrics, input.options.thresholds, weeks),
    };
  });

/** Wraps team and org bands into a {@link Forecast}, with first breaches per team and org. */
export const assembleForecast = (
  input: ForecastInput,
  teamBands: MetricBands[],
  orgBands: MetricBands,
): Forecast => {
  const { options } = input;
  const weeks = weekDates(options.startWeek, options.horizonWeeks);
  return {
    engineVersion: ENGINE_VERSION,
    mode: options.runs === 0 ? 'mean' : 'monte-carlo',
    runs: options.runs,
    seed: options.seed,
    weeks,
    levels: input.org.levels.map((level) => level.id),
    teams: assembleTeams(input, teamBands, weeks),
    org: { metrics: orgBands, breaches: firstBreaches(orgBands, options.thresholds, weeks) },
  };
};
