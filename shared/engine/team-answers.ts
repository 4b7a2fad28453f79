import type { Thresholds } from '../schemas/options';
import type { LayoffHeadroom, ReviewersNeeded } from './answers';
import { type Band, type BreachMetric, breachMetrics, type Forecast, type TeamForecast } from './forecast';

/** The first threshold a team crosses: when, which, the threshold and the P50 value that crossed it. */
export interface TeamBreach {
  week: number;
  date: string;
  metric: BreachMetric;
  threshold: number;
  value: number;
}

/** One driver of the change from today: P50 at week 0 and at the week the answer reads. */
export interface Driver {
  today: number;
  later: number;
}

/** A team's answers to "does it break, when, why, what fixes it", every figure read on P50. */
export interface TeamAnswer {
  teamId: string;
  team: string;
  firstBreach: TeamBreach | null;
  /** Sign-off reviewers present in week 0 (P50). */
  reviewersToday: number;
  /** Whole reviewers needed at the peak week (mean path) to hold the service level and utilisation thresholds. */
  reviewersNeeded: number;
  /** Reviewers to add over those present at the peak week. */
  reviewersToAdd: number;
  peakDate: string;
  /** Largest whole percent of sign-off reviewers the team can lose at the start without a breach; null: breaches anyway. */
  maxLayoffPercent: number | null;
  /** Highest weekly P50 burnout risk over the horizon (0-100) and its week's Monday. */
  peakBurnout: number;
  peakBurnoutDate: string;
  /** Drivers from week 0 to the first breach week (else the last week). */
  drivers: {
    signoffDemand: Driver;
    aiSignoffDemand: Driver;
    reviewers: Driver;
    hoursPerChange: Driver;
  };
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

/** The earliest breach of the team (ties: the order of {@link breachMetrics}). */
function firstBreach(team: TeamForecast, thresholds: Thresholds): TeamBreach | null {
  let found: TeamBreach | null = null;
  for (const metric of breachMetrics) {
    const breach = team.breaches[metric];
    if (!breach || (found && found.week <= breach.week)) continue;
    const value = team.metrics[metric].p50[breach.week] ?? 0;
    found = { ...breach, metric, threshold: thresholds[metric], value: round(value, 3) };
  }
  return found;
}

const driver = (band: Band, week: number, digits = 2): Driver => ({
  today: round(band.p50[0] ?? 0, digits),
  later: round(band.p50[week] ?? 0, digits),
});

const hoursPerChange = (team: TeamForecast, week: number): number => {
  const changes = team.metrics.signoffDemand.p50[week] ?? 0;
  return changes > 0 ? (team.metrics.demandHours.p50[week] ?? 0) / changes : 0;
};

/**
 * Per team: first breach with its threshold and value, reviewers today and needed, the layoff it
 * absorbs, peak burnout and the drivers of the change, from a forecast and the engine's
 * mean-path answers for the same input.
 */
export function teamAnswers(
  forecast: Pick<Forecast, 'weeks' | 'teams'>,
  thresholds: Thresholds,
  needed: readonly ReviewersNeeded[],
  headroom: readonly LayoffHeadroom[],
): TeamAnswer[] {
  const neededBy = new Map(needed.map((n) => [n.teamId, n]));
  const headroomBy = new Map(headroom.map((h) => [h.teamId, h.maxLayoffPercent]));
  const last = forecast.weeks.length - 1;
  return forecast.teams.map((team) => {
    const breach = firstBreach(team, thresholds);
    const at = breach?.week ?? last;
    const burnout = team.metrics.burnoutRisk.p50;
    const peak = burnout.reduce((best, value, w) => (value > (burnout[best] ?? 0) ? w : best), 0);
    const n = neededBy.get(team.id);
    return {
      teamId: team.id,
      team: team.name,
      firstBreach: breach,
      reviewersToday: round(team.metrics.reviewers.p50[0] ?? 0, 2),
      reviewersNeeded: n?.reviewersNeeded ?? 0,
      reviewersToAdd: n?.shortfall ?? 0,
      peakDate: n?.peakDate ?? forecast.weeks[0] ?? '',
      maxLayoffPercent: headroomBy.get(team.id) ?? null,
      peakBurnout: round(burnout[peak] ?? 0, 1),
      peakBurnoutDate: forecast.weeks[peak] ?? '',
      drivers: {
        signoffDemand: driver(team.metrics.signoffDemand, at),
        aiSignoffDemand: driver(team.metrics.aiSignoffDemand, at),
        reviewers: driver(team.metrics.reviewers, at),
        hoursPerChange: {
          today: round(hoursPerChange(team, 0), 3),
          later: round(hoursPerChange(team, at), 3),
        },
      },
    };
  });
}
