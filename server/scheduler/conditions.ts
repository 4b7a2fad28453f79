import type { AlertFinding } from '../../shared/contract/alerts';
import {
  type AlertMetricKey,
  alertMetricSeries,
  type Band,
  type AlertComparator as Comparator,
  type Forecast,
  type AlertPercentile as Percentile,
} from '../../shared/index';

/** The part of a rule that decides whether a team is in breach. */
export interface AlertCondition {
  metric: AlertMetricKey;
  percentile: Percentile;
  comparator: Comparator;
  threshold: number;
  /** Forecast weeks examined, from the start week (1 = this week only). */
  lookaheadWeeks: number;
  /** Team ids to watch; null watches every team in the forecast. */
  teams: string[] | null;
}

const crosses = (value: number, comparator: Comparator, threshold: number): boolean => {
  switch (comparator) {
    case '>':
      return value > threshold;
    case '>=':
      return value >= threshold;
    case '<':
      return value < threshold;
    case '<=':
      return value <= threshold;
  }
};

/**
 * The series a condition reads. P90 is the pessimistic 90% outcome in the direction the
 * comparator watches: the p90 band for `>`/`>=`, the p10 band for `<`/`<=` (a service level
 * that 90% of runs stay above). P50 is the median either way.
 */
function seriesFor(band: Band, condition: AlertCondition): number[] {
  if (condition.percentile === 'P50') return band.p50;
  return condition.comparator.startsWith('>') ? band.p90 : band.p10;
}

/**
 * Evaluates `condition` against `forecast`, one finding per watched team (teams the forecast
 * lacks are skipped). Pure: the same forecast and condition give the same findings.
 */
export function evaluateCondition(forecast: Forecast, condition: AlertCondition): AlertFinding[] {
  const watched = condition.teams ? new Set(condition.teams) : null;
  const weeks = Math.min(condition.lookaheadWeeks, forecast.weeks.length);
  const rising = condition.comparator.startsWith('>');
  return forecast.teams
    .filter((team) => !watched || watched.has(team.id))
    .map((team) => {
      const series = seriesFor(team.metrics[alertMetricSeries[condition.metric]], condition).slice(0, weeks);
      const week = series.findIndex((v) => crosses(v, condition.comparator, condition.threshold));
      const worst = rising ? Math.max(...series) : Math.min(...series);
      return {
        teamId: team.id,
        teamName: team.name,
        breached: week >= 0,
        week: week >= 0 ? week : null,
        // Stryker disable next-line ConditionalExpression: equivalent when always true, index -1 reads undefined and ?? gives null
        date: week >= 0 ? (forecast.weeks[week] ?? null) : null,
        // Stryker disable next-line ConditionalExpression: equivalent when always true, index -1 reads undefined and ?? gives null
        value: week >= 0 ? (series[week] ?? null) : null,
        worst,
      };
    });
}
