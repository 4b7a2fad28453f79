import { createSignal, For, Show } from 'solid-js';
import type { AlertDryRun } from '../../../shared';
import { type AlertRule, alertsApi } from '../../api/alerts-client';
import type { Team } from '../../api/types';
import type { AlertsStore } from '../../stores/alerts-store';
import { useStores } from '../../stores/context';
import { ErrorMessage, Loading } from '../states';
import { AlertHistory } from './alert-history';
import { DeliveryLog } from './delivery-log';
import { RuleForm } from './rule-form';
import { RulePreview } from './rule-preview';

/** What a real check with `changes` alerts opened or resolved would send, in words. */
const messagesWord = (digest: boolean, changes: number): string => {
  if (changes === 0) return 'A real check would send no message.';
  if (digest)
    return `A real check would send one digest message naming ${changes === 1 ? 'the team' : `all ${changes} teams`}.`;
  return changes === 1
    ? 'A real check would send one message.'
    : `A real check would send ${changes} messages, one per team.`;
};

/**
 * One rule: in words with its next checks, edit, pause or resume, a dry run and "evaluate now"
 * with what they found, alert history with acknowledge, and the delivery log.
 */
export function RuleDetail(props: { rule: AlertRule; store: AlertsStore; teams: Team[]; canEdit: boolean }) {
  const [state, actions] = props.store;
  const [error, setError] = createSignal<unknown>(null);
  const [busy, setBusy] = createSignal(false);
  const [editing, setEditing] = createSignal(false);
  const names = () => new Map(props.teams.map((t) => [t.id, t.name]));
  const [dryRun, setDryRun] = createSignal<AlertDryRun | null>(null);
  const slug = useStores().session[0].orgSlug;
  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="panel" aria-label={`Rule ${props.rule.name}`}>
      <h3>
        {props.rule.name}{' '}
        <Show when={props.rule.paused}>
          <span class="tag">paused</span>
        </Show>
      </h3>
      <RulePreview
        condition={props.rule}
        schedule={props.rule.schedule}
        timezone={props.rule.timezone}
        names={names()}
        paused={props.rule.paused}
        runs={props.rule.nextRuns}
        now={new Date()}
      />
      <p class="muted">
        Cron <code>{props.rule.schedule}</code> ·{' '}
        {props.rule.digest ? 'one digest message per check' : 'one message per team'} · webhook{' '}
        {props.rule.webhook.url} (secret {props.rule.webhook.secretHint})
      </p>
      <Show when={props.canEdit}>
        <div class="button-row">
          <button type="button" class="secondary" onClick={() => setEditing(!editing())}>
            {editing() ? 'Close editor' : 'Edit rule'}
          </button>
          <button
            type="button"
            class="secondary"
            disabled={busy()}
            onClick={() => void run(() => actions.update(props.rule.id, { paused: !props.rule.paused }))}
          >
            {props.rule.paused ? 'Resume' : 'Pause'}
          </button>
          <button
            type="button"
            disabled={busy()}
            onClick={() => void run(async () => setDryRun(await alertsApi.dryRun(slug()!, props.rule.id)))}
          >
            Dry run (sends nothing)
          </button>
          <button
            type="button"
            class="secondary"
            disabled={busy()}
            onClick={() => void run(() => actions.evaluate(props.rule.id))}
          >
            {busy() ? 'Evaluating…' : 'Evaluate now (opens and sends)'}
          </button>
          <button type="button" class="secondary" onClick={() => void actions.refreshSelected()}>
            Refresh
          </button>
          <button
            type="button"
            class="secondary"
            onClick={() => void run(() => actions.remove(props.rule.id))}
          >
            Delete rule
          </button>
        </div>
      </Show>
      <Show when={error()}>
        <ErrorMessage error={error()} />
      </Show>
      <Show when={editing()}>
        <RuleForm
          teams={props.teams}
          rule={props.rule}
          onSubmit={async (patch) => {
            await actions.update(props.rule.id, patch);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      </Show>
      <Show when={dryRun()}>
        {(dry) => (
          <div class="note" role="status" aria-label="Dry run">
            <p>
              Dry run: {dry().wouldOpen.length} of {dry().findings.length} teams would open an alert,{' '}
              {dry().wouldResolve.length} would resolve; nothing was opened or sent.{' '}
              {messagesWord(props.rule.digest, dry().wouldOpen.length + dry().wouldResolve.length)}
            </p>
            <ul>
              <For each={dry().wouldOpen}>
                {(a) => (
                  <li>
                    Would open: {a.teamName}, week of {a.breachDate} ({a.value.toPrecision(3)})
                  </li>
                )}
              </For>
              <For each={dry().wouldResolve}>{(a) => <li>Would resolve: {a.teamName}</li>}</For>
            </ul>
          </div>
        )}
      </Show>
      <Show when={state.evaluation()}>
        {(evaluation) => (
          <div class="note" role="status">
            <Show
              when={evaluation().status === 'ok'}
              fallback={<p>The evaluation failed: {evaluation().error}</p>}
            >
              <p>
                {evaluation().findings.filter((f) => f.breached).length} of {evaluation().findings.length}{' '}
                teams cross the threshold; {evaluation().opened.length} alerts opened,{' '}
                {evaluation().resolved.length} resolved.
              </p>
              <ul>
                <For each={evaluation().findings.filter((f) => f.breached)}>
                  {(f) => (
                    <li>
                      {f.teamName}: week of {f.date} ({f.value?.toPrecision(3)})
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </div>
        )}
      </Show>
      <h4>Alert history</h4>
      <Show when={!state.alerts.error} fallback={<ErrorMessage error={state.alerts.error} />}>
        <Show when={state.alerts()} fallback={<Loading what="alert history" />}>
          {(alerts) => (
            <AlertHistory
              alerts={alerts()}
              canAcknowledge={props.canEdit}
              onAcknowledge={(id) => void run(() => actions.acknowledge(id))}
            />
          )}
        </Show>
      </Show>
      <h4>Delivery log</h4>
      <Show when={!state.deliveries.error} fallback={<ErrorMessage error={state.deliveries.error} />}>
        <Show when={state.deliveries()} fallback={<Loading what="deliveries" />}>
          {(deliveries) => <DeliveryLog deliveries={deliveries()} />}
        </Show>
      </Show>
    </section>
  );
}
