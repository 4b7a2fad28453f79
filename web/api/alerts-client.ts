import type {
  Alert,
  AlertDelivery,
  AlertDryRun,
  AlertEvaluation,
  AlertRule,
  AlertRuleInput,
  AlertRulePatch,
} from '../../shared';
import { request } from './client';

export type {
  Alert,
  AlertDelivery,
  AlertEvaluation,
  AlertRule,
  AlertRuleInput,
  AlertRulePatch,
} from '../../shared';

const rules = (slug: string) => `/orgs/${encodeURIComponent(slug)}/alert-rules`;
const rule = (slug: string, id: string) => `${rules(slug)}/${encodeURIComponent(id)}`;

/** The alert-rule endpoints, through the app's one HTTP client. */
export const alertsApi = {
  list: (slug: string) => request<{ items: AlertRule[] }>('GET', rules(slug)).then((r) => r.items),
  create: (slug: string, input: AlertRuleInput) => request<AlertRule>('POST', rules(slug), { body: input }),
  update: (slug: string, id: string, patch: AlertRulePatch) =>
    request<AlertRule>('PATCH', rule(slug, id), { body: patch }),
  remove: (slug: string, id: string) => request<void>('DELETE', rule(slug, id)),
  evaluate: (slug: string, id: string) => request<AlertEvaluation>('POST', `${rule(slug, id)}/evaluate`),
  dryRun: (slug: string, id: string) => request<AlertDryRun>('POST', `${rule(slug, id)}/dry-run`),
  alerts: (slug: string, id: string) =>
    request<{ items: Alert[] }>('GET', `${rule(slug, id)}/alerts`).then((r) => r.items),
  acknowledge: (slug: string, id: string, alertId: string) =>
    request<Alert>('POST', `${rule(slug, id)}/alerts/${encodeURIComponent(alertId)}/acknowledge`),
  deliveries: (slug: string, id: string) =>
    request<{ items: AlertDelivery[] }>('GET', `${rule(slug, id)}/deliveries`).then((r) => r.items),
};
