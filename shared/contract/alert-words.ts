import type { AlertMetricKey } from '../engine/metrics';
import type { AlertComparator, AlertPercentile } from './alerts';

/** Each alert metric in words, and how a value of it reads with its unit. */
export const alertMetricWords: {
  [K in AlertMetricKey]: { label: string; unit: string; format: (value: number) => string };
} = {
  backlogWeeks: {
    label: 'backlog',
    unit: 'weeks of capacity',
    format: (v) => `${trim(v)} ${v === 1 ? 'week' : 'weeks'} of capacity`,
  },
  p90WaitHours: { label: 'p90 wait', unit: 'hours', format: (v) => `${trim(v)} h` },
  serviceLevel: {
    label: 'service level',
    unit: 'share of sign-offs within the target wait, 0-1',
    format: (v) => `${trim(v * 100)}%`,
  },
  utilization: {
    label: 'utilisation',
    unit: 'demand over regular review hours, 1 = 100%',
    format: (v) => `${trim(v * 100)}%`,
  },
  burnoutRisk: { label: 'burnout risk', unit: 'index 0-100', format: (v) => `${trim(v)} of 100` },
  sev2PerWeek: {
    label: 'severity-2 incidents',
    unit: 'per week',
    format: (v) => `${trim(v)} per week`,
  },
};

/** Up to four significant digits, no trailing zeros: 24, 0.85, 2.5. */
const trim = (value: number) => String(Number(value.toPrecision(4)));

/** Each comparator as a verb: "exceeds", "reaches", "falls below", "falls to". */
export const comparatorWords: Record<AlertComparator, string> = {
  '>': 'exceeds',
  '>=': 'reaches',
  '<': 'falls below',
  '<=': 'falls to',
};

/** The watched teams as a possessive: "any team's", "Reviews team's", "Reviews or Payments team's". */
function teamWords(teams: readonly string[] | null | undefined, names: ReadonlyMap<string, string>): string {
  if (!teams?.length) return "any team's";
  if (teams.length > 3) return `any of ${teams.length} teams'`;
  const named = teams.map((id) => names.get(id) ?? 'unknown');
  const last = named.pop();
  return `${named.length ? `${named.join(', ')} or ` : ''}${last} team's`;
}

/** The part of a rule its sentence reads. */
export interface AlertConditionWords {
  metric: AlertMetricKey;
  comparator: AlertComparator;
  threshold: number;
  lookaheadWeeks: number;
  percentile: AlertPercentile;
  teams?: readonly string[] | null | undefined;
}

/**
 * The rule in one plain sentence, e.g. "Alert when Reviews team's p90 wait exceeds 24 h in any
 * of the next 8 weeks (P90 forecast)". `names` maps team ids to names.
 */
export function describeAlertCondition(
  rule: AlertConditionWords,
  names: ReadonlyMap<string, string>,
): string {
  const words = alertMetricWords[rule.metric];
  const when = rule.lookaheadWeeks === 1 ? 'this week' : `in any of the next ${rule.lookaheadWeeks} weeks`;
  const percentile = rule.percentile === 'P90' ? 'P90 forecast, pessimistic' : 'P50 forecast, median';
  return `Alert when ${teamWords(rule.teams, names)} ${words.label} ${comparatorWords[rule.comparator]} ${words.format(rule.threshold)} ${when} (${percentile})`;
}
