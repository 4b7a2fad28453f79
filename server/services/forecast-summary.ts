import type { CapacityRow as ContractCapacityRow } from '../../shared/contract/capacity-report';
import {
  anyBreach,
  type Band,
  type Breaches,
  type Forecast,
  type ForecastSummary,
  type ReviewersNeeded,
  type TeamAnswer,
  type TeamForecast,
} from '../../shared/index';
import type { StoredSeries } from './series-chunks';

/** What the engine returns for one input: the forecast as stored (head and team chunks), its run summary and report rows. */
export interface EngineResult extends StoredSeries {
  summary: ForecastSummary;
  report: CapacityRow[];
}

/** One team's row of the capacity report as the engine tasks make it: every column but the model error. */
export type CapacityRow = Required<Omit<ContractCapacityRow, 'modelError'>>;

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
 * Capacity report rows: headcount by level today (the roster the forecast starts from) and at the
 * horizon (last week, P50, after the scenario's events);
 * sign-off demand, capacity and utilisation averaged over the horizon (P50); backlog P50/P90 at
 * the horizon; then the team's answers (`teamAnswers`): first breach with its threshold and
 * value, peak P50 burnout risk, reviewers today, needed at the peak week and the gap, and the
 * largest absorbable layoff.
 */
export function capacityRows(
  forecast: Pick<Forecast, 'levels' | 'teams'>,
  roster: readonly { id: string; headcount: Record<string, number> }[],
  answers: TeamAnswer[],
): CapacityRow[] {
  const answerBy = new Map(answers.map((a) => [a.teamId, a]));
  const rosterBy = new Map(roster.map((team) => [team.id, team.headcount]));
  return forecast.teams.map((team) => {
    const m = team.metrics;
    const levels = (pick: (band: Band) => number) =>
      Object.fromEntries(forecast.levels.map((level) => [level, round(pick(m.headcount[level]!))]));
    const answer = answerBy.get(team.id);
    const breach = answer?.firstBreach ?? null;
    return {
      team: team.name,
      teamId: team.id,
      headcountNow: Object.fromEntries(
        forecast.levels.map((level) => [level, rosterBy.get(team.id)?.[level] ?? 0]),
      ),
      headcountAtHorizon: levels((band) => last(band.p50)),
      signoffDemandPerWeek: round(mean(m.signoffDemand.p50)),
      signoffCapacityPerWeek: round(mean(m.capacityChanges.p50)),
      utilization: round(mean(m.utilization.p50), 3),
      backlogP50: round(last(m.backlog.p50)),
      backlogP90: round(last(m.backlog.p90)),
      firstBreachWeek: breach?.date ?? '',
      firstBreachMetric: breach?.metric ?? '',
      firstBreachThreshold: breach?.threshold ?? null,
      firstBreachValue: breach?.value ?? null,
      burnoutRisk: answer?.peakBurnout ?? 0,
      reviewersToday: answer?.reviewersToday ?? 0,
      reviewersNeeded: answer?.reviewersNeeded ?? 0,
      reviewerGap: answer?.reviewersToAdd ?? 0,
      maxLayoffPercent: answer?.maxLayoffPercent ?? null,
    };
  });
}

/** The summary's per-team lists for some of the teams (their teams at risk, reviewers needed and answers). */
export type TeamSummary = Pick<ForecastSummary, 'teamsAtRisk' | 'reviewersNeeded'> & { teams: TeamAnswer[] };

/** The {@link TeamSummary} of `teams`, with their reviewers needed and answers. */
export function teamSummary(
  teams: readonly TeamForecast[],
  needed: readonly ReviewersNeeded[],
  answers: TeamAnswer[],
): TeamSummary {
  const names = new Map(teams.map((t) => [t.id, t.name]));
  return {
    teamsAtRisk: teams
      .filter((t) => anyBreach(t.breaches))
      .map((t) => ({ id: t.id, name: t.name, firstBreach: earliest(t.breaches) })),
    reviewersNeeded: needed.map((n) => ({ ...n, name: names.get(n.teamId) ?? n.teamId })),
    teams: answers,
  };
}

/** The run summary from the org's bands and the {@link TeamSummary} of each team range, in team order. */
export function summaryOf(org: Forecast['org'], parts: readonly TeamSummary[]): ForecastSummary {
  return {
    firstBreaches: org.breaches,
    teamsAtRisk: parts.flatMap((part) => part.teamsAtRisk),
    reviewersNeeded: parts.flatMap((part) => part.reviewersNeeded),
    reviewersToday: round(first(org.metrics.reviewers)),
    teams: parts.flatMap((part) => part.teams),
  };
}

/** The run summary: org first breaches, teams at risk, reviewers needed and today, the per-team answers. */
export function forecastSummary(
  forecast: Forecast,
  needed: ReviewersNeeded[],
  answers: TeamAnswer[],
): ForecastSummary {
  return summaryOf(forecast.org, [teamSummary(forecast.teams, needed, answers)]);
}
