import type { BreachMetric, Forecast } from '../../shared';
import { orgPeakBurnout } from '../../shared/contract/capacity-report';
import {
  byFirstBreach,
  type TeamFirstBreach,
  type TeamTally,
  tallyOfSorted,
  teamFirstBreach,
} from '../../shared/contract/team-tally';

/** Human names of the watched metrics, for headings and tables. */
export const breachLabels: Record<BreachMetric, string> = {
  serviceLevel: 'Service level',
  p90WaitHours: 'P90 wait',
  backlogWeeks: 'Backlog',
  utilization: 'Utilisation',
  burnoutRisk: 'Burnout risk',
};

/** Teams with their first breach, earliest first; teams that hold come last, by peak burnout. */
export function teamsByFirstBreach(forecast: Forecast): TeamFirstBreach[] {
  return forecast.teams.map(teamFirstBreach).sort(byFirstBreach);
}

/**
 * Key figures of a forecast's org bands (`head`: no teams needed) and the tally of its teams, for
 * the headline; a large org's tally comes from the server (GET .../reports/dashboard).
 */
export function figuresOf(head: Pick<Forecast, 'weeks' | 'org'>, tally: TeamTally) {
  const org = head.org.metrics;
  const peak = orgPeakBurnout(head);
  return {
    ...tally,
    orgBreaches: head.org.breaches,
    reviewersToday: org.reviewers.p50[0] ?? 0,
    /** The org's peak P50 burnout risk (index 0-100) and its first week, as the capacity report gives them. */
    peakBurnout: peak.peakBurnoutP50,
    peakBurnoutWeek: peak.peakBurnoutWeek,
    incidents: org.sev2Incidents.p50.reduce((sum, value) => sum + value, 0),
  };
}

export type KeyFigures = ReturnType<typeof figuresOf>;

/** Key figures of a forecast, for the headline and the comparison table. */
export const keyFigures = (forecast: Forecast): KeyFigures =>
  figuresOf(forecast, tallyOfSorted(teamsByFirstBreach(forecast)));
