import { alertMetricWords, comparatorWords, describeAlertCondition } from '../../shared/index';
import type { alertRules, alerts } from '../db/alerts-schema';

type Rule = typeof alertRules.$inferSelect;
type Alert = typeof alerts.$inferSelect;

type RuleSummary = Pick<
  Rule,
  'id' | 'name' | 'metric' | 'percentile' | 'comparator' | 'threshold' | 'lookaheadWeeks'
> & {
  /** The rule in words, e.g. "Alert when Reviews team's p90 wait exceeds 24 h in any of the next 8 weeks (…)". */
  description: string;
};

/** One alert as a delivery carries it. */
export interface AlertItem {
  id: string;
  teamId: string;
  teamName: string;
  state: Alert['state'];
  openedAt: string;
  resolvedAt: string | null;
  breachWeek: number;
  breachDate: string;
  value: number;
  /** The change in words, naming the team. */
  summary: string;
}

/** What a webhook receives for one alert state change (format `json`). */
export interface AlertEvent {
  id: string;
  type: 'alert.opened' | 'alert.resolved';
  occurredAt: string;
  rule: RuleSummary;
  alert: AlertItem;
}

/** What a digest rule's webhook receives once per evaluation that opened or resolved anything. */
export interface DigestEvent {
  id: string;
  type: 'alert.digest';
  occurredAt: string;
  rule: RuleSummary;
  opened: AlertItem[];
  resolved: AlertItem[];
}

const round = (value: number) => Number(value.toPrecision(4));

/** "Reviews: p90 wait exceeds 24 h in the week of 2026-05-11 (P90 forecast 30.5 h)", or its resolution. */
function alertSentence(rule: Rule, alert: Alert): string {
  const words = alertMetricWords[rule.metric];
  const crossing = `${comparatorWords[rule.comparator]} ${words.format(rule.threshold)}`;
  return alert.state === 'open'
    ? `${alert.teamName}: ${words.label} ${crossing} in the week of ${alert.breachDate} (${rule.percentile} forecast ${words.format(round(alert.value))})`
    : `${alert.teamName}: ${words.label} no longer ${crossing} within ${rule.lookaheadWeeks} weeks (${rule.percentile} forecast)`;
}

function item(rule: Rule, alert: Alert): AlertItem {
  return {
    id: alert.id,
    teamId: alert.teamId,
    teamName: alert.teamName,
    state: alert.state,
    openedAt: alert.openedAt.toISOString(),
    resolvedAt: alert.resolvedAt?.toISOString() ?? null,
    breachWeek: alert.breachWeek,
    breachDate: alert.breachDate,
    value: alert.value,
    summary: alertSentence(rule, alert),
  };
}

const ruleSummary = (rule: Rule, names: ReadonlyMap<string, string>): RuleSummary => ({
  id: rule.id,
  name: rule.name,
  metric: rule.metric,
  percentile: rule.percentile,
  comparator: rule.comparator,
  threshold: rule.threshold,
  lookaheadWeeks: rule.lookaheadWeeks,
  description: describeAlertCondition(rule, names),
});

/** The event for `alert` (just opened or resolved) under `rule`, delivered as `deliveryId`. */
export function alertEvent(
  deliveryId: string,
  rule: Rule,
  alert: Alert,
  occurredAt: Date,
  names: ReadonlyMap<string, string>,
): AlertEvent {
  return {
    id: deliveryId,
    type: alert.state === 'open' ? 'alert.opened' : 'alert.resolved',
    occurredAt: occurredAt.toISOString(),
    rule: ruleSummary(rule, names),
    alert: item(rule, alert),
  };
}

/** One digest event for every alert an evaluation of `rule` opened or resolved. */
export function digestEvent(
  deliveryId: string,
  rule: Rule,
  changes: { opened: Alert[]; resolved: Alert[] },
  occurredAt: Date,
  names: ReadonlyMap<string, string>,
): DigestEvent {
  return {
    id: deliveryId,
    type: 'alert.digest',
    occurredAt: occurredAt.toISOString(),
    rule: ruleSummary(rule, names),
    opened: changes.opened.map((a) => item(rule, a)),
    resolved: changes.resolved.map((a) => item(rule, a)),
  };
}

/** A Slack incoming-webhook message (`text` plus one section block) naming every team the event is about. */
export function slackMessage(event: AlertEvent | DigestEvent): { text: string; blocks: unknown[] } {
  const name = event.rule.name;
  let text: string;
  if (event.type === 'alert.digest') {
    const lines = [
      ...event.opened.map((a) => `• :rotating_light: ${a.summary}`),
      ...event.resolved.map((a) => `• :white_check_mark: ${a.summary}`),
    ];
    text = `${name}: ${event.opened.length} opened, ${event.resolved.length} resolved.\n${lines.join('\n')}`;
  } else {
    const icon = event.type === 'alert.opened' ? ':rotating_light:' : ':white_check_mark:';
    text = `${icon} ${name}: ${event.alert.summary}.`;
  }
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

/** The raw body to send, fixed once so that every retry sends the same bytes. */
export function deliveryBody(event: AlertEvent | DigestEvent, format: Rule['format']): string {
  return JSON.stringify(format === 'slack' ? slackMessage(event) : event);
}
