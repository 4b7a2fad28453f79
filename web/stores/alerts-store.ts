import { type Accessor, createResource, createSignal } from 'solid-js';
import {
  type AlertEvaluation,
  type AlertRule,
  type AlertRuleInput,
  type AlertRulePatch,
  alertsApi,
} from '../api/alerts-client';

/**
 * Alert rules of the org and, for the selected rule, its alert history and delivery log.
 * Acknowledge is optimistic and rolls back on error; every action rethrows for the page to show.
 */
export function createAlertsStore(orgSlug: Accessor<string | null>) {
  const slug = () => {
    const value = orgSlug();
    if (!value) throw new Error('not signed in to an org');
    return value;
  };
  const [rules, rulesResource] = createResource(orgSlug, (s) => alertsApi.list(s));
  const [selected, setSelected] = createSignal<string | null>(null);
  const key = () => {
    const s = orgSlug();
    const id = selected();
    return s && id ? { s, id } : null;
  };
  const [alerts, alertsResource] = createResource(key, ({ s, id }) => alertsApi.alerts(s, id));
  const [deliveries, deliveriesResource] = createResource(key, ({ s, id }) => alertsApi.deliveries(s, id));
  const [evaluation, setEvaluation] = createSignal<AlertEvaluation | null>(null);

  const refreshSelected = async () => {
    await Promise.all([alertsResource.refetch(), deliveriesResource.refetch()]);
  };
  const actions = {
    reload: rulesResource.refetch,
    select(id: string | null) {
      setEvaluation(null);
      setSelected(id);
    },
    async create(input: AlertRuleInput) {
      const rule = await alertsApi.create(slug(), input);
      rulesResource.mutate((list) => [...(list ?? []), rule].sort((a, b) => a.name.localeCompare(b.name)));
      actions.select(rule.id);
      return rule;
    },
    /** Saves a change (edit, pause or resume) and puts the server's rule in the list. */
    async update(id: string, patch: AlertRulePatch) {
      const updated: AlertRule = await alertsApi.update(slug(), id, patch);
      rulesResource.mutate((list) =>
        list?.map((r) => (r.id === id ? updated : r)).sort((a, b) => a.name.localeCompare(b.name)),
      );
      return updated;
    },
    async remove(id: string) {
      await alertsApi.remove(slug(), id);
      rulesResource.mutate((list) => list?.filter((r) => r.id !== id));
      if (selected() === id) actions.select(null);
    },
    async evaluate(id: string) {
      setEvaluation(await alertsApi.evaluate(slug(), id));
      await refreshSelected();
    },
    refreshSelected,
    async acknowledge(alertId: string) {
      const ruleId = selected();
      if (!ruleId) return;
      const before = alerts();
      const now = new Date().toISOString();
      alertsResource.mutate((list) =>
        list?.map((a) => (a.id === alertId ? { ...a, acknowledgedAt: now } : a)),
      );
      try {
        const updated = await alertsApi.acknowledge(slug(), ruleId, alertId);
        alertsResource.mutate((list) => list?.map((a) => (a.id === alertId ? updated : a)));
      } catch (error) {
        alertsResource.mutate(before);
        throw error;
      }
    },
  };
  return [{ rules, selected, alerts, deliveries, evaluation }, actions] as const;
}

export type AlertsStore = ReturnType<typeof createAlertsStore>;
