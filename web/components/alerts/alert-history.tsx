import { For, Show } from 'solid-js';
import type { Alert } from '../../api/alerts-client';
import { Empty } from '../states';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('en-GB') : '—');

/** Alerts of a rule per team, newest first, with acknowledge for open or unacknowledged ones. */
export function AlertHistory(props: {
  alerts: Alert[];
  canAcknowledge: boolean;
  onAcknowledge: (id: string) => void;
}) {
  return (
    <Show when={props.alerts.length} fallback={<Empty title="No alerts yet." />}>
      <section class="table-scroll" tabindex="0" aria-label="Alert history table">
        <table aria-label="Alert history">
          <thead>
            <tr>
              <th>Team</th>
              <th>State</th>
              <th>Breach week</th>
              <th class="num">Value</th>
              <th>Opened</th>
              <th>Resolved</th>
              <th>Acknowledged</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.alerts}>
              {(a) => (
                <tr>
                  <td>{a.teamName}</td>
                  <td>
                    <span class="tag">{a.state}</span>
                  </td>
                  <td>{a.breachDate}</td>
                  <td class="num">{a.value.toPrecision(3)}</td>
                  <td>{when(a.openedAt)}</td>
                  <td>{when(a.resolvedAt)}</td>
                  <td>
                    <Show
                      when={a.acknowledgedAt}
                      fallback={
                        <Show when={props.canAcknowledge} fallback="—">
                          <button type="button" class="link-button" onClick={() => props.onAcknowledge(a.id)}>
                            Acknowledge
                          </button>
                        </Show>
                      }
                    >
                      {when(a.acknowledgedAt)}
                    </Show>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </section>
    </Show>
  );
}
