import type { ForecastInput } from '../schemas/forecast-input';
import { firstBreaches } from './breaches';
import type { Forecast, MetricBands } from './forecast';
import { ENGINE_VERSION } from './version';
import { weekDates } from './weeks';

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
    teams: input.org.teams.map((team, t) => ({
      id: team.id,
      name: team.name,
      metrics: teamBands[t]!,
      breaches: firstBreaches(teamBands[t]!, options.thresholds, weeks),
    })),
    org: { metrics: orgBands, breaches: firstBreaches(orgBands, options.thresholds, weeks) },
  };
};
