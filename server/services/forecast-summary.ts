import {
  anyBreach,
  type Band,
  type Breaches,
  type Forecast,
  type ForecastSummary,
  type ReviewersNeeded,
} from '../../shared/index';

/** One team's row of the capacity report (see README, "Capacity report columns"). */
export interface CapacityRow {
  team: string;
  teamId: string;
  headcountNow: Record<string, number>;
  headcountAtHorizon: Record<string, number>;
  signoffDemandPerWeek: number;
  signoffCapacityPerWeek: number;
  utilization: number;
  backlogP50: number;
  backlogP90: number;
  firstBreachWeek: string;
  firstBreachMetric: string;
  burnoutRisk: number;
  reviewersNeeded: number;
  reviewerGap: number;
}

const round = (value: number, digits = 2) => Number(value.toFixed(digits));
const first = (band: Band) => band.p50[0] ?? 0;
const last = (series: number[]) => series.at(-1) ?? 0;
const mean = (series: number[]) => (series.length ? series.reduce((a, b) => a + b, 0) / series.length : 0);

/** The earliest breach of any watched metric, or empty strings when none. */
function earliest(breaches: Breaches): { date: string; metric: string } {
  let found = { date: '', metric: '' };
  for (const [metric, breach] of Object.entries(breaches)) {
    if (breach && (!found.date || breach.date < found.date)) found = { date: breach.date, metric };
  }
  return found;
}

/**
 * Capacity report rows: headcount by level now (week 0) and at the horizon (last week), P50;
 * sign-off demand, capacity and utilisation averaged over the horizon (P50); backlog P50/P90 at
 * the horizon; the first breach date of any threshold; peak P50 burnout risk; reviewers needed
 * at the peak week and the gap to those present then (engine's `reviewersNeeded`).
 */
export function capacityRows(forecast: Forecast, needed: ReviewersNeeded[]): CapacityRow[] {
  const neededBy = new Map(needed.map((n) => [n.teamId, n]));
  return forecast.teams.map((team) => {
    const m = team.metrics;
    const levels = (pick: (band: Band) => number) =>
      Object.fromEntries(forecast.levels.map((level) => [level, round(pick(m.headcount[level]!))]));
    const breach = earliest(team.breaches);
    const n = neededBy.get(team.id);
    return {
      team: team.name,
      teamId: team.id,
      headcountNow: levels(first),
      headcountAtHorizon: levels((band) => last(band.p50)),
      signoffDemandPerWeek: round(mean(m.signoffDemand.p50)),
      signoffCapacityPerWeek: round(mean(m.capacityChanges.p50)),
      utilization: round(mean(m.utilization.p50), 3),
      backlogP50: round(last(m.backlog.p50)),
      backlogP90: round(last(m.backlog.p90)),
      firstBreachWeek: breach.date,
      firstBreachMetric: breach.metric,
      burnoutRisk: round(Math.max(0, ...m.burnoutRisk.p50), 1),
      reviewersNeeded: n?.reviewersNeeded ?? 0,
      reviewerGap: n?.shortfall ?? 0,
    };
  });
}

/** The run summary: org first breaches, teams at risk, reviewers needed, reviewers today. */
export function forecastSummary(forecast: Forecast, needed: ReviewersNeeded[]): ForecastSummary {
  const names = new Map(forecast.teams.map((t) => [t.id, t.name]));
  return {
    firstBreaches: forecast.org.breaches,
    teamsAtRisk: forecast.teams
      .filter((t) => anyBreach(t.breaches))
      .map((t) => ({ id: t.id, name: t.name, firstBreach: earliest(t.breaches) })),
    reviewersNeeded: needed.map((n) => ({ ...n, name: names.get(n.teamId) ?? n.teamId })),
    reviewersToday: round(first(forecast.org.metrics.reviewers)),
  };
}
