import { type Breach, type Breaches, type BreachMetric, breachMetrics, type Forecast } from '../../shared';
import { orgPeakBurnout } from '../../shared/contract/capacity-report';

/** Human names of the watched metrics, for headings and tables. */
export const breachLabels: Record<BreachMetric, string> = {
  serviceLevel: 'Service level',
  p90WaitHours: 'P90 wait',
  backlogWeeks: 'Backlog',
  utilization: 'Utilisation',
  burnoutRisk: 'Burnout risk',
};

/** The earliest breach of any watched metric, with the metric, or null when none breaches. */
export function earliest(breaches: Breaches): (Breach & { metric: BreachMetric }) | null {
  let best: (Breach & { metric: BreachMetric }) | null = null;
  for (const metric of breachMetrics) {
    const breach = breaches[metric];
    if (breach && (!best || breach.week < best.week)) best = { ...breach, metric };
  }
  return best;
}

export interface TeamBreach {
  id: string;
  name: string;
  first: (Breach & { metric: BreachMetric }) | null;
  peakBurnout: number;
}

/** Teams with their first breach, earliest first; teams that hold come last, by peak burnout. */
export function teamsByFirstBreach(forecast: Forecast): TeamBreach[] {
  return forecast.teams
    .map((team) => ({
      id: team.id,
      name: team.name,
      first: earliest(team.breaches),
      peakBurnout: Math.max(...team.metrics.burnoutRisk.p50),
    }))
    .sort(
      (a, b) =>
        (a.first?.week ?? Number.POSITIVE_INFINITY) - (b.first?.week ?? Number.POSITIVE_INFINITY) ||
        b.peakBurnout - a.peakBurnout,
    );
}

/** Key figures of a forecast, for the headline and the comparison table. */
export function keyFigures(forecast: Forecast) {
  const teams = teamsByFirstBreach(forecast);
  const org = forecast.org.metrics;
  const peak = orgPeakBurnout(forecast);
  return {
    firstBreach: teams[0]?.first ?? null,
    orgBreaches: forecast.org.breaches,
    teamsAtRisk: teams.filter((team) => team.first).length,
    teamCount: teams.length,
    reviewersToday: org.reviewers.p50[0] ?? 0,
    /** The org's peak P50 burnout risk (index 0-100) and its first week, as the capacity report gives them. */
    peakBurnout: peak.peakBurnoutP50,
    peakBurnoutWeek: peak.peakBurnoutWeek,
    incidents: org.sev2Incidents.p50.reduce((sum, value) => sum + value, 0),
  };
}
