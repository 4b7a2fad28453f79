import type { alertRules, alerts } from '../db/alerts-schema';

type Rule = typeof alertRules.$inferSelect;
type Alert = typeof alerts.$inferSelect;

/** What a webhook receives for one alert state change (format `json`). */
export interface AlertEvent {
  id: string;
  type: 'alert.opened' | 'alert.resolved';
  occurredAt: string;
  rule: Pick<Rule, 'id' | 'name' | 'metric' | 'percentile' | 'comparator' | 'threshold' | 'lookaheadWeeks'>;
  alert: {
    id: string;
    teamId: string;
    teamName: string;
    state: Alert['state'];
    openedAt: string;
    resolvedAt: string | null;
    breachWeek: number;
    breachDate: string;
    value: number;
  };
}

/** The event for `alert` (just opened or resolved) under `rule`, delivered as `deliveryId`. */
export function alertEvent(deliveryId: string, rule: Rule, alert: Alert, occurredAt: Date): AlertEvent {
  return {
    id: deliveryId,
    type: alert.state === 'open' ? 'alert.opened' : 'alert.resolved',
    occurredAt: occurredAt.toISOString(),
    rule: {
      id: rule.id,
      name: rule.name,
      metric: rule.metric,
      percentile: rule.percentile,
      comparator: rule.comparator,
      threshold: rule.threshold,
      lookaheadWeeks: rule.lookaheadWeeks,
    },
    alert: {
      id: alert.id,
      teamId: alert.teamId,
      teamName: alert.teamName,
      state: alert.state,
      openedAt: alert.openedAt.toISOString(),
      resolvedAt: alert.resolvedAt?.toISOString() ?? null,
      breachWeek: alert.breachWeek,
      breachDate: alert.breachDate,
      value: alert.value,
    },
  };
}

const round = (value: number) => Number(value.toPrecision(4));

/** A Slack incoming-webhook message (`text` plus one section block) for the same event. */
export function slackMessage(event: AlertEvent): { text: string; blocks: unknown[] } {
  const { rule, alert } = event;
  const condition = `${rule.percentile} ${rule.metric} ${rule.comparator} ${rule.threshold}`;
  const text =
    event.type === 'alert.opened'
      ? `:rotating_light: ${rule.name}: team ${alert.teamName} reaches ${condition} in the week of ${alert.breachDate} (forecast ${round(alert.value)}).`
      : `:white_check_mark: ${rule.name}: team ${alert.teamName} no longer reaches ${condition} within ${rule.lookaheadWeeks} weeks.`;
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

/** The raw body to send, fixed once so that every retry sends the same bytes. */
export function deliveryBody(event: AlertEvent, format: Rule['format']): string {
  return JSON.stringify(format === 'slack' ? slackMessage(event) : event);
}
