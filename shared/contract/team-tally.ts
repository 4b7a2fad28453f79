import type { Breach, Breaches, BreachMetric, TeamForecast } from '../engine/forecast';
import { breachMetrics } from '../engine/forecast';

/** A breach with the metric it is of. */
export type MetricBreach = Breach & { metric: BreachMetric };

/** The earliest breach of any watched metric, with the metric, or null when none breaches (ties: the first in breachMetrics). */
export function earliest(breaches: Breaches): MetricBreach | null {
  let best: MetricBreach | null = null;
  for (const metric of breachMetrics) {
    const breach = breaches[metric];
    if (breach && (!best || breach.week < best.week)) best = { ...breach, metric };
  }
  return best;
}

/** A team's first breach (P50) and its peak P50 burnout risk (index 0-100). */
export interface TeamFirstBreach {
  id: string;
  name: string;
  first: MetricBreach | null;
  peakBurnout: number;
}

/** A team's first breach and peak burnout, from its forecast. */
export const teamFirstBreach = (team: TeamForecast): TeamFirstBreach => ({
  id: team.id,
  name: team.name,
  first: earliest(team.breaches),
  peakBurnout: Math.max(...team.metrics.burnoutRisk.p50),
});

/** Order of teams by first breach, earliest first; teams that hold come last; ties by peak burnout, highest first. */
export const byFirstBreach = (a: TeamFirstBreach, b: TeamFirstBreach): number =>
  (a.first?.week ?? Number.POSITIVE_INFINITY) - (b.first?.week ?? Number.POSITIVE_INFINITY) ||
  b.peakBurnout - a.peakBurnout;

/** What the headline says of the teams: the earliest breach of any team, how many breach, of how many. */
export interface TeamTally {
  firstBreach: MetricBreach | null;
  teamsAtRisk: number;
  teamCount: number;
}

/** The tally of teams already sorted {@link byFirstBreach}. */
export const tallyOfSorted = (teams: readonly TeamFirstBreach[]): TeamTally => ({
  firstBreach: teams[0]?.first ?? null,
  teamsAtRisk: teams.filter((team) => team.first).length,
  teamCount: teams.length,
});
