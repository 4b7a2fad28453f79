import { request } from './client';

export const alertMetrics = [
  'backlogWeeks',
  'p90WaitHours',
  'serviceLevel',
  'utilization',
  'burnoutRisk',
  'sev2PerWeek',
] as const;
export const alertComparators = ['>', '>=', '<', '<='] as const;

/** POST /alert-rules body (see the API's AlertRuleInput). */
export interface AlertRuleInput {
  name: string;
  metric: (typeof alertMetrics)[number];
  comparator: (typeof alertComparators)[number];
  threshold: number;
  lookaheadWeeks: number;
  schedule: string;
  timezone: string;
  webhook: { url: string; secret: string };
  teams?: string[] | null;
  percentile?: 'P50' | 'P90';
  format?: 'json' | 'slack';
  cooldownHours?: number;
}

export interface AlertRule extends Omit<AlertRuleInput, 'webhook'> {
  id: string;
  teams: string[] | null;
  percentile: 'P50' | 'P90';
  format: 'json' | 'slack';
  cooldownHours: number;
  webhook: { url: string; secretHint: string };
  nextRunAt: string;
  createdAt: string;
}

export interface Alert {
  id: string;
  teamId: string;
  teamName: string;
  state: 'open' | 'resolved';
  openedAt: string;
  resolvedAt: string | null;
  breachWeek: number;
  breachDate: string;
  value: number;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
}

export interface Finding {
  teamId: string;
  teamName: string;
  breached: boolean;
  week: number | null;
  date: string | null;
  value: number | null;
  worst: number;
}

export interface AlertEvaluation {
  id: string;
  evaluatedAt: string;
  status: 'ok' | 'error';
  error: string | null;
  findings: Finding[];
  opened: Alert[];
  resolved: Alert[];
}

export interface AlertDelivery {
  id: string;
  event: 'opened' | 'resolved';
  url: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: {
    attempt: number;
    startedAt: string;
    statusCode: number | null;
    error: string | null;
    latencyMs: number;
  }[];
  nextAttemptAt: string | null;
  createdAt: string;
}

const rules = (slug: string) => `/orgs/${encodeURIComponent(slug)}/alert-rules`;
const rule = (slug: string, id: string) => `${rules(slug)}/${encodeURIComponent(id)}`;

/** The alert-rule endpoints, through the app's one HTTP client. */
export const alertsApi = {
  list: (slug: string) => request<{ items: AlertRule[] }>('GET', rules(slug)).then((r) => r.items),
  create: (slug: string, input: AlertRuleInput) => request<AlertRule>('POST', rules(slug), { body: input }),
  remove: (slug: string, id: string) => request<void>('DELETE', rule(slug, id)),
  evaluate: (slug: string, id: string) => request<AlertEvaluation>('POST', `${rule(slug, id)}/evaluate`),
  alerts: (slug: string, id: string) =>
    request<{ items: Alert[] }>('GET', `${rule(slug, id)}/alerts`).then((r) => r.items),
  acknowledge: (slug: string, id: string, alertId: string) =>
    request<Alert>('POST', `${rule(slug, id)}/alerts/${encodeURIComponent(alertId)}/acknowledge`),
  deliveries: (slug: string, id: string) =>
    request<{ items: AlertDelivery[] }>('GET', `${rule(slug, id)}/deliveries`).then((r) => r.items),
};
