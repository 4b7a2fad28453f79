import { For, Show } from 'solid-js';
import type { AlertDelivery } from '../../api/alerts-client';
import { Empty } from '../states';

/** Webhook deliveries, newest first: state and every attempt's status code (or error) and latency. */
export function DeliveryLog(props: { deliveries: AlertDelivery[] }) {
  return (
    <Show when={props.deliveries.length} fallback={<Empty title="Nothing delivered yet." />}>
      <section class="table-scroll" tabindex="0" aria-label="Delivery log table">
        <table aria-label="Delivery log">
          <thead>
            <tr>
              <th>Created</th>
              <th>Event</th>
              <th>Teams</th>
              <th>Status</th>
              <th>Attempts (status · latency)</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.deliveries}>
              {(d) => (
                <tr>
                  <td>{new Date(d.createdAt).toLocaleString('en-GB')}</td>
                  <td>{d.event}</td>
                  <td>{d.teams.map((t) => t.name).join(', ') || '—'}</td>
                  <td>
                    <span class="tag">{d.status}</span>
                    <Show when={d.nextAttemptAt}>
                      {' '}
                      · retry at {new Date(d.nextAttemptAt ?? '').toLocaleTimeString()}
                    </Show>
                  </td>
                  <td>
                    <For each={d.attempts}>
                      {(a) => (
                        <span class="attempt" title={a.error ?? undefined}>
                          #{a.attempt} {a.statusCode ?? 'network error'} · {a.latencyMs} ms{' '}
                        </span>
                      )}
                    </For>
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
