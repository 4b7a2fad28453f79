import { For, Match, onMount, Show, Switch } from 'solid-js';
import { zonedTimeLabel } from '../../shared';
import type { AlertRuleInput } from '../api/alerts-client';
import { RuleDetail } from '../components/alerts/rule-detail';
import { RuleForm } from '../components/alerts/rule-form';
import { Empty, ErrorMessage, Loading } from '../components/states';
import { createAlertsStore } from '../stores/alerts-store';
import { useStores } from '../stores/context';

/** Alert rules on the plan of record: list in words, create, edit, pause, test, history with acknowledge, delivery log. */
export function AlertsPage() {
  const { session, teams } = useStores();
  const store = createAlertsStore(session[0].orgSlug);
  onMount(() => teams[1].open());
  const [state, actions] = store;
  const selectedRule = () => state.rules()?.find((r) => r.id === state.selected());
  return (
    <section class="page">
      <h2>Alert rules</h2>
      <Switch>
        <Match when={state.rules.error}>
          <ErrorMessage error={state.rules.error} retry={() => void actions.reload()} />
        </Match>
        <Match when={!state.rules()}>
          <Loading what="alert rules" />
        </Match>
        <Match when={state.rules()?.length === 0}>
          <Empty title="No alert rules yet.">
            <p>Create one below to hear about a breach of the plan of record weeks ahead.</p>
          </Empty>
        </Match>
        <Match when={state.rules()}>
          <section class="table-scroll" tabindex="0" aria-label="Alert rules table">
            <table aria-label="Alert rules">
              <thead>
                <tr>
                  <th>Name</th>
                  <th>Rule</th>
                  <th>Schedule</th>
                  <th>Next check (rule's time zone)</th>
                </tr>
              </thead>
              <tbody>
                <For each={state.rules()}>
                  {(rule) => (
                    <tr aria-selected={rule.id === state.selected()}>
                      <td>
                        <button type="button" class="link-button" onClick={() => actions.select(rule.id)}>
                          {rule.name}
                        </button>
                      </td>
                      <td>{rule.description}</td>
                      <td>{rule.scheduleText}</td>
                      <td>
                        <Show when={!rule.paused} fallback={<span class="tag">paused</span>}>
                          {zonedTimeLabel(new Date(rule.nextRunAt), rule.timezone)}
                        </Show>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </section>
        </Match>
      </Switch>
      <Show when={selectedRule()}>
        {(rule) => (
          <RuleDetail
            rule={rule()}
            store={store}
            teams={teams[0].teams() ?? []}
            canEdit={session[0].canEdit()}
          />
        )}
      </Show>
      <Show when={session[0].canEdit()}>
        <RuleForm
          teams={teams[0].teams() ?? []}
          onSubmit={(input) => actions.create(input as AlertRuleInput)}
        />
      </Show>
    </section>
  );
}
